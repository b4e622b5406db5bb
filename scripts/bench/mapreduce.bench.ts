// MapReduce through the whole `clusterlab run` process vs plain Node loops, measured in the same run.
import { sensorCsv } from '../../engine/datasets/sampleData';
import { fmt, plainDailyAverage, timePlain, timeRun, writeInput } from './benchUtil';

const sensors = writeInput('sensors.csv', sensorCsv(1_000_000));
const plainAvg = plainDailyAverage(sensors);

timeRun(['labs/examples/jobs/iot-daily-average.js', '--json']); // warm the CLI bundle
// Interleaved, best of 3 each: the machine is shared, and the minimum is the least disturbed run.
const plains: number[] = [];
const mrs: number[] = [];
for (let i = 0; i < 3; i++) {
  plains.push(timePlain(plainAvg));
  mrs.push(
    timeRun([
      'labs/examples/jobs/iot-daily-average.js',
      '--put',
      `${sensors}:/data/sensors.csv`,
      '--cluster',
      'cookbook-9',
      '--block-size',
      '4m',
      '--json',
    ]).ms,
  );
}
const plain = Math.min(...plains);
const mrMs = Math.min(...mrs);
const iotRatio = mrMs / plain;
console.log(
  `IoT daily average, 1,000,000 lines, cookbook-9: clusterlab run ${fmt(mrMs)} vs plain loop ${fmt(plain)} (best of 3 each) -> ${iotRatio.toFixed(2)}x (target <= 1.15x: ${iotRatio <= 1.15 ? 'met' : 'NOT met'})`,
);
console.log(`  all runs: clusterlab run [${mrs.map(fmt).join(', ')}], plain loop [${plains.map(fmt).join(', ')}]`);

const cpuArgs = [
  'labs/examples/jobs/cpu-heavy-map.js',
  '--put',
  `${sensors}:/data/sensors.csv`,
  '--cluster',
  'cookbook-9',
  '--block-size',
  '4m',
  '--json',
];
// Interleaved, best of 3: the machine is shared, and the minimum is the least disturbed run.
const ones: { ms: number; out: string }[] = [];
const twos: { ms: number; out: string }[] = [];
for (let i = 0; i < 3; i++) {
  ones.push(timeRun(cpuArgs, { CLUSTERLAB_WORKERS: '1' }));
  twos.push(timeRun(cpuArgs, { CLUSTERLAB_WORKERS: '2' }));
}
const best = (runs: { ms: number; out: string }[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const one = best(ones);
const two = best(twos);
console.log(
  `CPU-heavy map: pool of 1 ${fmt(one.ms)}, pool of 2 ${fmt(two.ms)} (best of 3 each) -> speed-up ${(one.ms / two.ms).toFixed(2)}x`,
);
console.log(
  `  all runs: pool 1 [${ones.map((r) => fmt(r.ms)).join(', ')}], pool 2 [${twos.map((r) => fmt(r.ms)).join(', ')}]`,
);
if (one.out !== two.out) console.log('!!! results differ between pool sizes');

const spark = JSON.parse(timeRun(['labs/examples/jobs/pagerank-spark.js', '--json']).out);
const chained = JSON.parse(timeRun(['labs/examples/jobs/pagerank-chained.js', '--json']).out);
console.log(
  `PageRank, 10 iterations, simulated time: Spark with cache ${(spark.simulatedMs / 1000).toFixed(1)} s, chained MapReduce ${(chained.simulatedMs / 1000).toFixed(1)} s -> ${(chained.simulatedMs / spark.simulatedMs).toFixed(1)}x`,
);
