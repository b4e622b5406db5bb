/**
 * Property tests of the three delivery methods over random crash points, crash times and seeds:
 * at-most-once never duplicates, at-least-once never loses, exactly-once does neither, and the
 * idempotent key-value store turns at-least-once replays into the fault-free final state.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Trace } from '../core';
import { simulateScenario } from './runScenario';
import { validateScenario } from './scenarioSpec';
import { CRASH_POINTS, type CrashPoint, type DeliveryMethod, type SinkKind } from './types';

interface Crash {
  consumer: number;
  point: CrashPoint;
  batch: number;
  restart: boolean;
}

function scenario(
  delivery: DeliveryMethod,
  sink: SinkKind,
  partitions: number,
  consumers: number,
  crashes: Crash[],
  windowed: boolean,
) {
  return validateScenario({
    durationMs: 4000,
    drainMs: 30_000,
    topic: { partitions, replicationFactor: 2 },
    producers: [
      {
        id: 'src',
        ratePerSec: 300,
        acks: 'all',
        generate: ({ index, rng }: { index: number; rng: { int(n: number): number } }) => ({
          key: `k${rng.int(17)}`,
          value: index,
        }),
      },
    ],
    consumers: { count: consumers, batchIntervalMs: 200, sessionTimeoutMs: 500 },
    process: (r: { key: string; value: number }) => ({ key: `${r.key}/${r.value}`, value: r.value }),
    window: windowed
      ? { type: 'sliding', sizeMs: 1000, slideMs: 500, watermarkDelayMs: 1e9, aggregate: 'sum' }
      : undefined,
    sink,
    delivery,
    faults: crashes.map((c) => ({
      type: 'crash-consumer',
      consumer: Math.min(c.consumer, consumers),
      point: c.point,
      batch: c.batch,
      restartAfterMs: c.restart ? 700 : undefined,
    })),
  });
}

const crashArb = fc.record({
  consumer: fc.integer({ min: 1, max: 3 }),
  point: fc.constantFrom(...CRASH_POINTS),
  batch: fc.integer({ min: 1, max: 12 }),
  restart: fc.boolean(),
});
const setupArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  partitions: fc.integer({ min: 1, max: 6 }),
  consumers: fc.integer({ min: 1, max: 3 }),
  crashes: fc.array(crashArb, { minLength: 1, maxLength: 3 }),
  windowed: fc.boolean(),
});

interface Setup {
  seed: number;
  partitions: number;
  consumers: number;
  crashes: Crash[];
  windowed: boolean;
}

function ledgerOf(delivery: DeliveryMethod, sink: SinkKind, s: Setup) {
  const run = simulateScenario(scenario(delivery, sink, s.partitions, s.consumers, s.crashes, s.windowed), s.seed);
  const l = run.result.ledger;
  expect(l.stored + l.filtered + l.late + l.pending + l.lost).toBe(l.produced);
  expect(l.produced).toBe(1200);
  return { l, run };
}

describe('delivery guarantees (property)', () => {
  it('at-most-once never duplicates, even into an append-only sink', () => {
    let lossy = 0;
    fc.assert(
      fc.property(setupArb, (s) => {
        const { l } = ledgerOf('at-most-once', 'append', s);
        expect(l.duplicated).toBe(0);
        expect(l.reprocessed).toBe(0);
        if (l.lost > 0) lossy++;
      }),
      { numRuns: 60 },
    );
    // The crashes are real: some runs lose records (a test that could not fail would prove nothing).
    expect(lossy).toBeGreaterThan(0);
  });

  it('at-least-once never loses (records are stored or still pending in the log)', () => {
    let replayed = 0;
    fc.assert(
      fc.property(setupArb, fc.constantFrom<SinkKind>('append', 'key-value', 'transactional'), (s, sink) => {
        const { l } = ledgerOf('at-least-once', sink, s);
        expect(l.lost).toBe(0);
        if (l.reprocessed > 0) replayed++;
      }),
      { numRuns: 60 },
    );
    expect(replayed).toBeGreaterThan(0);
  });

  it('exactly-once neither loses nor duplicates, with the transactional sink or the idempotent store', () => {
    fc.assert(
      fc.property(setupArb, fc.constantFrom<SinkKind>('key-value', 'transactional'), (s, sink) => {
        const { l } = ledgerOf('exactly-once', sink, s);
        expect(l.lost).toBe(0);
        expect(l.duplicated).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('the idempotent store turns at-least-once replays into the fault-free final state', () => {
    fc.assert(
      fc.property(setupArb, (s) => {
        const withCrashes = { ...s, crashes: s.crashes.map((c) => ({ ...c, restart: true })) };
        const { l, run } = ledgerOf('at-least-once', 'key-value', withCrashes);
        const clean = simulateScenario(
          scenario('at-least-once', 'key-value', s.partitions, s.consumers, [], s.windowed),
          s.seed,
        );
        expect(l.pending).toBe(0);
        expect(l.duplicated).toBe(0);
        expect(JSON.stringify(run.sink.entries())).toBe(JSON.stringify(clean.sink.entries()));
      }),
      { numRuns: 40 },
    );
  });

  it('after every rebalance of a running group each partition has exactly one owner', () => {
    fc.assert(
      fc.property(setupArb, (s) => {
        const trace = new Trace();
        simulateScenario(scenario('at-least-once', 'append', s.partitions, s.consumers, s.crashes, false), s.seed, {
          trace,
        });
        const rebalances = trace.events.filter((e) => e.type === 'groupRebalanced');
        expect(rebalances.length).toBeGreaterThanOrEqual(s.consumers);
        for (const e of rebalances) {
          const owned = Object.values(e.assignment as Record<string, number[]>)
            .flat()
            .sort((a, b) => a - b);
          if (Object.keys(e.assignment as object).length > 0) expect(owned).toEqual([...Array(s.partitions).keys()]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('at-least-once into an append-only sink does duplicate when a consumer dies before committing', () => {
    const s = {
      seed: 3,
      partitions: 3,
      consumers: 2,
      crashes: [{ consumer: 1, point: 'before-commit' as const, batch: 3, restart: true }],
      windowed: false,
    };
    const { l } = ledgerOf('at-least-once', 'append', s);
    expect(l.duplicated).toBeGreaterThan(0);
    expect(l.lost).toBe(0);
    const amo = ledgerOf('at-most-once', 'append', {
      ...s,
      crashes: [{ ...s.crashes[0]!, point: 'after-processing' as const }],
    }).l;
    expect(amo.lost).toBeGreaterThan(0);
  });
});
