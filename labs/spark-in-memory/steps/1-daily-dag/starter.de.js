// Tagesmittelwerte als ein Spark-Programm (Cookbook 20.2.1): dieselbe Antwort wie der
// MapReduce-Job, geschrieben als Kette von Transformationen auf einem RDD.
/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/sensors.csv')
    .map((line) => {
      const [timestamp, , value] = line.split(',');
      // TODO: nimm den Tag ("2016-05-01") als Key und reiche [value, 1] weiter, damit sich Summen und Anzahlen addieren.
      return [timestamp, Number(value)];
    })
    // TODO: addiere die [sum, count]-Paare pro Tag mit reduceByKey und teile dann mit mapValues.
    .sortByKey()
    .collect();
