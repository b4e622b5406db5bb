import { describe, it, expect } from 'vitest';
import { WindowStage, WindowValueError, type WindowSpec } from './windowStage';
import type { LogRecord } from './types';

let nextId = 0;
function item(eventTime: number, key = 'k', value: unknown = 1) {
  const source: LogRecord = {
    id: nextId++,
    key,
    value,
    eventTime,
    partition: 0,
    offset: nextId,
    appendTime: 0,
    producer: 'p',
    seq: -1,
  };
  return { source, out: { key, value } };
}

const tumbling: WindowSpec = { type: 'tumbling', sizeMs: 10, slideMs: 10, watermarkDelayMs: 5, aggregate: 'sum' };

describe('WindowStage', () => {
  it('groups a batch into tumbling windows per key', () => {
    const w = new WindowStage(tumbling);
    const { rows, late } = w.aggregateBatch([item(1, 'a', 2), item(9, 'a', 3), item(12, 'a', 4), item(3, 'b', 5)]);
    expect(late).toEqual([]);
    expect(rows.map((r) => [r.key, r.window.start, r.window.end, r.parts.map((p) => p.value)])).toEqual([
      ['a', 0, 10, [2, 3]],
      ['a', 10, 20, [4]],
      ['b', 0, 10, [5]],
    ]);
  });

  it('moves the watermark after the batch and drops records whose window it closed', () => {
    const w = new WindowStage(tumbling);
    w.aggregateBatch([item(27)]);
    expect(w.watermark).toBe(22);
    expect(w.windowsClosed).toBe(0);
    const { rows, late } = w.aggregateBatch([item(5), item(15), item(21)]);
    expect(late.map((r) => r.eventTime)).toEqual([5, 15]);
    expect(rows.map((r) => r.window.start)).toEqual([20]);
    w.aggregateBatch([item(40)]);
    expect(w.windowsClosed).toBe(1);
  });

  it('puts a record in every sliding window that holds it, counting it in the last one only', () => {
    const w = new WindowStage({ type: 'sliding', sizeMs: 30, slideMs: 10, watermarkDelayMs: 100, aggregate: 'count' });
    const { rows } = w.aggregateBatch([item(25)]);
    expect(rows.map((r) => [r.window.start, r.parts[0]!.counted])).toEqual([
      [20, true],
      [10, false],
      [0, false],
    ]);
  });

  it('reports a value that cannot be summed', () => {
    const w = new WindowStage(tumbling);
    expect(() => w.aggregateBatch([item(1, 'a', 'ten')])).toThrow(WindowValueError);
  });
});
