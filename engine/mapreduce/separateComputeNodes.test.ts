import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from '../cluster';
import { runInProcess } from '../api/__tests__/runInProcess';
import type { JobRunReport, RunEventOf } from '../api/jobTypes';
import type { MapReduceCounters } from './mapReduceCounters';

const WORD_COUNT = `exports.default = {
  kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/wc', numReduceTasks: 2,
  map(o, line, ctx) { for (const w of line.split(' ')) if (w) ctx.write(w, 1); },
  reduce(w, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(w, n); },
};`;

/** Per rack: two DataNode-only nodes and a NodeManager-only one. */
const SPLIT: ClusterSpec = {
  node: { cores: 4, memoryMb: 8192 },
  racks: [0, 1].map(() => ({
    nodes: [{ roles: ['datanode' as const] }, { roles: ['datanode' as const] }, { roles: ['nodemanager' as const] }],
  })),
};

function run(cluster: ClusterSpec): Promise<JobRunReport> {
  return runInProcess({ source: { fileName: 'wc.js', code: WORD_COUNT }, cluster, seed: 3, blockSize: 512 * 1024 });
}

describe('MapReduce with the NodeManagers apart from the DataNodes', () => {
  it('runs every container on a NodeManager, no map data-local, the part files on DataNodes', async () => {
    const report = await run(SPLIT);
    const allocated = report.trace
      .filter((e): e is RunEventOf<'containerAllocated'> => e.type === 'containerAllocated')
      .map((e) => e.node);
    expect(allocated.length).toBeGreaterThan(3);
    expect(new Set(allocated)).toEqual(new Set(['n3', 'n6']));
    const c = report.metrics.counters as MapReduceCounters;
    expect(c.DATA_LOCAL_MAPS).toBe(0);
    expect(c.RACK_LOCAL_MAPS).toBeGreaterThan(0);
    expect(report.metrics.bytesReadLocal).toBe(0);
    const replicas = report.trace
      .filter((e): e is RunEventOf<'blockAllocated'> => e.type === 'blockAllocated')
      .flatMap((e) => e.replicas);
    expect(replicas.length).toBeGreaterThan(0);
    expect(replicas.filter((n) => n === 'n3' || n === 'n6')).toEqual([]);
  });
});
