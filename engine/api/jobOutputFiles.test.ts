import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../core';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from './runJob';
import type { RunJobOptions } from './jobTypes';

const MR = `exports.default = {
  kind: 'mapreduce', input: '/in/words.txt', output: '/out/counts', numReduceTasks: 2,
  map(offset, line, ctx) { for (const w of line.split(' ')) ctx.write(w, 1); },
  reduce(word, ones, ctx) { let n = 0; for (const o of ones) n += o; ctx.write(word, n); },
};`;

const SPARK = `exports.default = async (sc) => {
  await sc.textFile('/data/graph.txt').map((l) => l.split(' ')[0]).distinct().saveAsTextFile('/out/sources');
  return 1;
};`;

async function run(code: string, extra: Partial<RunJobOptions> = {}) {
  const runner = createFunctionRunner();
  try {
    return await runJob({ source: { fileName: 'job.js', code }, runner, cluster: 'classroom', seed: 3, ...extra });
  } finally {
    await runner.close();
  }
}

describe('the files a job wrote, handed back with outputText', () => {
  it('gives a MapReduce job its part files and _SUCCESS, not the inputs', async () => {
    const files = [{ path: '/in/words.txt', bytes: encodeUtf8('a b a\nc a b\n') }];
    const report = await run(MR, { files, outputText: true });
    const outputs = report.outputs!;
    expect(outputs.map((f) => f.path)).toEqual([
      '/out/counts/_SUCCESS',
      '/out/counts/part-r-00000',
      '/out/counts/part-r-00001',
    ]);
    const lines = outputs.flatMap((f) => f.text.split('\n').filter(Boolean)).sort();
    expect(lines).toEqual(['a\t3', 'b\t2', 'c\t1']);
  });

  it('leaves generated sample data out and keeps saveAsTextFile parts', async () => {
    const report = await run(SPARK, { outputText: true });
    expect(report.generatedInputs).toEqual(['/data/graph.txt']);
    const paths = report.outputs!.map((f) => f.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.startsWith('/out/sources/'))).toBe(true);
    const sources = report.outputs!.flatMap((f) => f.text.split('\n').filter(Boolean));
    expect(sources.length).toBe(new Set(sources).size);
    expect(sources).toContain('p0');
  });

  it('hands back nothing unless asked', async () => {
    const report = await run(MR, { files: [{ path: '/in/words.txt', bytes: encodeUtf8('x\n') }] });
    expect(report.outputs).toBeUndefined();
  });
});
