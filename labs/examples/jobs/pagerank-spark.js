// PageRank in Spark (Cookbook 20.2.1): the links are grouped once, partitioned by page and cached,
// so each of the 10 iterations joins them in memory without reading or shuffling them again.
export default async (sc) => {
  const links = sc
    .textFile('/data/graph.txt')
    .map((l) => l.split(' '))
    .groupByKey(4)
    .cache();
  let ranks = links.mapValues(() => 1);
  for (let i = 0; i < 10; i++) {
    const contribs = links.join(ranks).flatMap(([, [urls, rank]]) => urls.map((u) => [u, rank / urls.length]));
    ranks = contribs.reduceByKey((a, b) => a + b, 4).mapValues((r) => 0.15 + 0.85 * r);
  }
  return (await ranks.collect()).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([p, r]) => [p, Math.round(r * 1e6) / 1e6]);
};
