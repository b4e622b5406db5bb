/**
 * The data-locality lab (Cookbook 20.2.10, Figure 20.5): Spark's executors on the DataNodes
 * versus on separate, stronger servers, chosen the way YARN does it (a node label, asked for with
 * spark.yarn.executor.nodeLabelExpression); the locality levels and spark.locality.wait; and the
 * CPU-bound job for which the stronger servers win although every block crosses the network.
 * Texts and job files are the files beside this one (steps/<n>-<id>/).
 */
import { dataset } from '../labData';
import type { JobRunSettings, Lab, StepVariant } from '../labTypes';
import { readingsTextFor } from './readingsVariant';
import {
  countsCheck,
  deadlineCheck,
  localShareCheck,
  meanAndHighestCheck,
  networkBytesCheck,
  plainHotCounts,
  plainOddCounts,
} from './checks';
import {
  IO_COSTS,
  localityCluster,
  READINGS_BLOCK_SIZE,
  READINGS_PATH,
  READINGS_SCALE,
  SCORING_COSTS,
  readingsText,
} from './cluster';
import intro from './intro.md?raw';
import workersInstructions from './steps/1-workers-on-datanodes/instructions.md?raw';
import workersStarter from './steps/1-workers-on-datanodes/starter.js?raw';
import workersSolution from './steps/1-workers-on-datanodes/solution.js?raw';
import waitInstructions from './steps/2-locality-wait/instructions.md?raw';
import waitStarter from './steps/2-locality-wait/starter.js?raw';
import waitSolution from './steps/2-locality-wait/solution.js?raw';
import serversInstructions from './steps/3-stronger-servers/instructions.md?raw';
import serversStarter from './steps/3-stronger-servers/starter.js?raw';
import serversSolution from './steps/3-stronger-servers/solution.js?raw';

/** Step 3's deadline: the scores are due within eight minutes. */
export const SCORING_DEADLINE_MS = 480_000;
/** Step 2's threshold of a hot reading. */
export const HOT = 30;
/** Step 3's distance from the model that makes a reading odd. */
export const ODD = 1.4;

const files = [{ path: READINGS_PATH, dataset: 'readings' }];
const labelled: JobRunSettings = {
  seed: 2010,
  cluster: localityCluster(true, IO_COSTS),
  blockSize: READINGS_BLOCK_SIZE,
  files,
};
const unlabelled: JobRunSettings = { ...labelled, cluster: localityCluster(false, IO_COSTS) };
const scoring: JobRunSettings = { ...labelled, cluster: localityCluster(true, SCORING_COSTS) };

/** A step's variant: the student's readings (readingsVariant.ts); its texts and code the step's own. */
const variant = (instructions: string, starter: string, solution: string): StepVariant => ({
  description:
    "each student's readings are drawn from their own seed (every tenth digit anew, the same blocks): other means, highest, hot and odd readings per sensor",
  datasets: ['readings'],
  instructions,
  values: () => ({}),
  starter: () => starter,
  solution: () => solution,
});

const oddReadings = countsCheck(
  'odd-readings',
  'odd readings per sensor',
  (text) => plainOddCounts(ODD, text),
  'keep the readings more than 1.4 away from what the model expects, then count them per sensor',
);

const lab: Lab = {
  id: 'data-locality',
  title: 'Data locality: Spark on the DataNodes',
  chapters: ['20.2.10'],
  minutes: 30,
  summary:
    'Run Spark beside the data or on stronger servers apart, and read the locality levels, the network bytes and the time.',
  intro,
  figures: ['20.5'],
  cluster: 'cookbook-9',
  datasets: [
    {
      ...dataset(
        'readings',
        '100,000 readings `timestamp,sensor,value` of 9 sensors over 30 days (seed 2016), each standing for 1,000',
        readingsText,
      ),
      forSeed: readingsTextFor,
    },
  ],
  steps: [
    {
      id: 'workers-on-datanodes',
      title: 'Executors where the blocks are',
      kind: 'spark',
      instructions: workersInstructions,
      figures: ['20.5'],
      starter: workersStarter,
      solution: workersSolution,
      variant: variant(workersInstructions, workersStarter, workersSolution),
      // In practice the readings are drawn afresh, the blocks stay where the lesson put them: at
      // the default spark.locality.wait (step 2's subject) other placements leave up to 12% remote.
      practice: { sameSimulation: true },
      hints: [
        'Look at where the executors run in the cluster map, and at the Locality Level column of the stages: the Spark servers store no block.',
        "Executors without a node label go to YARN's default partition: the Hadoop servers, which hold the blocks.",
        'Remove the node label setting from `conf`, and combine the triples with `.reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1], Math.max(a[2], b[2])])`.',
      ],
      run: labelled,
      checks: [
        meanAndHighestCheck('mean-and-highest'),
        localShareCheck(
          'blocks-read-locally',
          0.9,
          'a task runs NODE_LOCAL only on a machine that stores its block; where do the executors run, and where are the blocks?',
        ),
        networkBytesCheck(
          'network-bytes',
          0.1,
          'every block a task reads on a machine without it crosses the network; run the executors where the blocks are',
          READINGS_SCALE,
        ),
      ],
    },
    {
      id: 'locality-wait',
      title: 'Locality levels and spark.locality.wait',
      kind: 'spark',
      instructions: waitInstructions,
      starter: waitStarter,
      solution: waitSolution,
      hints: [
        'In the task timeline, look at when the RACK_LOCAL and ANY tasks start, and how long the tasks before them ran.',
        'A task gives up its place near the data after `spark.locality.wait` without a free core there; the tasks here run longer than 3 s.',
        "Set `'spark.locality.wait'` to a time longer than a task runs (10s), and filter with `.filter(([, , value]) => Number(value) >= 30)` before the map to pairs.",
      ],
      run: unlabelled,
      checks: [
        countsCheck(
          'hot-readings',
          'readings of 30.0 or more per sensor',
          (text) => plainHotCounts(HOT, text),
          'keep the readings whose value is 30.0 or more (Number(value) >= 30), then count them per sensor',
        ),
        localShareCheck(
          'blocks-read-locally',
          0.95,
          'the others waited spark.locality.wait for a core beside their block, gave up and read it from another machine; how long do the tasks before them run?',
          'the others did not wait for a core beside their block: with no spark.locality.wait (0) they started at once on another machine and read their block from there; how long do the tasks before them run, and how long should a task wait?',
        ),
        networkBytesCheck(
          'network-bytes',
          0.05,
          'the blocks of the tasks that gave up waiting crossed the network, most of them the slow link between racks',
          READINGS_SCALE,
        ),
      ],
    },
    {
      id: 'stronger-servers',
      title: 'When the stronger servers win',
      kind: 'spark',
      instructions: serversInstructions,
      starter: serversStarter,
      solution: serversSolution,
      hints: [
        "Compare the stages' Input and Duration: is this job waiting on its disks or on its cores?",
        'The Spark servers have 48 cores, each twice as fast as a Hadoop server core; the Hadoop servers have 24.',
        "Set `conf` to `{ 'spark.yarn.executor.nodeLabelExpression': 'compute' }`, and count with `.filter(([, distance]) => distance > 1.4).mapValues(() => 1).reduceByKey((a, b) => a + b)`.",
      ],
      run: scoring,
      checks: [
        oddReadings,
        deadlineCheck(
          'within-deadline',
          SCORING_DEADLINE_MS,
          "the scoring is bound by CPU: look at the stages' duration against their input, at which machines have the most and fastest cores, and at how many steps each reading passes through",
          oddReadings,
        ),
      ],
    },
  ],
};

export default lab;
