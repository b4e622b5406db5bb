// Tagesmittelwerte, die horizontal skalieren (Cookbook 20.1.2): Der Combiner summiert die Messwerte
// jedes Mappers pro Tag zu einem [sum, count]-Paar vor, sodass die drei Reducer pro Mapper nur wenige
// Datensätze bekommen, egal wie groß die Daten sind, und der Mittelwert entsteht erst ganz am Ende.
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
