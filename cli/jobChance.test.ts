// A job that calls Math.random() (a salted key) gives the same result and trace every time,
// whichever worker runs which task: its chance is drawn per task from what the task is. A pack's
// data generator likewise.
import { afterAll, describe, expect, it } from 'vitest';
import { compileJobSource } from '../engine/sandbox/compile';
import { runJob } from '../engine/api';
import { createNodeSandboxPool } from './sandboxPool';

const SALTED = `export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/chance',
  map(offset, line, ctx) { ctx.write(String(Math.floor(Math.random() * 4)), 1); },
  reduce(key, values, ctx) {
    let n = 0;
    for (const v of values) n += v;
    ctx.write(key, n + ' ' + Math.random().toFixed(6));
  },
};
`;
const SPARK = `export default async (sc) =>
  sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8], 4).map((x) => x + Math.random()).collect();
`;
const GENERATOR = `export function rows({ seed }) { return [seed, Math.random()].join(','); }`;

const pools = [1, 3].map((size) => createNodeSandboxPool({ size, timeoutSeconds: 60, log: () => {} }));
afterAll(async () => {
  for (const p of pools) await (await p).close();
});

async function run(size: 0 | 1, code: string) {
  const report = await runJob({
    source: compileJobSource(code, 'job.js'),
    runner: await pools[size]!,
    cluster: 'classroom',
    seed: 1,
    sampleData: true,
    blockSize: 64 * 1024,
  });
  return JSON.stringify({ result: report.result, trace: report.trace });
}

describe("a job's chance", () => {
  it(
    'give the same MapReduce result and trace on one worker or three, run after run',
    { timeout: 120_000 },
    async () => {
      const one = await run(0, SALTED);
      expect(await run(1, SALTED)).toBe(one);
      expect(await run(1, SALTED)).toBe(one);
      const result = JSON.parse(one).result as [number, string][];
      expect(result.map(([k]) => k)).toEqual([0, 1, 2, 3]);
      expect(result[0]![1]).toMatch(/^\d+ 0\.\d{6}$/);
    },
  );

  it('give the same Spark result on one worker or three', { timeout: 120_000 }, async () => {
    expect(await run(1, SPARK)).toBe(await run(0, SPARK));
  });

  it("give a pack's data generator the same data for the same seed, other data for another", async () => {
    const pool = await pools[1]!;
    await pool.load(compileJobSource(GENERATOR, 'pack/data.js'), { module: true });
    const a = await pool.callFunction('rows', { seed: 7 });
    const b = await pool.callFunction('rows', { seed: 7 });
    const c = await pool.callFunction('rows', { seed: 8 });
    pool.endRun();
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(String(a)).toMatch(/^7,0\.\d+$/);
  });
});
