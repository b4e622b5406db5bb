// The nightly analytics report: the mean reading of every sensor on every day.
// The executors now come from YARN, which also runs the ETL team's containers.
export const conf = {
  'spark.master': 'yarn',
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
