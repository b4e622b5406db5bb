// A DataFrame groupBy/agg and the same query as spark.sql (DuckDB in the sandbox process) against
// the same daily average with reduceByKey, on the same data, through the whole `clusterlab run`
// process, in the same run: the ratios are what DataFrames and SQL cost here.
import { sensorCsv } from '../../engine/datasets/sampleData';
import { fmt, timeRun, writeInput } from './benchUtil';

const LINES = 300_000;
const sensors = writeInput('sensors.csv', sensorCsv(LINES));
const rddJob = writeInput(
  'daily-rdd.js',
  `export default async (sc) => sc.textFile('/data/sensors.csv').map((l) => { const [ts, , v] = l.split(','); return [ts.slice(0, 10), [Number(v), 1]]; }).reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]]).mapValues(([s, n]) => s / n).collect();\n`,
);
const dfJob = writeInput(
  'daily-df.js',
  `export default async (sc, spark) => { const { avg, substring } = spark.functions; const df = await spark.read.csv('/data/sensors.csv', { inferSchema: true }); return df.groupBy(substring('_c0', 1, 10).alias('day')).agg(avg('_c2')).collect(); };\n`,
);
const sqlJob = writeInput(
  'daily-sql.js',
  `export default async (sc, spark) => { const { col, substring } = spark.functions; const df = await spark.read.csv('/data/sensors.csv', { inferSchema: true }); df.select(substring(col('_c0'), 1, 10).alias('day'), col('_c2').alias('t')).createOrReplaceTempView('r'); return (await spark.sql('SELECT day, avg(t) FROM r GROUP BY day')).collect(); };\n`,
);
const args = (job: string) => [
  job,
  '--put',
  `${sensors}:/data/sensors.csv`,
  '--cluster',
  'cookbook-9',
  '--block-size',
  '4m',
  '--json',
];

timeRun(args(rddJob)); // warm the build and the file cache
const r = timeRun(args(rddJob));
const d = timeRun(args(dfJob));
const q = timeRun(args(sqlJob));
console.log(
  `IoT daily average, ${LINES.toLocaleString('en')} lines: DataFrame groupBy/agg ${fmt(d.ms)} vs reduceByKey ${fmt(r.ms)} -> ${(d.ms / r.ms).toFixed(2)}x`,
);
console.log(
  `IoT daily average, ${LINES.toLocaleString('en')} lines: spark.sql on DuckDB ${fmt(q.ms)} vs reduceByKey ${fmt(r.ms)} -> ${(q.ms / r.ms).toFixed(2)}x`,
);
