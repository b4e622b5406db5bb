/**
 * The spark-in-memory lab (Cookbook 20.2, 20.2.1): the daily averages as one Spark DAG, then
 * an iterative algorithm (PageRank, 10 iterations) as chained MapReduce jobs and as a Spark
 * program, then cache() and lineage. Speed-ups are measured from the simulated runs.
 */
import { cookbookCluster, dataset, graphText, SENSOR_BLOCK_SIZE, sensorText } from '../labData';
import type { JobRunSettings, Lab } from '../labTypes';
import {
  cacheHitsCheck,
  chainedJobsCheck,
  dailyAveragesCheck,
  fasterThanCheck,
  fasterThanUncachedCheck,
  lineageCheck,
  pageRanksCheck,
} from './sparkInMemoryChecks';
import {
  DAILY_MAPREDUCE,
  DAILY_SPARK_SOLUTION,
  DAILY_SPARK_STARTER,
  PAGERANK_CACHE_SOLUTION,
  PAGERANK_CACHE_STARTER,
  PAGERANK_MR_SOLUTION,
  PAGERANK_MR_STARTER,
  PAGERANK_SPARK_SOLUTION,
  PAGERANK_SPARK_STARTER,
} from './sparkInMemoryCode';

const sensors: JobRunSettings = {
  seed: 2020,
  cluster: cookbookCluster('cookbook-9'),
  blockSize: SENSOR_BLOCK_SIZE,
  files: [{ path: '/data/sensors.csv', dataset: 'sensors' }],
};
const graph: JobRunSettings = {
  seed: 2020,
  cluster: cookbookCluster('cookbook-9'),
  blockSize: 16_384,
  files: [{ path: '/data/graph.txt', dataset: 'graph' }],
};
const mrReference = {
  id: 'mapreduce',
  label: 'the same PageRank as 11 chained MapReduce jobs',
  run: graph,
  code: { fileName: 'pagerank-mapreduce.js', text: PAGERANK_MR_SOLUTION },
};

