import { describe, it, expect } from 'vitest';
import { Trace, ValidationError } from '../core';
import { runScenario, simulateScenario } from './runScenario';
import { ScenarioFunctionError } from './scenarioFunctions';
import { validateScenario } from './scenarioSpec';

function base(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    durationMs: 5000,
    topic: { name: 'events', partitions: 4, replicationFactor: 3, minInsyncReplicas: 2 },
    producers: [
      {
        id: 'src',
        ratePerSec: 400,
        acks: 'all',
        retries: 10,
        generate: ({ index }: { index: number }) => ({ key: `k${index % 13}`, value: index }),
      },
    ],
    consumers: { count: 2, batchIntervalMs: 250 },
    sink: 'append',
    delivery: 'at-least-once',
    ...overrides,
  };
}

describe('runScenario', () => {
  it('delivers everything once without faults and drains the lag', () => {
    const r = runScenario(validateScenario(base()), 1);
    expect(r.ledger).toMatchObject({
      produced: 2000,
      appended: 2000,
      processed: 2000,
      stored: 2000,
      duplicated: 0,
      lost: 0,
      pending: 0,
    });
    expect(r.lag.every((p) => p.lag === 0 && p.committed === p.logEndOffset)).toBe(true);
    expect(r.brokers).toEqual(['n1', 'n2', 'n3']);
  });

  it('is deterministic: same spec and seed, same result and trace', () => {
    const spec = validateScenario(
      base({
        faults: [{ type: 'crash-consumer', consumer: 1, point: 'before-commit', batch: 4, restartAfterMs: 1000 }],
      }),
    );
    const t1 = new Trace();
    const t2 = new Trace();
    const a = runScenario(spec, 42, { trace: t1 });
    const b = runScenario(spec, 42, { trace: t2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(t1.toJsonLines()).toBe(t2.toJsonLines());
    expect(t1.ofType('consumerCrashed')).toHaveLength(1);
    expect(t1.ofType('sessionExpired')).toHaveLength(1);
  });

  it('loses acknowledged records with acks=1 when a leader dies before its followers copied them', () => {
    const spec = validateScenario(
      base({
        producers: [
          {
            id: 'src',
            ratePerSec: 4000,
            acks: 1,
            tickMs: 1,
            generate: ({ index }: { index: number }) => ({ key: `k${index % 13}`, value: index }),
          },
        ],
        faults: [{ type: 'kill-broker', node: 'n1', atMs: 1503 }],
      }),
    );
    const run = simulateScenario(spec, 1);
    expect(run.brokers.leaderElections).toBeGreaterThan(0);
    expect(run.brokers.truncatedRecords).toBeGreaterThan(0);
    expect(run.result.ledger.lost).toBe(run.brokers.truncatedRecords);
    expect(run.result.ledger.lostBeforeLog).toBe(run.result.ledger.lost);
    // With acks=all the same failure costs nothing.
    const safe = runScenario(validateScenario(base({ faults: [{ type: 'kill-broker', node: 'n1', atMs: 1503 }] })), 1);
    expect(safe.ledger.lost).toBe(0);
    expect(safe.ledger.duplicated).toBe(0);
  });

  it('duplicates in the log when a producer retries after a lost answer, unless idempotent', () => {
    const producer = (idempotent: boolean) => [
      {
        id: 'src',
        ratePerSec: 400,
        acks: 'all',
        idempotent,
        requestTimeoutMs: 100,
        generate: ({ index }: { index: number }) => ({ key: `k${index % 13}`, value: index }),
      },
    ];
    const faults = [{ type: 'drop-network', producer: 'src', fromMs: 1005, toMs: 1600 }];
    const plain = runScenario(validateScenario(base({ producers: producer(false), faults })), 1);
    expect(plain.ledger.logDuplicated).toBeGreaterThan(0);
    expect(plain.ledger.duplicated).toBe(plain.ledger.logDuplicated);
    const idem = runScenario(validateScenario(base({ producers: producer(true), faults })), 1);
    expect(idem.ledger.logDuplicated).toBe(0);
    expect(idem.metrics.producerRetries).toBeGreaterThan(0);
    expect(idem.ledger).toMatchObject({ lost: 0, duplicated: 0, stored: 2000 });
  });

  it('counts records deleted by retention before anyone read them as lost', () => {
    const r = runScenario(
      validateScenario(
        base({
          topic: { partitions: 2, retentionMs: 1000 },
          faults: [{ type: 'crash-consumer', consumer: 1, point: 'before-processing', batch: 1 }],
          consumers: { count: 1, batchIntervalMs: 250 },
        }),
      ),
      1,
    );
    expect(r.metrics.skippedByRetention).toBe(0); // the only consumer died: nothing was read
    expect(r.ledger.lost).toBeGreaterThan(0);
    expect(r.ledger.lost + r.ledger.pending).toBe(2000);
  });

  it('filters records the processing function drops and reports late window records', () => {
    const r = runScenario(
      validateScenario(
        base({
          producers: [
            {
              id: 'src',
              ratePerSec: 400,
              generate: ({ index, now }: { index: number; now: number }) => ({
                key: `k${index % 3}`,
                value: index,
                eventTime: index % 10 === 0 ? Math.max(0, now - 3000) : now,
              }),
            },
          ],
          process: (rec: { key: string; value: number }) =>
            rec.value % 7 === 0 ? null : { key: rec.key, value: rec.value },
          window: { type: 'tumbling', sizeMs: 500, watermarkDelayMs: 200, aggregate: 'sum' },
        }),
      ),
      1,
    );
    expect(r.ledger.filtered).toBe(286);
    expect(r.ledger.late).toBeGreaterThan(0);
    expect(r.ledger.stored + r.ledger.filtered + r.ledger.late).toBe(2000);
    expect(r.metrics.windowsClosed).toBeGreaterThan(0);
  });

  it('reports a throwing processing function with its field', () => {
    const spec = validateScenario(
      base({
        process: () => {
          throw new Error('boom');
        },
      }),
    );
    expect(() => runScenario(spec, 1)).toThrow(ScenarioFunctionError);
    expect(() => runScenario(spec, 1)).toThrow(/^process: threw boom \(record \d+@0\)$/);
  });
});

describe('validateScenario', () => {
  const bad = (overrides: Record<string, unknown>) => {
    try {
      validateScenario(base(overrides));
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as Error).message;
    }
    throw new Error('expected a ValidationError');
  };

  it('names the field and the allowed values', () => {
    expect(bad({ delivery: 'twice' })).toBe(
      "delivery: must be one of 'at-most-once', 'at-least-once', 'exactly-once', got \"twice\"",
    );
    expect(bad({ sink: 'append', delivery: 'exactly-once' })).toMatch(/^sink: exactly-once needs/);
    expect(bad({ topic: { partitions: 0 } })).toBe('topic.partitions: must be a positive integer, got 0');
    expect(bad({ topic: { partitions: 2, replicationFactor: 4 } })).toBe(
      'topic.replicationFactor: must be <= the 3 brokers, got 4',
    );
    expect(bad({ producers: [{ ratePerSec: 1, acks: 2, generate: () => null }] })).toBe(
      "producers[0].acks: must be one of 0, 1, 'all', got 2",
    );
    expect(bad({ producers: [{ ratePerSec: 1 }] })).toBe('producers[0].generate: must be a function, got undefined');
    expect(bad({ faults: [{ type: 'kill-broker', node: 'n9', atMs: 1 }] })).toBe(
      'faults[0].node: no broker runs on "n9" (brokers: n1, n2, n3)',
    );
    expect(bad({ faults: [{ type: 'crash-consumer', consumer: 3, point: 'before-commit', atMs: 1 }] })).toMatch(
      /^faults\[0\]\.consumer: there are only 2 consumers/,
    );
    expect(bad({ window: { type: 'sliding', sizeMs: 10, slideMs: 20 } })).toBe(
      'window.slideMs: must be <= window.sizeMs (10), got 20',
    );
    expect(bad({ replication: 3 })).toMatch(/^scenario\.replication: unknown field/);
    expect(bad({ cluster: 'huge' })).toMatch(/^cluster: unknown preset "huge"/);
  });
});
