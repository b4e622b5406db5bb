// The pictures of an exactly-once run (the streaming-delivery lab's step 3, starter and solution):
// the store topic's tapes, transactions at each instant, a batch appended twice, and a record's path.
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../../../engine/sandbox';
import { runStep } from '../../../labs/runStep';
import lab from '../../../labs/streaming-delivery/lab';
import type { KafkaJobReport } from '../../../engine/api';
import { buildStreamView, streamAt } from './streamView';
import { recordPath, tapeWindow } from './streamQueries';

async function report(which: 'starter' | 'solution'): Promise<KafkaJobReport> {
  const runner = createFunctionRunner({ macrotask: (fn) => setImmediate(fn) });
  const o = await runStep({ lab, stepIndex: 2, source: lab.steps[2]![which], runner });
  return o.report as KafkaJobReport;
}

describe('an exactly-once run, played back', () => {
  it('draws the store topic as the store: no lag, rows once committed, the crashed transaction aborted', async () => {
    const r = await report('solution');
    const view = buildStreamView(r);
    const billed = view.partitions.filter((p) => p.topic === 'billed');
    expect(billed.every((p) => p.output && p.transactional)).toBe(true);
    expect(view.partitions.filter((p) => p.topic === 'payments').every((p) => !p.output)).toBe(true);
    const end = streamAt(view, r.simulatedMs);
    expect(end.partitions.filter((p) => p.track.output).every((p) => p.lag === 0)).toBe(true);
    // The payments' lag is what the report says at the end (drained), counted from transactional commits.
    for (const p of end.partitions.filter((x) => !x.track.output))
      expect([p.committed, p.lag]).toEqual([
        r.partitions.find((x) => x.topic === p.track.topic && x.partition === p.track.partition)!.committed,
        0,
      ]);
    // The store's rows at the end are the ledger's stored payments (one each) and the ledger agrees.
    expect(end.ledger).toMatchObject({ appended: 200, logDuplicated: 0, stored: 200, duplicated: 0 });
    expect(end.sinkRows).toBe(200);
    // One bill was written in the transaction the crash left open: open until the coordinator
    // aborted it, aborted from then on; the tape of its partition keeps it in view.
    const aborted = billed.flatMap((p) =>
      p.transactions.flatMap((x, i) => (x?.state === 'aborted' ? [{ p, i, at: x.at }] : [])),
    );
    expect(aborted).toHaveLength(1);
    const { p, i, at } = aborted[0]!;
    expect(p.appendTimes[i]!).toBeLessThan(at);
    const atEnd = end.partitions.find((x) => x.track === p)!;
    const window = tapeWindow(atEnd, 24, r.simulatedMs);
    expect(i >= window.first && i < window.end).toBe(true);
    // Its path says so, and the payment's own path ends in one row of the store.
    const record = p.records[i]!;
    const path = recordPath(view, record).map((s) => s.text);
    expect(path.some((s) => /transaction was aborted/.test(s))).toBe(true);
    expect(path.filter((s) => /a row of the store/.test(s))).toHaveLength(1);
  });

  it('counts a batch the producer sent twice as appended twice, at the instant of its second copy', async () => {
    const r = await report('starter');
    const view = buildStreamView(r);
    const end = streamAt(view, r.simulatedMs);
    expect(end.ledger.logDuplicated).toBe(r.ledger.logDuplicated);
    expect(end.ledger.logDuplicated).toBeGreaterThan(0);
    expect(end.ledger.appended).toBe(r.ledger.appended);
    expect(streamAt(view, 0).ledger.logDuplicated).toBe(0);
    expect(end.ledger.duplicated).toBe(r.ledger.duplicated);
  });
});