export const sparkInMemoryLab: Lab = {
  id: 'spark-in-memory',
  title: "Spark's in-memory DAG",
  chapters: ['20.2', '20.2.1'],
  minutes: 30,
  summary: 'Run the same analysis as one Spark DAG and an iterative algorithm with cache() and lineage.',
  intro: `MapReduce has exactly two phases, and a job hands its result on only by writing it to storage
(Cookbook 20.1.3). Spark drops both limits (Cookbook 20.2.1): a program is any chain of transformations,
the workers load the input into memory, and intermediate results stay there until the program ends.

You will write the sensor averages of the MapReduce lab as one Spark program, then an algorithm that
needs many rounds over the same data: PageRank, which ranks web pages by the links pointing at them (the
kind of analysis behind the search engine of Cookbook 20.1). You write it twice, as ten chained
MapReduce jobs and as one Spark program, and let the simulated clock say how much the in-memory design
saves. Last, \`cache()\` keeps a dataset in executor memory across iterations, and lineage, the recipe
of how each partition was computed, lets Spark rebuild what a dead node took with it.`,
  cluster: 'cookbook-9',
  datasets: [
    dataset('sensors', '20,000 readings of one sensor over 10 days (seed 2016)', () => sensorText(1)),
    dataset('graph', 'a link graph of 300 pages, 1-4 links each, `src dst` per line (seed 1998)', graphText),
  ],
  steps: [
    {
      id: 'daily-dag',
      title: 'The daily averages as one Spark DAG',
      kind: 'spark',
      instructions: `**Cookbook 20.2.1.** A Spark program is a function of the SparkContext \`sc\`: \`textFile\` reads from
HDFS, transformations such as \`map\`, \`reduceByKey\` and \`mapValues\` describe new datasets (RDDs), and
an action such as \`collect\` runs the whole chain as one job. Spark cuts the chain into stages where data
must be shuffled, and the DAG view shows them.

Complete the program so it returns \`[day, average]\` pairs, sorted by day, like the MapReduce lab. As
there, carry \`[value, 1]\` pairs: \`reduceByKey\` adds them up (partly on the map side) and \`mapValues\`
divides once at the end.`,
      starter: DAILY_SPARK_STARTER,
      solution: DAILY_SPARK_SOLUTION,
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
          code: { fileName: 'daily-mapreduce.js', text: DAILY_MAPREDUCE },
        },
      ],
      checks: [
        dailyAveragesCheck('exact-averages'),
        fasterThanCheck('faster-than-mapreduce', 'mapreduce', 1.05, 'daily averages'),
      ],
    },
    {
      id: 'pagerank-mapreduce',
      title: 'An iterative algorithm in MapReduce',
      kind: 'mapreduce',
      instructions: `**Cookbook 20.1.3, 20.2.1.** PageRank starts every page at rank 1 and repeats one step: each page
shares its rank equally among the pages it links to, and a page's new rank is 0.15 plus 0.85 times what
it received. Ten rounds give stable ranks.

In MapReduce each round is a whole job that reads the previous round's output from HDFS and writes its own
back, links included. The starter chains the jobs but runs one round and forgets the damping. Fix both,
then look at the timeline. Every round is a new job: its ApplicationMaster gets a container first (the
long tan bars), then every task waits for a NodeManager heartbeat, starts a container and a JVM (the grey
start of each bar, about a second), reads the previous round's output in full from HDFS, and the
reducers write the new ranks back through a pipeline of three replicas. On this small graph the read and
the replicated write take milliseconds, too thin to see at this zoom (hover a bar: its details list every
phase); the start-ups and the waits between rounds are what you see. On a web-sized graph the full read
and write of every round grow with the data too, and they are what Spark avoids.`,
      starter: PAGERANK_MR_STARTER,
      solution: PAGERANK_MR_SOLUTION,
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
      instructions: `**Cookbook 20.2.1.** In Spark the ten rounds are a loop in one program. \`links\` holds each page's
link targets; each round joins it with the current \`ranks\`, sends every target its share
(\`flatMap\`), adds the shares per page (\`reduceByKey\`) and applies the damping (\`mapValues\`).
Transformations only describe the work; an action runs it as a Spark job. The starter ends each round
with one (\`count\`), so the program runs 11 jobs, and nothing is written to HDFS in between.

Write the loop body. Your program is also timed against step 2's MapReduce chain on the same graph and
cluster; the check reports the measured speed-up. Then open the DAG view and step through the jobs:
Spark numbers stages across the whole program, and a job whose parent stages' shuffle output still
exists skips them (greyed, "skipped"). Stage 0, \`textFile\` → \`map\`, runs once, in job 0: Spark does
not read /data/graph.txt again.`,
      starter: PAGERANK_SPARK_STARTER,
      solution: PAGERANK_SPARK_SOLUTION,
      hints: [
        '`links.join(ranks)` gives `[page, [targets, rank]]` rows.',
        'flatMap each row to `targets.map((t) => [t, rank / targets.length])`.',
        'Then `ranks = contributions.reduceByKey((a, b) => a + b, 4).mapValues((sum) => 0.15 + 0.85 * sum)`.',
      ],
      run: graph,
      extraRuns: [mrReference],
      checks: [
        pageRanksCheck('ranks-correct'),
        fasterThanCheck('faster-than-mapreduce', 'mapreduce', 3, 'PageRank, 10 iterations'),
      ],
    },
    {
      id: 'cache-lineage',
      title: 'cache() and lineage',
      kind: 'spark',
      instructions: `**Cookbook 20.2.1.** Every round of your loop uses \`links\`, but an RDD is only a recipe: without
\`cache()\` Spark follows it again each round. It keeps the shuffle files of \`groupByKey\`, so it does
not re-read /data/graph.txt (the DAG view shows stage 0 skipped in every job after the first), but it
fetches the shuffled pairs again and regroups them every time. \`cache()\` keeps the finished
partitions in the executors' memory the first time they are computed (the DAG view marks a cached RDD
with a green dot), and later tasks are sent to the executor that holds them (PROCESS_LOCAL in the
timeline).

Cache \`links\` and compare the time with step 3: on this small graph the gain is modest, and the
check asks only that there is one. Memory is not storage, though: your program also runs
once more with a node killed mid-run. The executor on that node loses its cached partitions, and Spark
rebuilds them from their lineage on another node: it groups them again from \`groupByKey\`'s shuffle
files on the surviving nodes (had those been lost too, it would first re-read and split the file). The
result must not change.`,
      starter: PAGERANK_CACHE_STARTER,
      solution: PAGERANK_CACHE_SOLUTION,
      hints: ['Only one line changes: the definition of links.', 'Append `.cache()` after `.groupByKey(4)`.'],
      run: graph,
      extraRuns: [
        {
          id: 'uncached',
          label: 'the same program without cache()',
          run: graph,
          code: { fileName: 'pagerank-uncached.js', text: PAGERANK_SPARK_SOLUTION },
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
        fasterThanUncachedCheck('cache-pays', 'uncached'),
        lineageCheck('lineage-recovers', 'node-lost'),
      ],
    },
  ],
};
