// Score every reading against a model and count, per sensor, the readings the model finds odd
// (Cookbook 20.2.10). The model is expensive: about 50 microseconds of CPU on a Hadoop server's
// core for every reading at every step it passes through. This job is bound by its CPU, not its disks.

// Step 1's lesson: the executors run on the Hadoop servers, beside the blocks.
export const conf = {};

/** The reading the model expects from sensor `n` at second `s` of the day. */
function expected(n, s) {
  return 19.5 + n + 4 * Math.sin((s / 86400) * 2 * Math.PI);
}

/** @param {SparkContext} sc */
export default async (sc) =>
  sc
    .textFile('/data/readings.csv')
    .map((line) => {
      const [timestamp, sensor, value] = line.split(',');
      const [h, m, s] = timestamp.slice(11).split(':').map(Number);
      const n = Number(sensor.slice('sensor-'.length));
      return [sensor, Math.abs(Number(value) - expected(n, h * 3600 + m * 60 + s))];
    })
    // TODO: keep the readings more than 1.4 away from what the model expects, and count them per sensor.
    .sortByKey()
    .collect();
