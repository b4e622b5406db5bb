// Tagesmittelwerte der Messwerte eines Sensors (Cookbook 20.1.2, Abbildung 20.2).
// Jede Zeile von /data/sensors.csv ist "timestamp,sensor,value", zum Beispiel
//   2016-05-01 01:02:03,sensor-1,21.7
/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/daily',
  numReduceTasks: 1, // TODO: das Beispiel im Cookbook lässt drei Reducer laufen
  map(offset, line, ctx) {
    const [timestamp, , value] = line.split(',');
    // TODO: der Key muss allein der Tag sein: schneide Stunde, Minute und Sekunde vom Zeitstempel ab.
    ctx.write(timestamp, Number(value));
  },
  reduce(key, values, ctx) {
    // TODO: schreibe den Mittelwert aller Werte dieses Keys, nicht nur den ersten.
    // values ist wie in Hadoop ein Iterable: durchlaufe es mit for (const v of values).
    for (const v of values) {
      ctx.write(key, v);
      break;
    }
  },
};
