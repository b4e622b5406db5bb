// The nightly analytics report, now that the ETL team and the analysts each have a YARN queue.
// A colleague copied the submission settings from the ETL team's scripts.
export const conf = {
  'spark.yarn.queue': 'etl',
  'spark.executor.instances': 3,
  'spark.executor.cores': 2,
  'spark.executor.memory': '4g',
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
