// How many readings of each sensor reached 30.0 or more (Cookbook 20.2.10). This cluster has no
// node labels: YARN starts an executor on every machine with a NodeManager, the six Hadoop
// servers and the three Spark servers.

export const conf = {
  // Longer than a task takes: a task waits for a core beside its block rather than reading
  // it over the core switch.
  'spark.locality.wait': '10s',
};

/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/readings.csv')
    .map((line) => line.split(','))
    .filter(([, , value]) => Number(value) >= 30)
    .map(([, sensor]) => [sensor, 1])
    .reduceByKey((a, b) => a + b)
    .sortByKey()
    .collect();
