// A CLI sandbox process serves many runs (a class's submissions in `clusterlab grade`): work one
// run left in flight (a spark.sql whose DuckDB opens after the run ended) must not resume inside
// the next run; there a throw would end the process in the middle of an innocent submission.
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../engine/core';
import { runJob } from '../engine/api';
import type { TaskRunner } from '../engine/sandbox';
import { createNodeSandboxPool } from './sandboxPool';

function runOn(pool: TaskRunner, code: string, fileName: string) {
  return runJob({
    source: { fileName, code },
    runner: pool,
    cluster: 'classroom',
    seed: 1,
    blockSize: 1024,
    files: [{ path: '/in/words.txt', bytes: encodeUtf8('a b a\nc a b\n') }],
    snapshots: false,
  });
}

const LEAVES_SQL = `exports.default = async (sc, spark) => {
  spark.sql('SELECT 1 AS x').then(() => { throw new Error('LATE FROM FIRST'); });
  return 'first done';
};`;
/** Counts for three seconds: DuckDB's first opening (about a second) ends meanwhile. */
const COUNTS = `exports.default = async (sc) => {
  const t = Date.now(); let n = 0;
  while (Date.now() - t < 3000) n += await sc.textFile('/in/words.txt').count();
  return n > 0 ? 'second done' : 'no lines';
};`;

/** Its count is answered after the driver returned, before the next run begins: then it throws. */
const LEAVES_COUNT = `exports.default = async (sc) => {
  sc.textFile('/in/words.txt').count().then(() => { throw new Error('LATE FROM FIRST'); });
  return 'first done';
};`;
const WORDS = `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/count', numReduceTasks: 1,
  map(offset, line, ctx) { for (const w of line.split(' ')) ctx.write(w, 1); },
  reduce(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); } };`;

describe('a CLI sandbox process that serves many runs', () => {
  it('does not resume work a driver left running once it has answered', async () => {
    const pool = await createNodeSandboxPool({ size: 1, timeoutSeconds: 60, log: () => {} });
    try {
      // The driver's end waits for the action it started (awaitedActions.ts): its callback's error is its own run's.
      await expect(runOn(pool, LEAVES_COUNT, 'first.js')).rejects.toThrow(/^first\.js:2: Error: LATE FROM FIRST/);
      expect((await runOn(pool, WORDS, 'second.js')).result).toEqual([
        ['a', 3],
        ['b', 2],
        ['c', 1],
      ]);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("does not resume a run's spark.sql inside the next run", async () => {
    const lines: string[] = [];
    const pool = await createNodeSandboxPool({ size: 1, timeoutSeconds: 60, log: (t) => lines.push(t) });
    try {
      expect((await runOn(pool, LEAVES_SQL, 'first.js')).result).toBe('first done');
      expect((await runOn(pool, COUNTS, 'second.js')).result).toBe('second done');
      expect(lines.join('\n')).not.toContain('LATE');
    } finally {
      await pool.close();
    }
  }, 120_000);
});
