// A CPU-heavy map: every reading goes through forty rounds of arithmetic before it is
// counted per sensor, so the map phase is bound by computation, not by reading.
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/cpu-heavy',
  numReduceTasks: 2,
  map(offset, line, ctx) {
    const parts = line.split(',');
    let x = Number(parts[2]);
    for (let i = 0; i < 40; i++) x = Math.sqrt(x * x + i) % 97;
    ctx.write(parts[1], Math.round(x * 1000) / 1000);
  },
  reduce(sensor, values, ctx) {
    let s = 0;
    for (const v of values) s += v;
    ctx.write(sensor, Math.round(s * 1000) / 1000);
  },
};
