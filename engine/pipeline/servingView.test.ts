/**
 * The serving store's views (batch view + realtime view, lambda architecture) and a streaming
 * job's reprocessing (Kappa), judged against the ledger's truth.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core';
import { runPipeline, type PipelineFault, type PipelineSpec } from './index';

const wire = (...ids: string[]) => ids.slice(1).map((to, i) => ({ from: ids[i]!, to }));

/** Clients → API → Kafka → Flume → HDFS → batch job → store ← streaming job ← Kafka; store → dashboard. */
function lambda(options: {
  speed?: boolean;
  batch?: boolean;
  realtimeViews?: string;
  retentionHours?: number;
  events?: number;
  rate?: number;
}): PipelineSpec {
  const { speed = true, batch = true } = options;
  return {
    parts: [
      {
        id: 'clients',
        type: 'clients',
        settings: { events: options.events ?? 3_000, ratePerSec: options.rate ?? 20, keys: 7 },
      },
      { id: 'api', type: 'api', node: 'n1' },
      {
        id: 'log',
        type: 'kafka',
        node: 'n1',
        settings: options.retentionHours ? { retentionHours: options.retentionHours } : {},
      },
      { id: 'flume', type: 'flume', node: 'n2', settings: { rollCount: 0, rollSize: 0 } },
      { id: 'lake', type: 'hdfs', node: 'n2' },
      ...(batch ? [{ id: 'batch', type: 'spark-batch', node: 'n3', settings: { everyMs: 60_000 } }] : []),
      ...(speed ? [{ id: 'speed', type: 'spark-streaming', node: 'n1', settings: { op: 'countByKey' } }] : []),
      {
        id: 'store',
        type: 'hbase',
        node: 'n3',
        settings: options.realtimeViews ? { realtimeViews: options.realtimeViews } : {},
      },
      { id: 'board', type: 'dashboard', node: 'n3', settings: { refreshMs: 2_000 } },
    ],
    wires: [
      ...wire('clients', 'api', 'log', 'flume', 'lake'),
      ...(batch ? wire('lake', 'batch', 'store') : []),
      ...(speed ? wire('log', 'speed', 'store') : []),
      ...wire('store', 'board'),
    ],
  } as PipelineSpec;
}

const run = (pipeline: PipelineSpec, untilMs = 300_000, faults: PipelineFault[] = []) =>
  runPipeline({ pipeline, cluster: 'classroom', untilMs, faults });

describe('a serving view of counts by key', () => {
  it('the batch layer alone is complete at the end but falls behind between runs', () => {
    const view = run(lambda({ speed: false })).views[0]!;
    expect(view.final.differing).toBe(0);
    expect(view.final.viewTotal).toBe(3_000);
    expect(view.final.shownAsItEnded).toBe(true);
    expect(view.maxDoubleCounted).toBe(0);
    expect(view.maxBehindMs).toBeGreaterThan(60_000);
  });

  it('batch + speed with the realtime view discarded once absorbed: fresh, exact, never twice', () => {
    const view = run(lambda({ realtimeViews: 'discardAbsorbed' })).views[0]!;
    expect(view.maxDoubleCounted).toBe(0);
    expect(view.maxBehindMs).toBeLessThan(5_000);
    expect(view.final.differing).toBe(0);
    expect(view.final.keys.reduce((a, k) => a + k.view, 0)).toBe(3_000);
  });

  it('batch + speed keeping the realtime view counts every absorbed event twice', () => {
    const view = run(lambda({ realtimeViews: 'keep' })).views[0]!;
    expect(view.maxDoubleCounted).toBe(3_000);
    expect(view.final.viewTotal).toBe(6_000);
    expect(view.final.differing).toBe(7);
    const first = view.samples.find((s) => s.doubleCounted > 0)!;
    // The first batch run starts at 60 s and takes its startup (20 s) before it writes.
    expect(first.t).toBeGreaterThan(80_000);
  });

  it('a dashboard on raw rows or on HDFS has no view', () => {
    const raw = lambda({ batch: false });
    raw.parts.find((p) => p.id === 'speed')!.settings = { op: 'raw' };
    expect(run(raw).views).toEqual([]);
  });

  it('is deterministic', () => {
    const a = JSON.stringify(run(lambda({ realtimeViews: 'discardAbsorbed' })));
    expect(JSON.stringify(run(lambda({ realtimeViews: 'discardAbsorbed' })))).toBe(a);
  });
});

describe('reprocessing a streaming job (Kappa)', () => {
  const kappa = (retentionHours?: number) =>
    lambda({ batch: false, events: 7_200, rate: 1, ...(retentionHours ? { retentionHours } : {}) });
  const redeploy: PipelineFault[] = [{ atMs: 7_000_000, kind: 'reprocess' }];

  it('rebuilds the whole view from a log that kept everything, while the board reads the old one', () => {
    const r = run(kappa(), 7_300_000, redeploy);
    const view = r.views[0]!;
    expect(r.events.find((e) => e.type === 'reprocess')).toMatchObject({ part: 'speed', fromOffset: 0 });
    const rebuilt = r.events.find((e) => e.type === 'rebuilt');
    expect(rebuilt).toMatchObject({ part: 'speed' });
    expect(rebuilt!.t).toBeGreaterThan(7_000_000);
    expect(view.final.differing).toBe(0);
    expect(view.final.viewTotal).toBe(7_200);
    // The old view serves until the switch: the board never falls behind.
    expect(view.maxBehindMs).toBeLessThan(5_000);
  });

  it('rebuilds only what retention kept', () => {
    const r = run(kappa(1), 7_300_000, redeploy);
    const replay = r.events.find((e) => e.type === 'reprocess');
    expect(replay).toMatchObject({ part: 'speed' });
    // One record a second: at 7,000 s a log of one hour starts at about offset 3,400.
    const from = replay!.type === 'reprocess' ? replay!.fromOffset : 0;
    expect(from).toBeGreaterThan(3_300);
    expect(from).toBeLessThan(3_500);
    expect(r.views[0]!.final.viewTotal).toBe(7_200 - from);
  });

  it('names the part, or refuses a part that is not a streaming job', () => {
    const r = run(kappa(), 7_300_000, [{ atMs: 7_000_000, kind: 'reprocess', part: 'speed' }]);
    expect(r.events.some((e) => e.type === 'reprocess')).toBe(true);
    expect(() => run(kappa(), 10_000, [{ atMs: 5_000, kind: 'reprocess', part: 'log' }])).toThrow(ValidationError);
    expect(() => run(kappa(), 10_000, [{ atMs: 5_000, kind: 'reprocess', part: 'log' }])).toThrow(
      /only a Spark Streaming job reprocesses its log/,
    );
  });
});
