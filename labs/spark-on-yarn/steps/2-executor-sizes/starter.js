// The nightly analytics report, on YARN. Without executor settings, ClusterLab asks YARN for one
// executor per machine with all its cores, and YARN has no such room while the ETL runs.
// TODO: size the executors (Cookbook 20.10): how many, how many cores, how much memory each.
export const conf = {};

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
