/**
 * Whole MapReduce jobs through the sandbox pool and the simulated cluster, checked against what
 * Hadoop would write: part files in order, map-only jobs, identity map and reduce, counter groups.
 */
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { JobFailedError, runJob } from '../api/runJob';
import type { JobRunReport } from '../api/jobTypes';
import { LIMITS, encodeUtf8 } from '../core';
import { hadoopPartition } from '../exec/hadoopHash';
import { compareKeys } from '../exec/keyOrder';

const WORDS = Array.from({ length: 60 }, (_, i) => `w${(i * 7) % 23} x${i % 5}`).join('\n') + '\n';

async function run(code: string, text = WORDS, blockSize = 128): Promise<JobRunReport> {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'job.js', code },
      runner,
      cluster: 'cookbook-9',
      seed: 5,
      blockSize,
      sampleData: false,
      files: [{ path: '/in/words.txt', bytes: encodeUtf8(text) }],
      outputText: true,
    });
  } finally {
    await runner.close();
  }
}

const WORD_COUNT = `exports.default = {
  kind: 'mapreduce', input: '/in/words.txt', output: '/out/wc', numReduceTasks: 3,
  map(o, line, ctx) { for (const w of line.split(' ')) ctx.write(w, 1); },
  reduce(w, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(w, n); },
};`;

