// The nightly analytics report, on YARN, with executors sized to fit beside the ETL's containers:
// each machine has 4 cores and 16 GB free; an executor of 4 cores and 8g is a container of
// 4 vcores and 9 GB (8g plus 819 MB overhead, rounded up), so one fits on each machine.
export const conf = {
  'spark.executor.instances': 6,
  'spark.executor.cores': 4,
  'spark.executor.memory': '8g',
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
