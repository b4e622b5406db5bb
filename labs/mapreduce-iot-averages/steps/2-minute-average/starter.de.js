// Minutenmittelwerte (Ausgangspunkt: der Tages-Job) der Messwerte eines Sensors (Cookbook 20.1.2, Abbildung 20.2).
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/minutes',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [timestamp, , value] = line.split(',');
    // TODO: behalte diesmal Stunde und Minute im Key.
    ctx.write(timestamp.slice(0, 10), Number(value)); // "2016-05-01"
  },
  reduce(day, values, ctx) {
    let sum = 0;
    let count = 0;
    // values ist ein Iterable, das man einmal durchläuft, wie Hadoop es liefert: beim Summieren mitzählen.
    for (const v of values) {
      sum += v;
      count++;
    }
    ctx.write(day, sum / count);
  },
};
