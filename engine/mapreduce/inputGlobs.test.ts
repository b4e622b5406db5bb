import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../core';
import { InputPathError } from '../exec/hdfsInputs';
import { runJob } from '../api/runJob';
import { createFunctionRunner } from '../sandbox/inProcessRunner';

const job = (input: string, output = '/out/words') => `exports.default = {
  kind: 'mapreduce', input: ${JSON.stringify(input)}, output: ${JSON.stringify(output)}, numReduceTasks: 1,
  map(offset, line, ctx) { ctx.write(line, 1); },
  reduce(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); },
};`;

async function run(input: string, code = job(input)) {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'job.js', code },
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
    // Hadoop's words (InvalidInputException), at the field of the job's file that named the path.
    expect((error as Error).message).toBe('job.js: default.input: Input Pattern hdfs:/in/*.json matches 0 files');
  });

  it("says, in Hadoop's words, which field of which job names a missing input or an existing output", async () => {
    const fails = (code: string) =>
      run('', code).then(
        () => new Error('the run did not fail'),
        (e: unknown) => e as Error,
      );
    const missing = await fails(job('/in/nope.txt'));
    expect(missing).toBeInstanceOf(InputPathError);
    expect(missing.message).toBe('job.js: default.input: Input path does not exist: hdfs:/in/nope.txt');
    const exists = await fails(job('/in/a.txt', '/in'));
    expect(exists).toBeInstanceOf(InputPathError);
    expect(exists.message).toBe(
      'job.js: default.output: FileAlreadyExistsException: Output directory hdfs:/in already exists: a MapReduce job never overwrites its output directory; write to a new path',
    );
    // One string may list paths with commas, as Hadoop's setInputPaths takes them (not inside {...}).
    expect((await run('/in/a.txt,/in/{b,_a}.txt')).result).toEqual([
      ['x', 2],
      ['y', 1],
    ]);
    expect((await fails(job('/in/a.txt,/in/nope'))).message).toBe(
      'job.js: default.input: Input path does not exist: hdfs:/in/nope',
    );
    // A path HDFS refuses, named once, at its field (the output's had no place).
    expect((await fails(job('/in/a:b'))).message).toBe(
      "job.js: default.input: /in/a:b: a DFS path must not contain ':' or control characters",
    );
    expect((await fails(job('/in/{a'))).message).toBe(
      'job.js: default.input: Illegal file pattern: Unclosed group for glob /in/{a',
    );
    expect((await fails(job('/in/a.txt', '/out/a:b'))).message).toBe(
      "job.js: default.output: /out/a:b: a DFS path must not contain ':' or control characters",
    );
    // Both wrong: the output is checked first, as Hadoop's JobSubmitter does.
    expect((await fails(job('/in/nope', '/in'))).message).toMatch(
      /^job\.js: default\.output: FileAlreadyExistsException/,
    );
    // The second job of a chain: its place in the exported list.
    const chain = `${job('/in/a.txt').replace('exports.default =', 'const first =')}\nexports.default = [first, { ...first, input: '/out/nothing/*', output: '/out/two' }];`;
    expect((await fails(chain)).message).toBe(
      'job.js: default[1].input: Input Pattern hdfs:/out/nothing/* matches 0 files',
    );
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
