/**
 * Zipf popularity with trends, and the trending row a dashboard shows against the true one.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineSpec } from './index';

const wire = (...ids: string[]) => ids.slice(1).map((to, i) => ({ from: ids[i]!, to }));

function trending(clients: Record<string, number | string>, batchEveryMs?: number): PipelineSpec {
  const job = batchEveryMs
    ? [
        { id: 'flume', type: 'flume', node: 'n2', settings: { rollInterval: 60, rollCount: 0, rollSize: 0 } },
        { id: 'lake', type: 'hdfs', node: 'n2' },
        { id: 'job', type: 'spark-batch', node: 'n2', settings: { everyMs: batchEveryMs } },
      ]
    : [
        { id: 'api', type: 'api', node: 'n1' },
        { id: 'log', type: 'kafka', node: 'n1' },
        { id: 'job', type: 'spark-streaming', node: 'n3', settings: { op: 'countByKey' } },
      ];
  return {
    parts: [
      { id: 'clients', type: 'clients', settings: { events: 20_000, ratePerSec: 20, keys: 20, ...clients } },
      ...job,
      { id: 'store', type: 'hbase', node: 'n3' },
      { id: 'row', type: 'dashboard', node: 'n3', settings: { show: 'trending', top: 5, windowMs: 120_000 } },
    ],
    wires: [
      ...(batchEveryMs
        ? wire('clients', 'flume', 'lake', 'job', 'store', 'row')
        : wire('clients', 'api', 'log', 'job', 'store', 'row')),
    ],
  } as PipelineSpec;
}

const run = (spec: PipelineSpec) => runPipeline({ pipeline: spec, cluster: 'classroom', untilMs: 1_060_000 });

describe('zipf popularity', () => {
  it('makes the n-th key come about 1/n as often as the first', () => {
    const r = run(trending({ popularity: 'zipf' }));
    const counts = r.keys.map((k) => k.produced);
    // 20 keys: the first takes 1/H(20) ≈ 28% of 20,000; the second about half of that.
    expect(counts[0]).toBeGreaterThan(5_000);
    expect(counts[0]).toBeLessThan(6_200);
    expect(counts[1]! / counts[0]!).toBeGreaterThan(0.4);
    expect(counts[1]! / counts[0]!).toBeLessThan(0.6);
  });

  it('changes the leader every trend period, the same way for the same seed', () => {
    const r = run(trending({ popularity: 'zipf', trendEveryMs: 300_000 }));
    const leaders = new Set(
      r.views[0]!.samples.filter((s) => s.t % 300_000 > 200_000).map((s) => s.trending!.truth[0]!.key),
    );
    expect(leaders.size).toBeGreaterThan(1);
    expect(JSON.stringify(run(trending({ popularity: 'zipf', trendEveryMs: 300_000 })).views)).toBe(
      JSON.stringify(r.views),
    );
  });

  it('uniform popularity is the default and draws every key about equally', () => {
    const r = run(trending({}));
    const counts = r.keys.map((k) => k.produced);
    expect(Math.max(...counts) / Math.min(...counts)).toBeLessThan(1.2);
  });
});

describe('the trending row', () => {
  it('from a streaming job: fresh, and the true top keys nearly always', () => {
    const view = run(trending({ popularity: 'zipf', trendEveryMs: 300_000 })).views[0]!;
    const judged = view.samples.filter((s) => s.t >= 120_000);
    expect(judged.every((s) => s.trending!.row.length === 5)).toBe(true);
    expect(judged.every((s) => s.behindMs < 2_000)).toBe(true);
    expect(judged.filter((s) => s.trending!.hits === 5).length / judged.length).toBeGreaterThan(0.9);
    expect(Math.min(...judged.map((s) => s.trending!.hits))).toBeGreaterThanOrEqual(4);
  });

  it('from a batch job: ranks the window before its last run, so it lags the trends', () => {
    const view = run(trending({ popularity: 'zipf', trendEveryMs: 300_000 }, 400_000)).views[0]!;
    const before = view.samples.filter((s) => s.t < 400_000);
    expect(before.every((s) => s.trending!.row.length === 0 && s.trending!.asOfMs === null)).toBe(true);
    const after = view.samples.filter((s) => s.trending!.asOfMs !== null);
    // The row's data ends where the batch job's files ended: at least a closed file behind the run's time.
    expect(after.every((s) => s.t - s.trending!.asOfMs! >= 20_000)).toBe(true);
    expect(after.filter((s) => s.trending!.hits === 5).length / after.length).toBeLessThan(0.5);
  });
});
