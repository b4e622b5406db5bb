/**
 * The mapreduce-chaining lab (Cookbook 20.1.3, Figure 20.3): a question that needs two MapReduce
 * jobs (the 10 pages of the link graph with the most in-links), chained through an intermediate
 * result in HDFS; what that intermediate result costs on disks and on the network; and the
 * start-up job 2 pays for every part file job 1 leaves. Texts and job files are the files beside
 * this one (steps/<n>-<id>/: instructions.md, starter.js, solution.js).
 */
import { cookbookCluster, dataset, GRAPH_COSTS, graphText } from '../labData';
import { fillVariantText } from '../variant';
import { graphTextFor, topVariantValues, withTop } from './topVariant';
import type { JobRunSettings, Lab } from '../labTypes';
import {
  fasterChainCheck,
  fewerBytesCheck,
  mapperPerPartCheck,
  oneReplicaCheck,
  readsIntermediateCheck,
  roundTripCheck,
  startupCheck,
  topTenCheck,
  twoJobsCheck,
} from './checks';
import intro from './intro.md?raw';
import chainInstructions from './steps/1-two-jobs/instructions.md?raw';
import chainStarter from './steps/1-two-jobs/starter.js?raw';
import chainSolution from './steps/1-two-jobs/solution.js?raw';
import hdfsInstructions from './steps/2-intermediate-on-hdfs/instructions.md?raw';
import hdfsStarter from './steps/2-intermediate-on-hdfs/starter.js?raw';
import hdfsSolution from './steps/2-intermediate-on-hdfs/solution.js?raw';
import startupInstructions from './steps/3-start-up-cost/instructions.md?raw';
import startupStarter from './steps/3-start-up-cost/starter.js?raw';
import startupSolution from './steps/3-start-up-cost/solution.js?raw';

/** The graph is 6,494 bytes: one block, so job 1 runs one map task. */
export const GRAPH_BLOCK_SIZE = 16_384;

const graph: JobRunSettings = {
  seed: 2020,
  cluster: cookbookCluster('cookbook-9', 3, GRAPH_COSTS),
  blockSize: GRAPH_BLOCK_SIZE,
  files: [{ path: '/data/graph.txt', dataset: 'graph' }],
};

/** Job 2's map tasks may spend this long starting containers altogether: three of them (1.05 s each). */
export const STARTUP_LIMIT_MS = 3_500;

const lab: Lab = {
  id: 'mapreduce-chaining',
  title: 'Chaining MapReduce jobs',
  chapters: ['20.1.3'],
  minutes: 25,
  summary:
    'Answer a question that needs two MapReduce jobs and measure what the intermediate result in HDFS and the second start-up cost.',
  intro,
  figures: ['20.3'],
  cluster: 'cookbook-9',
  datasets: [
    {
      ...dataset('graph', 'a link graph of 300 pages, 1-4 links each, `src dst` per line (seed 1998)', graphText),
      forSeed: graphTextFor,
    },
  ],
  steps: [
    {
      id: 'two-jobs',
      title: 'Two jobs for one question',
      kind: 'mapreduce',
      instructions: fillVariantText(chainInstructions, topVariantValues(null)),
      figures: ['20.3'],
      starter: chainStarter,
      solution: chainSolution,
      variant: {
        description:
          'each student ranks a link graph drawn from their own seed, and lists their own number of pages (5 to 15)',
        datasets: ['graph'],
        instructions: chainInstructions,
        values: topVariantValues,
        starter: (values) => withTop(chainStarter, values),
        solution: (values) => withTop(chainSolution, values),
      },
      hints: [
        'A line "p12 p3" is a link from p12 to p3: it is one of p3\'s in-links, so the key of the first map is the second page of the line.',
        'The sort comparator returns a negative number when a comes first. With keys [links, page], compare the links the other way round, and only when they are equal compare the pages as strings.',
        'Write `return linksB - linksA` when the counts differ, else `pageA < pageB ? -1 : pageA > pageB ? 1 : 0`; end the file with `export default [countInLinks, topTen];`.',
      ],
      run: graph,
      checks: [topTenCheck('exact-top-10'), twoJobsCheck('two-jobs'), readsIntermediateCheck('reads-intermediate')],
    },
    {
      id: 'intermediate-on-hdfs',
      title: 'The intermediate result is an HDFS file',
      kind: 'mapreduce',
      instructions: hdfsInstructions,
      figures: ['20.3'],
      starter: hdfsStarter,
      solution: hdfsSolution,
      hints: [
        'The replication of the files a job writes is a setting of that job, by its Hadoop name, `dfs.replication`.',
        "Add `conf: { 'dfs.replication': 1 }` to the first job (count in-links), not to the second.",
      ],
      run: graph,
      extraRuns: [
        {
          id: 'three-replicas',
          label: 'the same chain, the intermediate result with three replicas',
          run: graph,
          code: { fileName: 'three-replicas.js', text: chainSolution },
        },
      ],
      checks: [
        topTenCheck('exact-top-10'),
        roundTripCheck('round-trip'),
        oneReplicaCheck('one-replica'),
        fewerBytesCheck('fewer-bytes', 'three-replicas'),
      ],
    },
    {
      id: 'start-up-cost',
      title: 'Every part file is a mapper to start',
      kind: 'mapreduce',
      instructions: startupInstructions,
      figures: ['20.3'],
      starter: startupStarter,
      solution: startupSolution,
      hints: [
        "Job 2 gets one map task per file in its input directory, and job 1 writes one file per reducer: job 1's numReduceTasks is job 2's number of map tasks.",
        'All the counts together are 1,694 bytes, a few milliseconds of work for one map task.',
        "Set job 1's `numReduceTasks` to 1 (up to 3 passes).",
      ],
      // A practice attempt's link graph is another: its hints do not state the lesson's bytes.
      practice: {
        hints: [
          "Job 2 gets one map task per file in its input directory, and job 1 writes one file per reducer: job 1's numReduceTasks is job 2's number of map tasks.",
          'The run tells how many bytes job 1 wrote in all: so few that one map task reads them in milliseconds.',
          "Set job 1's `numReduceTasks` to 1 (up to 3 passes).",
        ],
      },
      run: graph,
      extraRuns: [
        {
          id: 'many-part-files',
          label: 'the starter: job 1 with 36 reducers',
          run: graph,
          code: { fileName: 'many-part-files.js', text: startupStarter },
        },
      ],
      checks: [
        topTenCheck('exact-top-10'),
        mapperPerPartCheck('mapper-per-part-file'),
        startupCheck('start-up-time', STARTUP_LIMIT_MS),
        fasterChainCheck('faster-chain', 'many-part-files', 1.5, '36 part files'),
      ],
    },
  ],
};

export default lab;
