// Daily averages again, now run on 10x the data with 10x the machines (Cookbook 20.1.2).
// TODO: add a combine(day, values, ctx) step so each mapper sends one small record per day
//       to the reducers instead of every reading. Careful: an average of averages is wrong.
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/daily',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [timestamp, , value] = line.split(',');
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
