import { describe, expect, it } from 'vitest';
import { readJobModule } from './jobModule';

const job = (extra: Record<string, unknown>) => ({ kind: 'mapreduce', input: '/in', output: '/out', ...extra });

describe('reading a MapReduce job', () => {
  it("takes numReduceTasks 0 (map-only), no map (Hadoop's identity Mapper) and Hadoop's conf names", () => {
    const loaded = readJobModule(job({ numReduceTasks: 0, conf: { 'mapreduce.task.io.sort.mb': '10' } }), 'j.js');
    expect(loaded.shape.kind === 'mapreduce' && loaded.shape.jobs[0]!.numReduceTasks).toBe(0);
    expect(loaded.mapreduce[0]!.conf.sortMb).toBe(10);
    const written: unknown[] = [];
    loaded.mapreduce[0]!.map(7, 'line', {
      write: (k, v) => written.push([k, v]),
      getCounter: () => {
        throw new Error('unused');
      },
      getCurrentKey: () => 7,
    });
    expect(written).toEqual([[7, 'line']]);
  });

  it('names a field given under another name (Hadoop class or setter names)', () => {
    expect(() => readJobModule(job({ combiner: () => {} }), 'j.js')).toThrow(
      /default\.combiner: a MapReduce job has no field 'combiner'; did you mean 'combine'\?/,
    );
    expect(() => readJobModule(job({ numReduceTasks: -1 }), 'j.js')).toThrow(/from 0 \(a map-only job\) to 10000/);
    expect(() => readJobModule(job({ sortComparator: 3 }), 'j.js')).toThrow(/sortComparator: must be a function/);
    expect(() => readJobModule(job({ conf: { 'io.sort.megabytes': 5 } }), 'j.js')).toThrow(
      /default\.conf\["io\.sort\.megabytes"\]: not a setting ClusterLab knows/,
    );
    // Hadoop 1's names still work, as Hadoop's deprecated keys do.
    expect(readJobModule(job({ conf: { 'io.sort.mb': 5 } }), 'j.js').mapreduce[0]!.conf.sortMb).toBe(5);
    // A Map's entries are not its own properties: its settings were all ignored, silently.
    expect(() => readJobModule(job({ conf: new Map([['dfs.replication', 9999]]) }), 'j.js')).toThrow(
      "default.conf: must be a plain object of Hadoop settings, like { 'dfs.replication': 2 }, not a Map",
    );
    expect(() => readJobModule(job({ conf: new Date(0) }), 'j.js')).toThrow(/not a Date/);
    // An object without a prototype is settings as any.
    const bare = Object.assign(Object.create(null) as object, { 'io.sort.mb': 7 });
    expect(readJobModule(job({ conf: bare }), 'j.js').mapreduce[0]!.conf.sortMb).toBe(7);
  });

  it('says where each job is in its file, a hole in a chain too (it was an internal error)', () => {
    const chain = readJobModule([job({}), job({ output: '/out2' })], 'j.js');
    expect(chain.shape.kind === 'mapreduce' && chain.shape.jobs.map((j) => j.field)).toEqual([
      'default[0]',
      'default[1]',
    ]);
    const one = readJobModule(job({}), 'j.js');
    expect(one.shape.kind === 'mapreduce' && one.shape.jobs[0]!.field).toBe('default');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => readJobModule([job({}), , job({})], 'j.js')).toThrow(
      /^j\.js: default\[1\]: must be a job object, got undefined$/,
    );
    // eslint-disable-next-line no-sparse-arrays
    expect(() => readJobModule(job({ input: ['/a', , '/b'] }), 'j.js')).toThrow(
      /^j\.js: default\.input\[1\]: must be an absolute DFS path like '\/data\/x\.csv', got undefined$/,
    );
  });
});
