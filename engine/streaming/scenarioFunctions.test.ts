/**
 * The learner's functions never hold the engine's objects: the processing function gets a frozen
 * copy of each log record, generated values are copied and frozen on the way in, and returned
 * values are copied before the sink keeps them. So a scenario cannot rewrite the log or the ledger.
 */
import { describe, it, expect } from 'vitest';
import { simulateScenario } from './runScenario';
import { ScenarioFunctionError, frozenCopy, wrapGenerate, wrapProcess } from './scenarioFunctions';
import { createRng } from '../core';
import { validateScenario } from './scenarioSpec';
import type { RecordView } from './types';

function spec(process: (r: RecordView) => unknown, generateShared = false) {
  const shared = { n: 0, tags: ['a'] };
  return validateScenario({
    durationMs: 2000,
    topic: { partitions: 3, replicationFactor: 2 },
    producers: [
      {
        id: 'src',
        ratePerSec: 200,
        // With generateShared, the generator hands out the same object each time and then changes it.
        generate: ({ index }: { index: number }) => {
          if (!generateShared) return { key: `k${index % 7}`, value: { n: index, tags: ['a'] } };
          shared.n = index;
          shared.tags.push('x');
          return { key: `k${index % 7}`, value: shared };
        },
      },
    ],
    consumers: { count: 2, batchIntervalMs: 200 },
    process,
    sink: 'key-value',
    delivery: 'at-least-once',
  });
}

function logValues(run: ReturnType<typeof simulateScenario>): unknown[] {
  const out: unknown[] = [];
  for (const ps of run.brokers.partitions('events'))
    for (let o = ps.log.logStartOffset; o < ps.log.logEndOffset; o++) {
      const r = ps.log.at(o)!;
      out.push([r.id, r.partition, r.offset, r.key, r.value]);
    }
  return out;
}

const identity = (r: RecordView) => ({ key: r.key, value: r.value });

describe('scenario functions get copies, not the engine objects', () => {
  it('a process that tries to rewrite its record changes neither the log nor the ledger', () => {
    const clean = simulateScenario(spec(identity), 3);
    let attempts = 0;
    let refused = 0;
    const vandal = (r: RecordView) => {
      const w = r as unknown as Record<string, unknown>;
      const v = r.value as { n: number; tags: string[] };
      const tries: (() => void)[] = [
        () => (w.id = 0),
        () => (w.offset = 0),
        () => (w.partition = 99),
        () => (w.key = 'stolen'),
        () => (v.n = -1),
        () => v.tags.push('evil'),
      ];
      for (const t of tries) {
        attempts++;
        try {
          t();
        } catch {
          refused++;
        }
      }
      return { key: r.key, value: r.value };
    };
    const dirty = simulateScenario(spec(vandal), 3);
    expect(attempts).toBeGreaterThan(0);
    expect(refused).toBe(attempts);
    expect(dirty.result.ledger).toEqual(clean.result.ledger);
    expect(dirty.result.ledger).toMatchObject({ produced: 400, stored: 400, duplicated: 0, lost: 0 });
    expect(logValues(dirty)).toEqual(logValues(clean));
    expect(dirty.sink.entries(1000)).toEqual(clean.sink.entries(1000));
  });

  it('a process that mutates its record throws an error naming the field (frozen, strict mode)', () => {
    const mutate = (r: RecordView) => {
      (r.value as { n: number }).n = 0;
      return null;
    };
    expect(() => simulateScenario(spec(mutate), 1)).toThrow(ScenarioFunctionError);
    expect(() => simulateScenario(spec(mutate), 1)).toThrow(/^process: threw Cannot assign to read only property 'n'/);
  });

  it('a generator that reuses and changes one object after returning it does not change logged records', () => {
    const run = simulateScenario(spec(identity, true), 5);
    const values = logValues(run) as [number, number, number, string, { n: number; tags: string[] }][];
    expect(values).toHaveLength(400);
    for (const [id, , , , value] of values) {
      expect(value.n).toBe(id);
      expect(value.tags).toHaveLength(id + 2);
      expect(Object.isFrozen(value) && Object.isFrozen(value.tags)).toBe(true);
    }
  });

  it('a process cannot change stored output after returning it', () => {
    const kept: { total: number }[] = [];
    const keeper = (r: RecordView) => {
      const out = { total: (r.value as { n: number }).n };
      kept.push(out);
      return { key: r.key, value: out };
    };
    const run = simulateScenario(spec(keeper), 2);
    const before = JSON.stringify(run.sink.entries(1000));
    for (const o of kept) o.total = -1;
    expect(JSON.stringify(run.sink.entries(1000))).toBe(before);
    expect(before).not.toMatch(/-1/);
  });

  it('frozenCopy copies plain data deeply and reports cycles by field', () => {
    const v = { a: [1, { b: 2 }], c: null };
    const c = frozenCopy(v, 'f') as typeof v;
    expect(c).toEqual(v);
    expect(c).not.toBe(v);
    expect(Object.isFrozen(c.a[1] as object)).toBe(true);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => frozenCopy(loop, 'producers[0].generate (value)')).toThrow(
      /^producers\[0\]\.generate \(value\): value nests deeper than 64 levels/,
    );
  });

  it('refuses a Promise or thenable from generate or process (an async function), naming the field', () => {
    const record = { id: 1, key: 'k', value: 1, eventTime: 0, partition: 0, offset: 0, appendTime: 0, producer: 'p' };
    const async = /returned a Promise \(is it an async function\?\) — scenario functions run synchronously/;
    for (const out of [
      Promise.resolve({ key: 'a', value: 1 }),
      { then: (resolve: (v: unknown) => void) => resolve(1) },
    ]) {
      expect(() => wrapProcess(() => out, 'process')(record as never)).toThrow(async);
      expect(() => wrapGenerate(() => out as never, 'producers[0].generate', createRng(1))(0, 0)).toThrow(async);
    }
  });

  it('refuses values that are not data, and turns hostile returns and throws into one ScenarioFunctionError', () => {
    for (const bad of [() => 1, Symbol('s'), 1n, { nested: [() => 1] }])
      expect(() => frozenCopy(bad, 'f')).toThrow(/^f: must be plain data/);
    const record = { id: 1, key: 'k', value: 1, eventTime: 0, partition: 0, offset: 0, appendTime: 0, producer: 'p' };
    const hostile: [() => unknown, RegExp][] = [
      [
        () => ({
          get key(): string {
            throw new Error('gotcha');
          },
        }),
        /^process: returned a value that threw gotcha when read$/,
      ],
      [
        () => {
          throw new Proxy(
            {},
            {
              get() {
                throw new Error('x');
              },
            },
          );
        },
        /^process: threw a value that cannot be shown/,
      ],
      [
        () => {
          throw Object.create(null);
        },
        /^process: threw an object/,
      ],
    ];
    for (const [fn, message] of hostile) {
      const wrapped = wrapProcess(fn, 'process');
      expect(() => wrapped(record as never)).toThrow(ScenarioFunctionError);
      expect(() => wrapped(record as never)).toThrow(message);
    }
    let reads = 0;
    const flipping = wrapProcess(
      () => ({
        get key() {
          return reads++ === 0 ? 'ok' : {};
        },
        value: 1,
      }),
      'process',
    );
    expect(flipping(record as never)).toEqual({ key: 'ok', value: 1 });
  });
});
