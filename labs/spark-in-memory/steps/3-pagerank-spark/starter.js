// PageRank, 10 iterations, as one Spark program (Cookbook 20.2.1): the intermediate ranks
// stay in the executors' memory from one iteration to the next.
/** @param {SparkContext} sc */
export default async (sc) => {
  const links = sc
    .textFile('/data/graph.txt')
    .map((line) => line.split(' '))
    .groupByKey(4);
  let ranks = links.mapValues(() => 1);
  for (let i = 0; i < 10; i++) {
    // TODO: join links with ranks, send rank / number of links to every target (flatMap),
    //       add the contributions up per page (reduceByKey) and set ranks to 0.15 + 0.85 * sum.
    // An action ends each round (as when you time rounds or watch them converge): each round
    // runs as a Spark job of its own. The DAG view lists the jobs and what each one skips.
    await ranks.count();
  }
  const rows = await ranks.collect();
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([page, rank]) => [page, Math.round(rank * 1e6) / 1e6]);
};
