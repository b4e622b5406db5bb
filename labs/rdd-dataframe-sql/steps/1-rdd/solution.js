// Readings, mean and highest value of each sensor, as RDD code (Cookbook 20.3).
// /data/sensors.csv holds `timestamp,sensor,value` lines, without a header.
/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/sensors.csv')
    .map((line) => {
      const [, sensor, value] = line.split(',');
      return [sensor, [1, Number(value), Number(value)]];
    })
    // [readings, sum, highest], added up in each map task before the shuffle, then across tasks.
    .reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1], Math.max(a[2], b[2])])
    .mapValues(([readings, sum, highest]) => [readings, sum / readings, highest])
    .sortByKey()
    .collect();
