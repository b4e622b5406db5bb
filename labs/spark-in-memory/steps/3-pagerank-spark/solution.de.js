// PageRank, 10 Iterationen, als ein Spark-Programm (Cookbook 20.2.1): Die Zwischenränge
// bleiben von einer Iteration zur nächsten im Arbeitsspeicher der Executors.
/** @param {SparkContext} sc */
export default async (sc) => {
  const links = sc
    .textFile('/data/graph.txt')
    .map((line) => line.split(' '))
    .groupByKey(4);
  let ranks = links.mapValues(() => 1);
  for (let i = 0; i < 10; i++) {
    const contributions = links
      .join(ranks)
      .flatMap(([, [targets, rank]]) => targets.map((t) => [t, rank / targets.length]));
    ranks = contributions.reduceByKey((a, b) => a + b, 4).mapValues((sum) => 0.15 + 0.85 * sum);
    // Eine Action beendet jede Runde (so, wie wenn du Runden misst oder zusiehst, wie sie
    // konvergieren): Jede Runde läuft als eigener Spark-Job. Die DAG-Ansicht listet die Jobs auf
    // und was jeder überspringt.
    await ranks.count();
  }
  const rows = await ranks.collect();
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([page, rank]) => [page, Math.round(rank * 1e6) / 1e6]);
};
