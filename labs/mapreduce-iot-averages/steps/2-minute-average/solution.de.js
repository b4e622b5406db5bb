// Minutenmittelwerte der Messwerte eines Sensors (Cookbook 20.1.2).
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/minutes',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [timestamp, , value] = line.split(',');
    ctx.write(timestamp.slice(0, 16), Number(value)); // "2016-05-01 01:02"
  },
  reduce(minute, values, ctx) {
    let sum = 0;
    let count = 0;
    // values ist ein Iterable, das man einmal durchläuft, wie Hadoop es liefert: beim Summieren mitzählen.
    for (const v of values) {
      sum += v;
      count++;
    }
    ctx.write(minute, sum / count);
  },
};