describe('MapReduce jobs as Hadoop runs them', () => {
  it('shows the result as the part files in order, each sorted in itself, keys placed by HashPartitioner', async () => {
    const report = await run(WORD_COUNT);
    const counts = new Map<string, number>();
    for (const w of WORDS.split(/\s+/)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
    const parts = [0, 1, 2].map((p) =>
      [...counts].filter(([w]) => hadoopPartition(w, 3) === p).sort((a, b) => compareKeys(a[0], b[0])),
    );
    expect(report.result).toEqual(parts.flat());
    expect(
      report
        .outputs!.map((f) => f.path)
        .filter((p) => p.includes('part-'))
        .sort(),
    ).toEqual(['/out/wc/part-r-00000', '/out/wc/part-r-00001', '/out/wc/part-r-00002']);
    const r0 = report.outputs!.find((f) => f.path === '/out/wc/part-r-00000')!;
    expect(r0.text).toBe(parts[0]!.map(([w, n]) => `${w}\t${n}\n`).join(''));
  });

  it('runs a map-only job: part-m-NNNNN per map, records in input order, no reducers', async () => {
    const report = await run(
      `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/m', numReduceTasks: 0,
        map(o, line, ctx) { ctx.write(line.split(' ')[1], o); } };`,
    );
    const paths = report.outputs!.map((f) => f.path).filter((p) => p.includes('part-'));
    expect(paths.length).toBeGreaterThan(1);
    paths.forEach((p, i) => expect(p).toBe(`/out/m/part-m-${String(i).padStart(5, '0')}`));
    const lines = WORDS.split('\n').filter(Boolean);
    let offset = 0;
    const expected = lines.map((l) => {
      const pair = [l.split(' ')[1], offset];
      offset += l.length + 1;
      return pair;
    });
    expect(report.result).toEqual(expected);
    const c = report.metrics.kind === 'mapreduce' ? report.metrics.counters : null;
    expect(c!.TOTAL_LAUNCHED_REDUCES).toBe(0);
    expect(c!.MAP_OUTPUT_RECORDS).toBe(lines.length);
    expect(c!.REDUCE_INPUT_RECORDS).toBe(0);
    expect(c!.HDFS_BYTES_WRITTEN).toBe(report.outputs!.reduce((s, f) => s + f.text.length, 0));
  });

  it("uses Hadoop's identity Mapper and Reducer when map and reduce are left out", async () => {
    const report = await run(
      `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/id' };`,
      'b\na\n\nc\n',
    );
    expect(report.result).toEqual([
      [0, 'b'],
      [2, 'a'],
      [4, ''],
      [5, 'c'],
    ]);
  });

  it("honours textinputformat.record.delimiter and the split sizes of the job's conf", async () => {
    const text = 'a b\nc\n\nd e\n\nf\n';
    const report = await run(
      `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/p', numReduceTasks: 0,
        conf: { 'textinputformat.record.delimiter': '\\n\\n', 'mapreduce.input.fileinputformat.split.maxsize': 5 },
        map(o, rec, ctx) { ctx.write(o, rec.split('\\n').join('|')); } };`,
      text,
      1024,
    );
    expect(report.result).toEqual([
      [0, 'a b|c'],
      [7, 'd e'],
      [12, 'f|'],
    ]);
    // 15 bytes in splits of 5: three maps (the last has no record starting in it: empty part file).
    const c = report.metrics.kind === 'mapreduce' ? report.metrics.counters : null;
    expect(c!.TOTAL_LAUNCHED_MAPS).toBe(3);
  });

  it("groups counters as Hadoop does, the learner's after Hadoop's", async () => {
    const report = await run(
      `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/c',
        map(o, line, ctx) { ctx.getCounter('Words', 'LINES').increment(); ctx.write(line, 1); },
        reduce(k, vs, ctx) { ctx.getCounter('Words', 'KEYS').increment(); for (const v of vs) ctx.write(k, v); } };`,
    );
    if (report.metrics.kind !== 'mapreduce') throw new Error('a MapReduce run');
    const groups = report.metrics.counterGroups;
    expect(groups.map((g) => g.displayName)).toEqual([
      'File System Counters',
      'Job Counters',
      'Map-Reduce Framework',
      'Shuffle Errors',
      'File Input Format Counters',
      'File Output Format Counters',
      'ClusterLab (not Hadoop counters)',
      'Words',
    ]);
    const task = groups.find((g) => g.name === 'org.apache.hadoop.mapreduce.TaskCounter')!;
    expect(task.counters.find((c) => c.name === 'MAP_INPUT_RECORDS')).toEqual({
      name: 'MAP_INPUT_RECORDS',
      displayName: 'Map input records',
      value: 60,
    });
    const words = groups.at(-1)!;
    expect(words.user).toBe(true);
    expect(words.counters).toEqual([
      { name: 'LINES', displayName: 'LINES', value: 60 },
      { name: 'KEYS', displayName: 'KEYS', value: new Set(WORDS.split('\n').filter(Boolean)).size },
    ]);
  });

  it("fails a reduce that walks its values twice with the learner's line and Hadoop's reason", async () => {
    const code = `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/t',
  map(o, line, ctx) { ctx.write('k', 1); },
  reduce(k, vs, ctx) {
    let n = 0;
    for (const v of vs) n += v;
    for (const v of vs) n += v;
    ctx.write(k, n);
  } };`;
    const error = await run(code).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as Error).message).toMatch(/job\.js:6.*walked a second time/);
  });

  it('names the file and the field of a job whose settings make too many map tasks', async () => {
    const error = await run(
      `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/s', numReduceTasks: 1,
        conf: { 'mapreduce.input.fileinputformat.split.maxsize': 1 }, map(o, line, ctx) { ctx.write(line, 1); } };`,
      'a\n'.repeat(60_000),
      1024 * 1024,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe(
      "job.js: default.conf: more than 100,000 input splits (the simulator's limit of map tasks): raise mapreduce.input.fileinputformat.split.minsize or maxsize",
    );
  });

  it("fails a map task whose own output is more than a run may hold, in the run's words (not as a reply too big)", async () => {
    const limits = LIMITS as { maxMapOutputBytes: number };
    const limit = limits.maxMapOutputBytes;
    limits.maxMapOutputBytes = 20_000;
    try {
      const error = await run(
        `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/big', numReduceTasks: 1,
          map(o, line, ctx) { ctx.write(o, 'v'.repeat(2000)); } };`,
        WORDS,
        64 * 1024,
      ).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(JobFailedError);
      // The task itself failed (its attempts are in the report), before its output reached the host.
      expect((error as Error).message).toMatch(
        /^job\.js: the map output passed 0 MB, more than the 0 MB of intermediate data a run may hold .* \(task_\d+_m_000000 failed 4 attempts/,
      );
    } finally {
      limits.maxMapOutputBytes = limit;
    }
  });

  it('keeps a NaN key a group of its own, after the numbers (it swallowed the records of the keys around it)', async () => {
    const report = await run(`exports.default = {
      kind: 'mapreduce', input: '/in/words.txt', output: '/out/nan', numReduceTasks: 1,
      map(o, line, ctx) { ctx.write(o % 3 === 0 ? NaN : o % 2, 1); },
      reduce(k, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(k, n); },
    };`);
    const offsets = [0];
    for (const line of WORDS.split('\n').slice(0, -2)) offsets.push(offsets[offsets.length - 1]! + line.length + 1);
    const count = (f: (o: number) => boolean) => offsets.filter(f).length;
    expect(report.result).toEqual([
      [0, count((o) => o % 3 !== 0 && o % 2 === 0)],
      [1, count((o) => o % 3 !== 0 && o % 2 === 1)],
      ['NaN', count((o) => o % 3 === 0)],
    ]);
  });

  it("runs each task from the module's top level, as Hadoop runs each attempt in a JVM of its own", async () => {
    const report = await run(
      `let seen = 0;
      let seq = 0;
      exports.default = {
        kind: 'mapreduce', input: '/in/words.txt', output: '/out/state', numReduceTasks: 3,
        map(o, line, ctx) { ctx.write(seen++ === 0 ? 'first' : 'later', 1); },
        reduce(k, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(k, [n, seq++]); },
      };`,
      WORDS,
      64,
    );
    const maps = (report.metrics.counters as { TOTAL_LAUNCHED_MAPS: number }).TOTAL_LAUNCHED_MAPS;
    expect(maps).toBeGreaterThan(3);
    const result = Object.fromEntries(report.result as [string, [number, number]][]);
    expect(result.first).toEqual([maps, 0]);
    expect(result.later![0]).toBe(60 - maps);
  });

  it('writes no line for a record whose key and value are both null, and still counts it, as LineRecordWriter does', async () => {
    const report = await run(
      `exports.default = {
        kind: 'mapreduce', input: '/in/words.txt', output: '/out/nulls', numReduceTasks: 1,
        map(o, line, ctx) { if (o === 0) ctx.write('k', 1); },
        reduce(k, ones, ctx) { ctx.write(null, null); ctx.write(k, null); ctx.write(null, 'v'); },
      };`,
    );
    expect(report.outputs!.find((f) => f.path === '/out/nulls/part-r-00000')!.text).toBe('k\nv\n');
    expect((report.metrics.counters as { REDUCE_OUTPUT_RECORDS: number }).REDUCE_OUTPUT_RECORDS).toBe(3);
  });

  it("fails a map task whose keys are of two classes, as Hadoop's collector does; a map-only job writes them", async () => {
    const mixed = (reducers: number) =>
      `exports.default = {
        kind: 'mapreduce', input: '/in/words.txt', output: '/out/mixed', numReduceTasks: ${reducers},
        map(o, line, ctx) { ctx.write(o === 0 ? 1 : line, 1); },
      };`;
    await expect(run(mixed(1))).rejects.toThrow(/Type mismatch in key from map: expected a number Writable/);
    const mapOnly = await run(mixed(0));
    expect(mapOnly.outputs!.some((f) => f.text.startsWith('1\t1\n'))).toBe(true);
  });
});
