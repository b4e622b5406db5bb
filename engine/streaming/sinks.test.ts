import { describe, it, expect } from 'vitest';
import { AppendSink } from './appendSink';
import { KeyValueStore } from './keyValueStore';
import { Ledger } from './ledger';
import { SinkRows } from './sinkRows';
import { TransactionalSink } from './transactionalSink';
import type { LogRecord, OutputRow } from './types';

function records(ledger: Ledger, n: number, partition = 0): LogRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: ledger.nextId(),
    key: `k${i}`,
    value: i,
    eventTime: i,
    partition,
    offset: i,
    appendTime: i,
    producer: 'p',
    seq: -1,
  }));
}
const rowsOf = (rs: LogRecord[]): OutputRow[] =>
  rs.map((r) => ({ kind: 'record', key: r.key!, value: r.value, source: r }));
const batch = (rows: OutputRow[]): SinkRows => SinkRows.of(rows);
const windowRow = (rs: LogRecord[]): OutputRow => ({
  kind: 'window',
  key: 'w',
  window: { start: 0, end: 10 },
  parts: rs.map((r) => ({ source: r, value: 1, counted: false })),
});

describe('sinks', () => {
  it('the append sink keeps a replayed batch twice and the ledger sees duplicates', () => {
    const ledger = new Ledger();
    const sink = new AppendSink(ledger);
    const rs = records(ledger, 3);
    sink.write(batch(rowsOf(rs)));
    sink.write(batch(rowsOf(rs.slice(1))));
    expect(sink.entryCount).toBe(5);
    expect(sink.ids).toEqual([0, 1, 2, 1, 2]);
    expect(ledger.summarize()).toMatchObject({ stored: 3, duplicated: 2 });
  });

  it('the key-value store ignores a replay (same partition offsets) and ends in the same state', () => {
    const ledger = new Ledger();
    const kv = new KeyValueStore(ledger);
    const rs = records(ledger, 4);
    kv.upsert(batch([...rowsOf(rs.slice(0, 3)), windowRow(rs.slice(0, 3))]));
    const once = JSON.stringify(kv.entries());
    kv.upsert(batch([...rowsOf(rs), windowRow(rs)])); // a replayed batch that also carries a new record
    expect(kv.ignoredReplays).toBe(6);
    expect(kv.get('k3')).toBe(3);
    expect(kv.entries().find((e) => e.window)?.value).toMatchObject({ count: 4 });
    expect(ledger.summarize()).toMatchObject({ stored: 4, duplicated: 0 });
    expect(once).not.toBe(JSON.stringify(kv.entries()));
  });

  it('the transactional sink shows nothing until commit and drops an aborted transaction', () => {
    const ledger = new Ledger();
    const sink = new TransactionalSink(ledger);
    const rs = records(ledger, 2);
    const t1 = sink.begin();
    sink.write(t1, batch(rowsOf(rs)));
    expect(sink.entryCount).toBe(0);
    sink.abort(t1);
    expect(sink.storedOffset(0)).toBeUndefined();
    const t2 = sink.begin();
    sink.write(t2, batch(rowsOf(rs)));
    sink.commit(t2, new Map([[0, 2]]));
    expect(sink.output.keys).toEqual(['k0', 'k1']);
    expect(sink.storedOffset(0)).toBe(2);
    expect(() => sink.write(t2, new SinkRows())).toThrow();
    expect(ledger.summarize()).toMatchObject({ stored: 2, duplicated: 0 });
  });
});

describe('Ledger', () => {
  it('puts every produced record in exactly one final category', () => {
    const ledger = new Ledger();
    const ids = Array.from({ length: 6 }, () => ledger.nextId());
    ledger.appended(ids[0]!);
    ledger.stored(ids[0]!);
    ledger.stored(ids[0]!);
    ledger.filtered(ids[1]!);
    ledger.late(ids[2]!);
    ledger.pending(ids[3]!);
    ledger.appended(ids[4]!);
    const s = ledger.summarize();
    expect(s).toMatchObject({
      produced: 6,
      stored: 1,
      duplicated: 1,
      filtered: 1,
      late: 1,
      pending: 1,
      lost: 2,
      lostBeforeLog: 1,
    });
    expect(s.stored + s.filtered + s.late + s.pending + s.lost).toBe(s.produced);
  });
});
