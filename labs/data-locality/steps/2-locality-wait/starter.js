// How many readings of each sensor reached 30.0 or more (Cookbook 20.2.10). This cluster has no
// node labels: YARN starts an executor on every machine with a NodeManager, the six Hadoop
// servers and the three Spark servers.

export const conf = {
  // Spark's default: how long a task waits for a free core near its block before it takes
  // one further away (the same for each level: process, node, rack).
  'spark.locality.wait': '3s',
};

/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/readings.csv')
    .map((line) => line.split(','))
    // TODO: keep the readings of 30.0 or more, then count them per sensor.
    .map(([, sensor]) => [sensor, 1])
    .reduceByKey((a, b) => a + b)
    .sortByKey()
    .collect();
