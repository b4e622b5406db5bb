/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/daily',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [timestamp, , value] = line.split(',');
    ctx.write(timestamp.slice(0, 10), Number(value));
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
