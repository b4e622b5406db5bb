// Spark through the whole `clusterlab run` process vs plain Node loops, measured in the same run.
import { sensorCsv, textCorpus } from '../../engine/datasets/sampleData';
import { fmt, plainDailyAverage, timePlain, timeRun, writeInput } from './benchUtil';

const sensors = writeInput('sensors.csv', sensorCsv(1_000_000));
const corpus = writeInput('corpus.txt', textCorpus(40_000));
const plainAvg = plainDailyAverage(sensors);
const plainWc = `const t=require('fs').readFileSync(${JSON.stringify(corpus)},'utf8');const m=new Map();for(const l of t.split('\\n'))for(const w of l.split(/\\s+/))if(w)m.set(w,(m.get(w)||0)+1);console.log(m.size)`;

timeRun(['labs/examples/jobs/word-count-spark.js', '--json']);
const p1 = timePlain(plainAvg);
const s1 = timeRun([
  'labs/examples/jobs/iot-daily-average-spark.js',
  '--put',
  `${sensors}:/data/sensors.csv`,
  '--cluster',
  'cookbook-9',
  '--block-size',
  '4m',
  '--json',
]);
console.log(
  `IoT daily average with reduceByKey, 1,000,000 lines: clusterlab run ${fmt(s1.ms)} vs plain ${fmt(p1)} -> ${(s1.ms / p1).toFixed(2)}x`,
);
const p2 = timePlain(plainWc);
const s2 = timeRun([
  'labs/examples/jobs/word-count-spark.js',
  '--put',
  `${corpus}:/data/corpus.txt`,
  '--cluster',
  'cookbook-9',
  '--json',
]);
console.log(
  `Word count, 40,000 lines: clusterlab run ${fmt(s2.ms)} vs plain ${fmt(p2)} -> ${(s2.ms / p2).toFixed(2)}x`,
);
