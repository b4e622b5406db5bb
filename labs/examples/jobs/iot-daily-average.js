// The IoT daily average of Cookbook 20.1.2 as a MapReduce job: the map cuts the time off the
// timestamp (key = the day), the reduce averages each day's values.
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/daily',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [ts, , v] = line.split(',');
    ctx.write(ts.slice(0, 10), Number(v));
  },
  reduce(day, values, ctx) {
    let sum = 0;
    let n = 0;
    for (const v of values) {
      sum += v;
      n++;
    }
    ctx.write(day, sum / n);
  },
};
