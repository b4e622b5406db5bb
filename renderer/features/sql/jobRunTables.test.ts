// The whole path in Node: jobs like the sandbox's examples run on the engine (outputText, as the
// app's engine worker asks), and their reports become DuckDB tables (the Node build of the same wasm).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createFunctionRunner } from '../../../engine/sandbox';
import { compileJobSource } from '../../../engine/sandbox/compile';
import { runJob } from '../../../engine/api';
import { ClusterTables } from './clusterTables';
import type { SqlDb } from './sqlDb';

const dist = (file: string) =>
  new URL(`../../../node_modules/@duckdb/duckdb-wasm/dist/${file}`, import.meta.url).pathname;
const runner = createFunctionRunner();

/** labs/examples/jobs/iot-daily-average.js */
const IOT_MR = `export default {
  kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/daily', numReduceTasks: 3,
  map(offset, line, ctx) { const [ts, , v] = line.split(','); ctx.write(ts.slice(0, 10), Number(v)); },
  reduce(day, values, ctx) { let sum = 0, n = 0; for (const v of values) { sum += v; n++; } ctx.write(day, sum / n); },
};`;

/** labs/examples/jobs/iot-daily-average-spark.js */
const IOT_SPARK = `export default async (sc) => sc.textFile('/data/sensors.csv')
  .map((line) => { const [ts, , v] = line.split(','); return [ts.slice(0, 10), [Number(v), 1]]; })
  .reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]]).mapValues(([sum, n]) => sum / n).sortByKey().collect();`;

/** Chained jobs, each reading the previous one's output, as labs/examples/jobs/pagerank-chained.js. */
const CHAINED = `const step = (i) => ({
  kind: 'mapreduce', input: i === 0 ? '/data/graph.txt' : '/chain/step-' + (i - 1), output: '/chain/step-' + i,
  numReduceTasks: 2,
  map(offset, line, ctx) { const [a, b] = line.split(/\\s+/); ctx.write(a, b); },
  reduce(k, vs, ctx) { ctx.write(k, [...vs][0]); },
});
export default Array.from({ length: 11 }, (_, i) => step(i));`;

async function runExample(code: string) {
  return runJob({
    source: compileJobSource(code, 'job.js'),
    runner,
    cluster: 'classroom',
    seed: 1,
    blockSize: 1 << 20,
    outputText: true,
  });
}

describe('a sandbox run’s outputs as tables', () => {
  let db: SqlDb;
  let tables: ClusterTables;
  beforeAll(async () => {
    const bundles = {
      mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') },
    };
    const d = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await d.instantiate();
    const conn = d.connect();
    db = {
      registerText: async (name, text) => d.registerFileText(name, text),
      dropText: async (name) => d.dropFile(name),
      query: async (sql) =>
        conn
          .query(sql)
          .toArray()
          .map((r: { toJSON(): Record<string, unknown> }) => r.toJSON()),
    };
    tables = new ClusterTables(db);
  });
  afterAll(async () => {
    await runner.close();
  });

  it('the MapReduce IoT daily average: /out/daily is the table daily, one row per output pair', async () => {
    const report = await runExample(IOT_MR);
    const list = await tables.sync(report);
    const daily = list.find((t) => t.name === 'daily')!;
    expect(daily.rows).toBe((report.result as unknown[]).length);
    expect(daily.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['key DATE', 'value DOUBLE']);
    const [first] = report.result as [string, number][];
    const [row] = await db.query(`SELECT strftime(key, '%Y-%m-%d') AS k, value FROM daily ORDER BY key LIMIT 1`);
    expect(row).toEqual({ k: first![0], value: first![1] });
  });

  it('the Spark version: its collected result is the table result', async () => {
    const report = await runExample(IOT_SPARK);
    const list = await tables.sync(report);
    expect(list.some((t) => t.name === 'daily')).toBe(false);
    const result = list.find((t) => t.name === 'result')!;
    expect(result.origin).toBe('the Spark job’s collected result');
    expect(result.rows).toBe((report.result as unknown[]).length);
  });

  it('chained MapReduce jobs: one table per output directory, in natural order', async () => {
    const report = await runExample(CHAINED);
    const names = (await tables.sync(report)).filter((t) => t.group === 'output').map((t) => t.name);
    expect(names).toEqual(Array.from({ length: 11 }, (_, i) => `step_${i}`));
  });
});
