/**
 * The spark-in-memory lab (Cookbook 20.2, 20.2.1): the daily averages as one Spark DAG, then
 * an iterative algorithm (PageRank, 10 iterations) as chained MapReduce jobs and as a Spark
 * program, then cache() and lineage. Speed-ups are measured from the simulated runs. Texts and
 * job files are the files beside this one (steps/<n>-<id>/; reference/ holds a job the checks
 * time the learner's against).
 */
import { cookbookCluster, dataset, GRAPH_COSTS, graphText, SENSOR_BLOCK_SIZE, sensorText } from '../labData';
import type { JobRunSettings, Lab } from '../labTypes';
import {
  cacheHitsCheck,
  chainedJobsCheck,
  dailyAveragesCheck,
  fasterThanCheck,
  fasterThanUncachedCheck,
  lineageCheck,
  pageRanksCheck,
  ROUNDS,
} from './checks';
import { de } from './de';
import { graphTextFor, graphVariant, sensorsFor, sensorsVariant } from './dataVariant';
import intro from './intro.md?raw';
import dailyMapReduce from './reference/daily-mapreduce.js?raw';
import dailyInstructions from './steps/1-daily-dag/instructions.md?raw';
import dailyStarter from './steps/1-daily-dag/starter.js?raw';
import dailySolution from './steps/1-daily-dag/solution.js?raw';
import mrInstructions from './steps/2-pagerank-mapreduce/instructions.md?raw';
import mrStarter from './steps/2-pagerank-mapreduce/starter.js?raw';
import mrSolution from './steps/2-pagerank-mapreduce/solution.js?raw';
import sparkInstructions from './steps/3-pagerank-spark/instructions.md?raw';
import sparkStarter from './steps/3-pagerank-spark/starter.js?raw';
import sparkSolution from './steps/3-pagerank-spark/solution.js?raw';
import cacheInstructions from './steps/4-cache-lineage/instructions.md?raw';
import cacheStarter from './steps/4-cache-lineage/starter.js?raw';
import cacheSolution from './steps/4-cache-lineage/solution.js?raw';

const sensors: JobRunSettings = {
  seed: 2020,
  cluster: cookbookCluster('cookbook-9'),
  blockSize: SENSOR_BLOCK_SIZE,
  files: [{ path: '/data/sensors.csv', dataset: 'sensors' }],
};
const graph: JobRunSettings = {
  seed: 2020,
  cluster: cookbookCluster('cookbook-9', 3, GRAPH_COSTS),
  blockSize: 16_384,
  files: [{ path: '/data/graph.txt', dataset: 'graph' }],
};
const mrReference = {
  id: 'mapreduce',
  label: 'the same PageRank as 11 chained MapReduce jobs',
  run: graph,
  code: { fileName: 'pagerank-mapreduce.js', text: mrSolution },
};

const lab: Lab = {
  id: 'spark-in-memory',
  title: "Spark's in-memory DAG",
  chapters: ['20.2', '20.2.1'],
  minutes: 30,
  summary: 'Run the same analysis as one Spark DAG and an iterative algorithm with cache() and lineage.',
  intro,
  cluster: 'cookbook-9',
  datasets: [
    {
      ...dataset('sensors', '20,000 readings of one sensor over 10 days (seed 2016)', () => sensorText(1)),
      forSeed: sensorsFor,
    },
    {
      ...dataset('graph', 'a link graph of 300 pages, 1-4 links each, `src dst` per line (seed 1998)', graphText),
      forSeed: graphTextFor,
    },
  ],
  translations: { de },
  steps: [
    {
      id: 'daily-dag',
      title: 'The daily averages as one Spark DAG',
      kind: 'spark',
      instructions: dailyInstructions,
      figures: ['20.5', '20.6'],
      starter: dailyStarter,
      solution: dailySolution,
      variant: sensorsVariant(dailyInstructions, dailyStarter, dailySolution),
      hints: [
        'In map, return `[timestamp.slice(0, 10), [Number(value), 1]]`.',
        'Add `.reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]])` after the map.',
        'Then `.mapValues(([sum, count]) => sum / count)` before sortByKey.',
      ],
      run: sensors,
      extraRuns: [
        {
          id: 'mapreduce',
          label: 'the same averages as one MapReduce job',
          run: sensors,
          code: { fileName: 'daily-mapreduce.js', text: dailyMapReduce },
        },
      ],
      checks: [
        dailyAveragesCheck('exact-averages'),
        fasterThanCheck(
          'faster-than-mapreduce',
          'mapreduce',
          1.05,
          'daily averages',
          'Tagesmittelwerte',
          dailyAveragesCheck('exact-averages'),
        ),
      ],
    },
    {
      id: 'pagerank-mapreduce',
      title: 'An iterative algorithm in MapReduce',
      kind: 'mapreduce',
      instructions: mrInstructions,
      figures: ['20.3'],
      starter: mrStarter,
      solution: mrSolution,
      variant: graphVariant(mrInstructions, mrStarter, mrSolution),
      hints: [
        'Two TODOs: the number of iterations and the rank formula in reduce.',
        'Set `ITERATIONS = 10` and `const rank = 0.15 + 0.85 * received;`.',
      ],
      run: graph,
      checks: [pageRanksCheck('ranks-correct'), chainedJobsCheck('eleven-jobs', 11)],
    },
    {
      id: 'pagerank-spark',
      title: 'The same algorithm in Spark',
      kind: 'spark',
      instructions: sparkInstructions,
      figures: ['20.4'],
      starter: sparkStarter,
      solution: sparkSolution,
      variant: graphVariant(sparkInstructions, sparkStarter, sparkSolution),
      hints: [
        '`links.join(ranks)` gives `[page, [targets, rank]]` rows.',
        'flatMap each row to `targets.map((t) => [t, rank / targets.length])`.',
        'Then `ranks = contributions.reduceByKey((a, b) => a + b, 4).mapValues((sum) => 0.15 + 0.85 * sum)`.',
      ],
      run: graph,
      extraRuns: [mrReference],
      checks: [
        pageRanksCheck('ranks-correct'),
        fasterThanCheck(
          'faster-than-mapreduce',
          'mapreduce',
          3,
          'PageRank, 10 iterations',
          'PageRank, 10 Iterationen',
          pageRanksCheck('ranks-correct'),
          ROUNDS,
        ),
      ],
    },
    {
      id: 'cache-lineage',
      title: 'cache() and lineage',
      kind: 'spark',
      instructions: cacheInstructions,
      figures: ['20.5', '20.6'],
      starter: cacheStarter,
      solution: cacheSolution,
      variant: graphVariant(cacheInstructions, cacheStarter, cacheSolution),
      hints: ['Only one line changes: the definition of links.', 'Append `.cache()` after `.groupByKey(4)`.'],
      run: graph,
      extraRuns: [
        {
          id: 'uncached',
          label: 'the same program without cache()',
          run: graph,
          code: { fileName: 'pagerank-uncached.js', text: sparkSolution },
        },
        {
          id: 'node-lost',
          label: 'your program with node n2 killed mid-run',
          run: { ...graph, faults: [{ atMs: 2600, kind: 'killNode', node: 'n2' }] },
          code: 'learner',
        },
      ],
      checks: [
        pageRanksCheck('ranks-correct'),
        cacheHitsCheck('cache-hits', 10),
        fasterThanUncachedCheck('cache-pays', 'uncached', pageRanksCheck('ranks-correct')),
        lineageCheck('lineage-recovers', 'node-lost', pageRanksCheck('ranks-correct')),
      ],
    },
  ],
};

export default lab;
