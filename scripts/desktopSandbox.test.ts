// The desktop app's sandbox pool (renderer/sandbox/processPool.ts) end to end, without Electron: the real sandbox entry (bundled
// from cli/sandboxWorker.ts as for the app) runs in a worker thread whose `process.parentPort`
// stands in for Electron's and hands it a MessagePort, as electron/sandboxProcesses.ts does. Jobs
// compute through it for real; an error thrown after a task replied and a process that ended on
// its own each fail the run with one message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { runJob } from '../engine/api/runJob';
import { compileJobSource } from '../engine/sandbox/compile';
import { createProcessPool, type ProcessPool } from '../renderer/sandbox/processPool';
// @ts-expect-error: a build script without types
import { buildDuckDbNode } from './buildElectron.mjs';

const SHIM = `
const { workerData } = require('node:worker_threads');
const { EventEmitter } = require('node:events');
const parent = new EventEmitter();
parent.start = () => {};
process.parentPort = parent;
require(workerData.entry);
const p = workerData.port;
const port = {
  on(name, listener) {
    if (name === 'message') p.on('message', (data) => listener({ data, ports: [] }));
    else p.on(name, listener);
  },
  postMessage: (m) => p.postMessage(m),
  start: () => p.start(),
};
parent.emit('message', { data: { type: 'port' }, ports: [port] });
`;

let dir: string;
let entry: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clusterlab-processpool-'));
  entry = join(dir, 'sandboxWorker.cjs');
  await build({
    entryPoints: [join(__dirname, '..', 'cli', 'sandboxWorker.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  // DuckDB beside the bundle as the packed app has it: only the wasm build with exceptions.
  await buildDuckDbNode(join(dir, 'duckdb'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pool(timeoutSeconds = 30) {
  const threads = new Map<number, Worker>();
  const opened: number[] = [];
  const processes: ProcessPool = createProcessPool({
    size: 2,
    timeoutSeconds,
    log: () => {},
    firstSlot: 1_000_000,
    link: {
      open(slot) {
        opened.push(slot);
        const { port1, port2 } = new MessageChannel();
        threads.set(
          slot,
          new Worker(SHIM, { eval: true, workerData: { entry, port: port2 }, transferList: [port2], env: {} }),
        );
        // The page's end arrives a little later, as through the main process and the preload.
        setTimeout(() => processes.portArrived(slot, port1 as unknown as MessagePort), 20);
      },
      close(slot) {
        void threads.get(slot)?.terminate();
        threads.delete(slot);
      },
    },
  });
  return { processes, threads, opened };
}

const run = (p: ProcessPool, code: string) =>
  runJob({ source: compileJobSource(code, 'job.js'), runner: p.pool, cluster: 'classroom', seed: 1, sampleData: true });

describe('the desktop sandbox pool over MessagePorts', () => {
  it(
    'computes a Spark job and a MapReduce job for real, in slots numbered from firstSlot',
    { timeout: 60_000 },
    async () => {
      const { processes, threads, opened } = pool();
      const spark = await run(
        processes,
        'export default async (sc) => sc.parallelize([1, 2, 3, 4], 2).map((x) => x * 10).collect();\n',
      );
      expect(spark.result).toEqual([10, 20, 30, 40]);
      const mr = await run(
        processes,
        "export default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/n', map(o, line, ctx) { ctx.write('lines', 1); }, reduce(k, vs, ctx) { ctx.write(k, [...vs].length); } };\n",
      );
      expect(mr.result).toEqual([['lines', expect.any(Number)]]);
      expect(opened).toEqual([1_000_000, 1_000_001]);
      await processes.pool.close();
      expect(threads.size).toBe(0);
    },
  );

  it(
    'runs spark.sql with DuckDB as the desktop app ships it (the exceptions build alone, beside the bundle)',
    { timeout: 120_000 },
    async () => {
      expect(readdirSync(join(dir, 'duckdb')).sort()).toEqual(['duckdb-eh.wasm', 'duckdb-node.cjs']);
      const { processes } = pool();
      const sql = await run(
        processes,
        "export default async (sc, spark) => { spark.createDataFrame([{ d: 'a', v: 1 }, { d: 'a', v: 3 }, { d: 'b', v: 5 }]).createOrReplaceTempView('t'); return (await spark.sql('SELECT d, avg(v) AS a FROM t GROUP BY d ORDER BY d')).collect(); };\n",
      );
      expect(JSON.parse(JSON.stringify(sql.result))).toEqual([
        { d: 'a', a: 2 },
        { d: 'b', a: 5 },
      ]);
      await processes.pool.close();
    },
  );

  it('fails the run with the error a task threw after it replied', { timeout: 60_000 }, async () => {
    const { processes } = pool();
    await expect(
      run(
        processes,
        "export default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/m', map(o, line, ctx) { ctx.write('a', 1); Promise.resolve().then(() => ctx.write('late', 1)); }, reduce(k, v, ctx) {} };\n",
      ),
    ).rejects.toThrow(/job\.js:1: Error: ctx\.write was called after its map task ended/);
    await processes.pool.close();
  });

  it('fails the run with the reason when its process ended on its own', { timeout: 60_000 }, async () => {
    const { processes, opened } = pool();
    const running = run(processes, 'export default async () => { let i = 0; while (i >= 0) i++; };\n');
    await new Promise((r) => setTimeout(r, 500));
    processes.exited(opened[0]!, 'it used more than its memory limit of 1,024 MB');
    await expect(running).rejects.toThrow(/crashed \(it used more than its memory limit of 1,024 MB\)/);
    await processes.pool.close();
  });
});
