/**
 * Property test: a job's result does not depend on the faults of its run. For seeded random text,
 * a MapReduce and a Spark word count run without faults and with a node killed at a seeded
 * instant of the run; the results are the same and equal a plain count (Hadoop re-runs the lost
 * tasks, Spark recomputes lost partitions from lineage).
 */
import { describe, expect, it } from 'vitest';
import { createRng, encodeUtf8, type Rng } from '../core';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from './runJob';
import type { RunJobOptions } from './jobTypes';

const WORDS = ['spark', 'hadoop', 'hdfs', 'yarn', 'Aa', 'BB', 'kafka', 'a', 'z'];

function randomText(rng: Rng): string {
  const lines = Array.from({ length: 200 + rng.int(400) }, () =>
    Array.from({ length: 1 + rng.int(8) }, () => WORDS[rng.int(WORDS.length)]).join(' '),
  );
  return `${lines.join('\n')}\n`;
}

function plainCount(text: string): [string, number][] {
  const m = new Map<string, number>();
  for (const w of text.split(/\s+/).filter(Boolean)) m.set(w, (m.get(w) ?? 0) + 1);
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const MAPREDUCE = `exports.default = {
  kind: 'mapreduce', input: '/in/words.txt', output: '/out/counts', numReduceTasks: 3,
  map(offset, line, ctx) { for (const w of line.split(' ')) if (w) ctx.write(w, 1); },
  combine(word, counts, ctx) { let n = 0; for (const c of counts) n += c; ctx.write(word, n); },
  reduce(word, counts, ctx) { let n = 0; for (const c of counts) n += c; ctx.write(word, n); },
};`;

const SPARK = `exports.default = async (sc) =>
  sc.textFile('/in/words.txt', 6).flatMap((l) => l.split(' ')).filter((w) => w)
    .map((w) => [w, 1]).reduceByKey((a, b) => a + b, 3).collect();`;

async function run(code: string, text: string, extra: Partial<RunJobOptions> = {}) {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'job.js', code },
      runner,
      cluster: 'classroom',
      seed: 3,
      snapshots: false,
      hdfs: { blockSize: 1024 },
      files: [{ path: '/in/words.txt', bytes: encodeUtf8(text) }],
      ...extra,
    });
  } finally {
    await runner.close();
  }
}

const sorted = (pairs: unknown): [string, number][] =>
  [...(pairs as [string, number][])].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('a job’s result does not depend on the faults of its run', () => {
  for (let trial = 0; trial < 4; trial++) {
    it.each([
      ['MapReduce', MAPREDUCE],
      ['Spark', SPARK],
    ])(`seeded trial ${trial}: %s`, async (_kind, code) => {
      const rng = createRng(500 + trial);
      const text = randomText(rng);
      const clean = await run(code, text);
      const atMs = Math.max(1, Math.floor(clean.simulatedMs * (0.1 + 0.6 * rng.next())));
      const node = `n${1 + rng.int(3)}`;
      const faulted = await run(code, text, { faults: [{ atMs, kind: 'killNode', node }] });
      expect(faulted.trace.some((e) => e.type === 'nodeDied')).toBe(true);
      expect(sorted(faulted.result)).toEqual(sorted(clean.result));
      expect(sorted(clean.result)).toEqual(plainCount(text));
    });
  }
});
