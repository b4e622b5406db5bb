import { describe, it, expect } from 'vitest';
import { PartitionLog } from './partitionLog';
import type { LogRecord } from './types';

function rec(id: number): LogRecord {
  return {
    id,
    key: `k${id}`,
    value: id,
    eventTime: id,
    partition: -1,
    offset: -1,
    appendTime: -1,
    producer: 'p',
    seq: -1,
  };
}

describe('PartitionLog', () => {
  it('assigns consecutive offsets and append times, and reads only below the high watermark', () => {
    const log = new PartitionLog('t', 2);
    for (let i = 0; i < 5; i++) log.append(rec(i), 100 + i);
    expect(log.logEndOffset).toBe(5);
    expect(log.at(3)).toMatchObject({ id: 3, offset: 3, partition: 2, appendTime: 103 });
    expect(log.read(0, 10)).toEqual([]);
    log.highWatermark = 3;
    expect(log.read(1, 10).map((r) => r.offset)).toEqual([1, 2]);
    expect(log.read(0, 2).map((r) => r.offset)).toEqual([0, 1]);
  });

  it('copies a record appended a second time (a retried send) so each offset has its own', () => {
    const log = new PartitionLog('t', 0);
    const r = rec(7);
    const a = log.append(r, 1);
    const b = log.append(r, 2);
    expect(a).not.toBe(b);
    expect([a.offset, b.offset, a.id, b.id]).toEqual([0, 1, 7, 7]);
  });

  it('truncates to an offset and pulls the high watermark back', () => {
    const log = new PartitionLog('t', 0);
    for (let i = 0; i < 6; i++) log.append(rec(i), i);
    log.highWatermark = 6;
    const removed = log.truncateTo(4);
    expect(removed.map((r) => r.id)).toEqual([4, 5]);
    expect(log.logEndOffset).toBe(4);
    expect(log.highWatermark).toBe(4);
    expect(log.append(rec(9), 10).offset).toBe(4);
  });

  it('deletes by time and by size from the oldest end, keeping offsets stable', () => {
    const log = new PartitionLog('t', 0);
    for (let i = 0; i < 10; i++) log.append(rec(i), i * 100);
    log.highWatermark = 10;
    expect(log.applyRetention(1000, 450, Number.POSITIVE_INFINITY)).toBe(6); // append times 0..500 < 550
    expect(log.logStartOffset).toBe(6);
    expect(log.at(5)).toBeUndefined();
    expect(log.at(6)?.id).toBe(6);
    expect(log.applyRetention(1000, Number.POSITIVE_INFINITY, 2)).toBe(2);
    expect(log.read(0, 10).map((r) => r.offset)).toEqual([8, 9]);
  });
});
