// Mean and highest reading of each sensor (Cookbook 20.2.10), in one pass over
// /data/readings.csv: 3.2 GB in 26 blocks of 128 MB, stored on the six Hadoop servers.

// No node label: YARN starts the executors in its default partition, the Hadoop servers,
// where the blocks are.
export const conf = {};

/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/readings.csv')
    .map((line) => {
      const [, sensor, value] = line.split(',');
      return [sensor, [Number(value), 1, Number(value)]];
    })
    .reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1], Math.max(a[2], b[2])])
    .mapValues(([sum, count, highest]) => [sum / count, highest])
    .sortByKey()
    .collect();
