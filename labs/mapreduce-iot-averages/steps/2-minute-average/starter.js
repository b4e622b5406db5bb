// Minute averages (start: the daily job) of one sensor's readings (Cookbook 20.1.2, Figure 20.2).
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/minutes',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [timestamp, , value] = line.split(',');
    // TODO: keep hour and minute in the key this time.
    ctx.write(timestamp.slice(0, 10), Number(value)); // "2016-05-01"
  },
  reduce(day, values, ctx) {
    let sum = 0;
    let count = 0;
    // values is an Iterable walked once, as Hadoop gives it: count while summing.
    for (const v of values) {
      sum += v;
      count++;
    }
    ctx.write(day, sum / count);
  },
};
