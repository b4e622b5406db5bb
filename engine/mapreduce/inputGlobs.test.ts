import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../core';
import { InputPathError } from '../exec/hdfsInputs';
import { runJob } from '../api/runJob';
import { createFunctionRunner } from '../sandbox/inProcessRunner';

const job = (input: string) => `exports.default = {
  kind: 'mapreduce', input: ${JSON.stringify(input)}, output: '/out/words', numReduceTasks: 1,
  map(offset, line, ctx) { ctx.write(line, 1); },
  reduce(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); },
};`;

async function run(input: string) {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'job.js', code: job(input) },
      runner,
      cluster: 'classroom',
      seed: 1,
      snapshots: false,
      files: [
        { path: '/in/a.txt', bytes: encodeUtf8('x\ny\n') },
        { path: '/in/b.txt', bytes: encodeUtf8('x\n') },
        { path: '/in/b.csv', bytes: encodeUtf8('csv\n') },
        { path: '/in/_a.txt', bytes: encodeUtf8('hidden\n') },
      ],
    });
  } finally {
    await runner.close();
  }
}

describe('MapReduce input paths as FileInputFormat lists them', () => {
  it('expands Hadoop globs, leaving hidden files out', async () => {
    expect((await run('/in/*.txt')).result).toEqual([
      ['x', 2],
      ['y', 1],
    ]);
    expect((await run('/in/{a,b}.*')).result).toEqual([
      ['csv', 1],
      ['x', 2],
      ['y', 1],
    ]);
  });

  it('says a pattern that matches nothing is bad input', async () => {
    const error = await run('/in/*.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputPathError);
    expect(String(error)).toMatch(/input pattern matches 0 files: \/in\/\*\.json/);
    // A job without a name is 'job 1', said once (it read 'job 1 (job 1).input').
    expect((error as Error).message).toMatch(/^job 1\.input: /);
  });

  it('finds the sample datasets through a glob or their folder, as Spark does (it said "matches 0 files")', async () => {
    const lines = (input: string) => ({
      code: `exports.default = {
        kind: 'mapreduce', input: ${JSON.stringify(input)}, output: '/out/n', numReduceTasks: 1,
        map(o, line, ctx) { ctx.write('lines', 1); },
        reduce(k, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(k, n); },
      };`,
    });
    const count = async (input: string) => {
      const runner = createFunctionRunner();
      try {
        const r = await runJob({
          source: { fileName: 'job.js', ...lines(input) },
          runner,
          cluster: 'classroom',
          seed: 1,
          snapshots: false,
        });
        return { result: r.result, generated: r.generatedInputs };
      } finally {
        await runner.close();
      }
    };
    const corpus = await count('/data/corpus.txt');
    const glob = await count('/data/c*.txt');
    expect(glob).toEqual(corpus);
    expect(glob.generated).toEqual(['/data/corpus.txt']);
    const both = await count('/data/{corpus,pages}.txt');
    expect(both.generated).toEqual(['/data/corpus.txt', '/data/pages.txt']);
  }, 60_000);
});
