// The nightly analytics report in the analysts' own queue, with executors that fit the room the
// ETL leaves: containers of 2 vcores and 5 GB (4g plus 410 MB overhead, rounded up).
export const conf = {
  'spark.yarn.queue': 'analytics',
  'spark.executor.instances': 6,
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
