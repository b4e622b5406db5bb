// The nightly analytics report: the mean reading of every sensor on every day.
// It was written when this cluster ran only Spark, and asks Spark's standalone Master for its
// executors. A standalone Worker still runs beside each NodeManager (Cookbook 20.2.5).
export const conf = {
  'spark.master': 'spark://master:7077',
};

/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/readings.csv')
    .map((line) => line.split(','))
    .map(([timestamp, sensor, value]) => [`${sensor} ${timestamp.slice(0, 10)}`, [Number(value), 1]])
    .reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]])
    .mapValues(([sum, count]) => sum / count)
    .sortByKey()
    .collect();
