// Daily averages as one Spark program (Cookbook 20.2.1): the same answer as the
// MapReduce job, written as a chain of transformations on an RDD.
/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/sensors.csv')
    .map((line) => {
      const [timestamp, , value] = line.split(',');
      // TODO: key by the day ("2016-05-01") and carry [value, 1], so sums and counts add up.
      return [timestamp, Number(value)];
    })
    // TODO: add the [sum, count] pairs per day with reduceByKey, then divide with mapValues.
    .sortByKey()
    .collect();
