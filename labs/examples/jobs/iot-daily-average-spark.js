// The same daily average in Spark (Cookbook 20.2.1): reduceByKey sums (total, count) pairs with
// a map-side combine, then mapValues divides.
export default async (sc) =>
  sc
    .textFile('/data/sensors.csv')
    .map((line) => {
      const [ts, , v] = line.split(',');
      return [ts.slice(0, 10), [Number(v), 1]];
    })
    .reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]])
    .mapValues(([sum, n]) => sum / n)
    .sortByKey()
    .collect();
