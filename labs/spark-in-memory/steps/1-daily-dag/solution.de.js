// Tagesmittelwerte als ein Spark-Programm (Cookbook 20.2.1).
/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/sensors.csv')
    .map((line) => {
      const [timestamp, , value] = line.split(',');
      return [timestamp.slice(0, 10), [Number(value), 1]];
    })
    .reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]])
    .mapValues(([sum, count]) => sum / count)
    .sortByKey()
    .collect();
