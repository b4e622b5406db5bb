// The same question with groupByKey: every reading crosses the shuffle to its sensor's task.
/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/sensors.csv')
    .map((line) => {
      const [, sensor, value] = line.split(',');
      return [sensor, Number(value)];
    })
    .groupByKey()
    .mapValues((values) => {
      let sum = 0;
      let highest = -Infinity;
      for (const v of values) {
        sum += v;
        highest = Math.max(highest, v);
      }
      return [values.length, sum / values.length, highest];
    })
    .sortByKey()
    .collect();
