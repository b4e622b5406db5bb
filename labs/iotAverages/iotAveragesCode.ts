/** Starter and reference job files of the mapreduce-iot-averages lab (the learner sees the starters). */

export const DAILY_STARTER = `// Daily averages of one sensor's readings (Cookbook 20.1.2, Figure 20.2).
// Every line of /data/sensors.csv is "timestamp,sensor,value", for example
//   2016-05-01 01:02:03,sensor-1,21.7
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
    ctx.write(key, values[0]);
  },
};
`;

export const DAILY_SOLUTION = `// Daily averages of one sensor's readings (Cookbook 20.1.2, Figure 20.2).
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
    for (const v of values) sum += v;
    ctx.write(day, sum / values.length);
  },
};
`;

export const MINUTE_STARTER = DAILY_SOLUTION.replace('// Daily averages', '// Minute averages (start: the daily job)')
  .replace("'/out/daily'", "'/out/minutes'")
  .replace(
    'ctx.write(timestamp.slice(0, 10), Number(value)); // "2016-05-01"',
    '// TODO: keep hour and minute in the key this time.\n    ctx.write(timestamp.slice(0, 10), Number(value)); // "2016-05-01"',
  );

export const MINUTE_SOLUTION = `// Minute averages of one sensor's readings (Cookbook 20.1.2).
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
    for (const v of values) sum += v;
    ctx.write(minute, sum / values.length);
  },
};
`;

export const SCALE_STARTER = DAILY_SOLUTION.replace(
  "// Daily averages of one sensor's readings (Cookbook 20.1.2, Figure 20.2).",
  `// Daily averages again, now run on 10x the data with 10x the machines (Cookbook 20.1.2).
// TODO: add a combine(day, values, ctx) step so each mapper sends one small record per day
//       to the reducers instead of every reading. Careful: an average of averages is wrong.`,
);

export const SCALE_SOLUTION = `// Daily averages that scale out (Cookbook 20.1.2): the combiner pre-sums each mapper's
// readings per day into one [sum, count] pair, so the three reducers get a few records per
// mapper whatever the size of the data, and the average is taken only at the very end.
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
`;
