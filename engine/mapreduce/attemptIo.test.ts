/**
 * Each MapReduce attempt's TaskIo and task counters: summed over the successful attempts they are
 * the job's counters (MAP_OUTPUT_BYTES, REDUCE_SHUFFLE_BYTES, HDFS_BYTES_READ, ...), and a killed
 * reducer reports only the map outputs it had fetched.
 */
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import type { JobRunReport, MapReduceJobMetrics } from '../api/jobTypes';
import type { FaultSpec } from '../cluster';
import type { AttemptRecord, TaskIo } from '../exec/taskTypes';
import { BUILTIN_GROUPS, JOB_COUNTER } from './counterGroups';

const COUNT = (reduces: number) => `exports.default = {
  kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/count', numReduceTasks: ${reduces},
  map(o, line, ctx) { const p = line.split(','); if (p.length === 3) ctx.write(p[0].slice(0, 10), 1); },
  combine(k, vs, ctx) { let n = 0; for (const v of vs) n += v; ctx.write(k, n); },
  reduce(k, vs, ctx) { let n = 0; for (const v of vs) n += v; ctx.write(k, n); },
};`;

async function run(code: string, faults: FaultSpec[] = []): Promise<JobRunReport> {
  const r = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'count.js', code },
      runner: r,
      cluster: 'cookbook-9',
      seed: 3,
      blockSize: 256 * 1024,
      faults,
    });
  } finally {
    await r.close();
  }
}

const sum = (as: readonly AttemptRecord[], f: (io: TaskIo) => number) => as.reduce((n, a) => n + f(a.io), 0);
const won = (r: JobRunReport) => r.attempts.filter((a) => a.status === 'succeeded');
const countersOf = (r: JobRunReport) => (r.metrics as MapReduceJobMetrics).counters;

describe("MapReduce attempts' TaskIo in the counters' units", () => {
  it('adds up, over the successful attempts, to the job counters', async () => {
    const r = await run(COUNT(3));
    const c = countersOf(r);
    const maps = won(r).filter((a) => a.taskSet.endsWith('/map'));
    const reduces = won(r).filter((a) => a.taskSet.endsWith('/reduce'));
    expect(maps.length).toBeGreaterThan(1);
    expect(reduces).toHaveLength(3);
    expect(c.MAP_OUTPUT_BYTES).toBeGreaterThan(0);
    expect(sum(maps, (io) => io.inputBytes)).toBe(c.HDFS_BYTES_READ);
    expect(sum(maps, (io) => io.inputRecords)).toBe(c.MAP_INPUT_RECORDS);
    expect(sum(maps, (io) => io.shuffleWriteBytes)).toBe(c.MAP_OUTPUT_BYTES);
    expect(sum(maps, (io) => io.shuffleWriteRecords)).toBe(c.MAP_OUTPUT_RECORDS);
    expect(sum(reduces, (io) => io.shuffleReadBytes)).toBe(c.REDUCE_SHUFFLE_BYTES);
    expect(sum(reduces, (io) => io.shuffleRemoteBytes)).toBe(c.SHUFFLE_BYTES_REMOTE);
    expect(sum(reduces, (io) => io.shuffleReadRecords)).toBe(c.REDUCE_INPUT_RECORDS);
    expect(sum(reduces, (io) => io.outputBytes)).toBe(c.HDFS_BYTES_WRITTEN);
    expect(sum(reduces, (io) => io.outputRecords)).toBe(c.REDUCE_OUTPUT_RECORDS);
    expect(sum(won(r), (io) => io.spillBytes)).toBe(c.FILE_BYTES_WRITTEN);
    // Every task counter (not the Job Counters, which are the job's) sums over the attempts' own.
    for (const g of BUILTIN_GROUPS) {
      if (g.name === JOB_COUNTER) continue;
      for (const [name] of g.counters) {
        if (name === 'MAPS_RERUN_FOR_LOST_OUTPUT') continue;
        expect([name, won(r).reduce((s, a) => s + (a.taskCounters?.[name] ?? 0), 0)]).toEqual([name, c[name]]);
      }
    }
  });

  it("puts a map-only job's part-m files in the maps' output, not in a shuffle", async () => {
    const r = await run(COUNT(0));
    const c = countersOf(r);
    expect(sum(won(r), (io) => io.shuffleWriteBytes)).toBe(0);
    expect(sum(won(r), (io) => io.outputBytes)).toBe(c.HDFS_BYTES_WRITTEN);
    expect(c.HDFS_BYTES_WRITTEN).toBeGreaterThan(0);
    expect(sum(won(r), (io) => io.outputRecords)).toBe(c.MAP_OUTPUT_RECORDS);
  });

  it('gives a killed reducer only what it fetched, and no counters', async () => {
    const clean = await run(COUNT(3));
    const reducer = clean.attempts.find((a) => a.taskSet.endsWith('/reduce'))!;
    // Its node dies halfway through the shuffle: the attempt is killed (container lost) and runs again.
    const at = Math.round(reducer.start + reducer.cost.startup + reducer.cost.shuffle / 2);
    const r = await run(COUNT(3), [{ atMs: at, kind: 'killNode', node: reducer.node }]);
    const lost = r.attempts.filter((a) => a.taskSet.endsWith('/reduce') && a.status !== 'succeeded');
    expect(lost.length).toBeGreaterThan(0);
    for (const a of lost) {
      expect(a.taskCounters).toBeUndefined();
      expect(a.io.outputBytes).toBe(0);
      expect(a.io.shuffleReadBytes).toBeLessThanOrEqual(countersOf(r).REDUCE_SHUFFLE_BYTES);
    }
    expect(sum(won(r), (io) => io.shuffleReadBytes)).toBe(countersOf(r).REDUCE_SHUFFLE_BYTES);
    expect(r.result).toEqual(clean.result);
  });
});
