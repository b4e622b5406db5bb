// Readings, mean and highest value of each sensor, as RDD code (Cookbook 20.3).
// /data/sensors.csv holds `timestamp,sensor,value` lines, without a header.
/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/sensors.csv')
    .map((line) => {
      const [, sensor, value] = line.split(',');
      return [sensor, Number(value)];
    })
    .groupByKey()
    // TODO: turn each sensor's values into [readings, mean, highest].
    .mapValues((values) => [values.length])
    .sortByKey()
    .collect();
