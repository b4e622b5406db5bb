// Mean and highest reading of each sensor (Cookbook 20.2.10), in one pass over
// /data/readings.csv: 3.2 GB in 26 blocks of 128 MB, stored on the six Hadoop servers.

// Submit-time settings, as spark-submit --conf gives them: fixed before the application starts.
// The three Spark servers carry the YARN node label 'compute'; the Hadoop servers carry none.
export const conf = {
  'spark.yarn.executor.nodeLabelExpression': 'compute',
};

/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/readings.csv')
    .map((line) => {
      const [, sensor, value] = line.split(',');
      return [sensor, [Number(value), 1, Number(value)]];
    })
    // TODO: combine the [sum, count, highest] triples of each sensor into one, with reduceByKey.
    .mapValues(([sum, count, highest]) => [sum / count, highest])
    .sortByKey()
    .collect();
