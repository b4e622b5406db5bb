// Daily averages that scale out (Cookbook 20.1.2): the combiner pre-sums each mapper's
// readings per day into one [sum, count] pair, so the three reducers get a few records per
// mapper whatever the size of the data, and the average is taken only at the very end.
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/daily',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [timestamp, , value] = line.split(',');
    ctx.write(timestamp.slice(0, 10), [Number(value), 1]);
  },
  combine(day, pairs, ctx) {
    let sum = 0;
    let count = 0;
    for (const [s, n] of pairs) {
      sum += s;
      count += n;
    }
    ctx.write(day, [sum, count]);
  },
  reduce(day, pairs, ctx) {
    let sum = 0;
    let count = 0;
    for (const [s, n] of pairs) {
      sum += s;
      count += n;
    }
    ctx.write(day, sum / count);
  },
};
