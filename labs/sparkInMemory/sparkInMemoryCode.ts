/** Starter and reference job files of the spark-in-memory lab (the learner sees the starters). */

export const DAILY_SPARK_STARTER = `// Daily averages as one Spark program (Cookbook 20.2.1): the same answer as the
// MapReduce job, written as a chain of transformations on an RDD.
export default async (sc) =>
  sc
    .textFile('/data/sensors.csv')
    .map((line) => {
      const [timestamp, , value] = line.split(',');
      // TODO: key by the day ("2016-05-01") and carry [value, 1], so sums and counts add up.
      return [timestamp, Number(value)];
    })
    // TODO: add the [sum, count] pairs per day with reduceByKey, then divide with mapValues.
    .sortByKey()
    .collect();
`;

export const DAILY_SPARK_SOLUTION = `// Daily averages as one Spark program (Cookbook 20.2.1).
export default async (sc) =>
  sc
    .textFile('/data/sensors.csv')
    .map((line) => {
      const [timestamp, , value] = line.split(',');
      return [timestamp.slice(0, 10), [Number(value), 1]];
    })
    .reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]])
    .mapValues(([sum, count]) => sum / count)
    .sortByKey()
    .collect();
`;

/** The reference MapReduce job the Spark version is timed against (the IoT lab's solution). */
export const DAILY_MAPREDUCE = `export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/daily',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [timestamp, , value] = line.split(',');
    ctx.write(timestamp.slice(0, 10), Number(value));
  },
  reduce(day, values, ctx) {
    let sum = 0;
    for (const v of values) sum += v;
    ctx.write(day, sum / values.length);
  },
};
`;

const PAGERANK_MR = (
  iterations: string,
  rankLine: string,
) => `// PageRank, 10 iterations, as chained MapReduce jobs (Cookbook 20.1.3, 20.2.1). Each
// iteration is a whole job: it reads the previous ranks and the links from HDFS and writes
// both back, because a MapReduce job can only hand its result on through storage.
const ITERATIONS = ${iterations};

// Job 0 groups the edges "src dst" into one line per page: "page TAB 1 TAB dst1,dst2,...".
const build = {
  kind: 'mapreduce', name: 'build links', input: '/data/graph.txt', output: '/pr/iter-0', numReduceTasks: 4,
  map(offset, line, ctx) {
    const [src, dst] = line.split(' ');
    ctx.write(src, dst);
  },
  reduce(page, targets, ctx) {
    ctx.write(page, \`1\\t\${targets.join(',')}\`);
  },
};

const iteration = (i) => ({
  kind: 'mapreduce', name: \`iteration \${i}\`, input: \`/pr/iter-\${i - 1}\`, output: \`/pr/iter-\${i}\`, numReduceTasks: 4,
  map(offset, line, ctx) {
    const [page, rank, links] = line.split('\\t');
    const targets = links ? links.split(',') : [];
    ctx.write(page, \`#\${links ?? ''}\`); // pass the links on to the next iteration
    for (const t of targets) ctx.write(t, Number(rank) / targets.length);
  },
  reduce(page, values, ctx) {
    let received = 0;
    let links = null;
    let got = false;
    for (const v of values) {
      if (typeof v === 'string' && v.startsWith('#')) links = v.slice(1);
      else {
        received += Number(v);
        got = true;
      }
    }
    if (links === null || !got) return; // like Spark's join: pages need links and a contribution
${rankLine}
    ctx.write(page, \`\${i === ITERATIONS ? Math.round(rank * 1e6) / 1e6 : rank}\\t\${links}\`);
  },
});

export default [build, ...Array.from({ length: ITERATIONS }, (_, k) => iteration(k + 1))];
`;

export const PAGERANK_MR_STARTER = PAGERANK_MR(
  '1 // TODO: the algorithm needs 10 iterations',
  '    const rank = received; // TODO: damping: a page keeps 0.15 plus 0.85 of what it received',
);
export const PAGERANK_MR_SOLUTION = PAGERANK_MR('10', '    const rank = 0.15 + 0.85 * received;');

const PAGERANK_SPARK = (
  links: string,
  body: string,
) => `// PageRank, 10 iterations, as one Spark program (Cookbook 20.2.1): the intermediate ranks
// stay in the executors' memory from one iteration to the next.
export default async (sc) => {
  const links = sc
    .textFile('/data/graph.txt')
    .map((line) => line.split(' '))
    .groupByKey(4)${links};
  let ranks = links.mapValues(() => 1);
  for (let i = 0; i < 10; i++) {
${body}
    // An action ends each round (as when you time rounds or watch them converge): each round
    // runs as a Spark job of its own. The DAG view lists the jobs and what each one skips.
    await ranks.count();
  }
  const rows = await ranks.collect();
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([page, rank]) => [page, Math.round(rank * 1e6) / 1e6]);
};
`;

const LOOP = `    const contributions = links
      .join(ranks)
      .flatMap(([, [targets, rank]]) => targets.map((t) => [t, rank / targets.length]));
    ranks = contributions.reduceByKey((a, b) => a + b, 4).mapValues((sum) => 0.15 + 0.85 * sum);`;

export const PAGERANK_SPARK_STARTER = PAGERANK_SPARK(
  '',
  `    // TODO: join links with ranks, send rank / number of links to every target (flatMap),
    //       add the contributions up per page (reduceByKey) and set ranks to 0.15 + 0.85 * sum.`,
);
export const PAGERANK_SPARK_SOLUTION = PAGERANK_SPARK('', LOOP);

export const PAGERANK_CACHE_STARTER = PAGERANK_SPARK(
  ' // TODO: keep these partitions in memory: they are used in every iteration',
  LOOP,
);
export const PAGERANK_CACHE_SOLUTION = PAGERANK_SPARK(
  '\n    .cache() // built once, then read from executor memory in every iteration',
  LOOP,
);
