// Daily averages of one sensor's readings (Cookbook 20.1.2, Figure 20.2).
// Every line of /data/sensors.csv is "timestamp,sensor,value", for example
//   2016-05-01 01:02:03,sensor-1,21.7
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/daily',
  numReduceTasks: 1, // TODO: the cookbook's example runs three reducers
  map(offset, line, ctx) {
    const [timestamp, , value] = line.split(',');
    // TODO: the key must be the day alone: cut hour, minute and second off the timestamp.
    ctx.write(timestamp, Number(value));
  },
  reduce(key, values, ctx) {
    // TODO: write the average of all values of this key, not just the first one.
    // values is an Iterable, as in Hadoop: walk it with for (const v of values).
    for (const v of values) {
      ctx.write(key, v);
      break;
    }
  },
};
