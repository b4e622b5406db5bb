import { beforeAll, describe, expect, it } from 'vitest';
import type { KafkaJobReport } from '../../../engine/api';
import { buildStreamView } from './streamView';
import { recordPath } from './streamQueries';
import { formatEventTime, windowsAt, windowsAfter, type MicroBatchView } from './microBatchView';
import { runFleetWindows } from './fleetWindowsRun';
import { runCardPayments } from './cardPaymentsRun';

let solution: KafkaJobReport;
let starter: KafkaJobReport;
const mb = (report: KafkaJobReport): MicroBatchView => buildStreamView(report).microBatches!;

beforeAll(async () => {
  [solution, starter] = await Promise.all([runFleetWindows('solution'), runFleetWindows('starter')]);
}, 60_000);

describe("a Structured Streaming query's micro-batches and windows, at any instant", () => {
  it('lists the batches in order, each ending after it started', () => {
    const view = mb(solution);
    expect(view.query).toBe('query1');
    expect(view.batches.length).toBeGreaterThan(10);
    view.batches.forEach((b, i) => {
      expect(b.id).toBe(i);
      expect(b.startedAt).toBeLessThanOrEqual(b.t);
      if (i > 0) expect(b.startedAt).toBeGreaterThanOrEqual(view.batches[i - 1]!.t);
    });
    // Every row read is one record of the ledger, counted in a window.
    expect(view.batches.reduce((a, b) => a + b.rows, 0)).toBe(solution.ledger.aggregated);
    expect(view.keys).toEqual(['car-01', 'car-02', 'car-03', 'car-04', 'car-05', 'car-06', 'car-07', 'car-08']);
  });

  it('holds the watermark of the last batch ended, and nothing before the first', () => {
    const view = mb(solution);
    const before = windowsAt(view, view.batches[0]!.t - 1);
    expect([before.ended, before.watermark, before.maxEventTime, before.windows.length, before.rows.length]).toEqual([
      0,
      null,
      null,
      0,
      0,
    ]);
    for (const [i, b] of view.batches.entries()) {
      for (const t of [b.t, b.t + 1, (view.batches[i + 1]?.t ?? b.t + 2) - 1]) {
        const at = windowsAt(view, t);
        expect(at.batch).toBe(b);
        expect(at.watermark).toBe(b.watermark);
      }
      // The watermark drawn is the one the batch ran with: every window written so far ended at or
      // before it (append mode). The next batch's is the latest event time less the delay (35 s).
      const at = windowsAt(view, b.t);
      for (const w of at.windows) if (w.written) expect(w.end).toBeLessThanOrEqual(at.watermark!);
      if (b.nextWatermark !== null && b.nextWatermark !== b.watermark)
        expect(b.nextWatermark).toBe(at.maxEventTime! - 35_000);
    }
    expect(formatEventTime(windowsAt(view, view.batches[9]!.t).watermark!)).toMatch(/^08:00:\d\d(\.\d{1,3})?$/);
  });

  it('shows no window written before the batch that wrote it ended, and never unwrites one', () => {
    const view = mb(solution);
    let written = new Set<string>();
    for (let n = 0; n <= view.batches.length; n++) {
      const at = windowsAfter(view, n);
      const now = new Set(at.windows.filter((w) => w.written).map((w) => `${w.start} ${w.key}`));
      for (const k of written) expect(now.has(k)).toBe(true);
      for (const w of at.windows.filter((x) => x.written)) {
        expect(w.writtenAt).not.toBeNull();
        expect(w.writtenAt!).toBeLessThanOrEqual(at.batch!.t);
        // Append mode writes a window once the watermark has passed its end, and then it is final.
        expect(w.final).toBe(true);
        expect(w.end).toBeLessThanOrEqual(at.batch!.watermark!);
      }
      // At an instant just before this batch ended, its writes are not shown yet.
      if (n > 0) {
        const b = view.batches[n - 1]!;
        const justBefore = windowsAt(view, b.t - 1);
        expect(justBefore.written).toBe(n > 1 ? windowsAfter(view, n - 1).written : 0);
        expect(at.written - justBefore.written).toBe(b.emitted);
      }
      expect(at.written + at.open).toBe(at.windows.length);
      written = now;
    }
    const end = windowsAfter(view, view.batches.length);
    expect(end.written).toBe(view.batches.reduce((a, b) => a + b.emitted, 0));
    expect(end.open).toBeGreaterThan(0);
  });

  it('has late rows in the starter run (5 s watermark) and none in the solution run (35 s)', () => {
    const sol = windowsAfter(mb(solution), Number.POSITIVE_INFINITY);
    const view = mb(starter);
    const bad = windowsAfter(view, Number.POSITIVE_INFINITY);
    expect(sol.late).toBe(0);
    expect(bad.late).toBe(starter.ledger.late);
    expect(bad.late).toBeGreaterThan(0);
    // The ledger's rows count as the ledger does by the end.
    for (const [v, r] of [
      [view, starter],
      [mb(solution), solution],
    ] as const)
      expect([v.ledgerTimes.aggregated.length, v.ledgerTimes.late.length]).toEqual([
        r.ledger.aggregated,
        r.ledger.late,
      ]);
    // Each row sits in its car's lane, with the record the ledger follows.
    expect(bad.rows.every((r) => r.key !== null && r.record?.startsWith(`${r.key}@`))).toBe(true);
    // A late row's event time is before the watermark its batch ran with.
    for (const r of bad.rows.filter((x) => x.late)) {
      const b = view.batches.find((x) => x.id === r.batchId)!;
      expect(r.eventTime).toBeLessThan(b.watermark!);
      expect(windowsAt(view, b.t - 1).rows).not.toContain(r);
      expect(windowsAt(view, b.t).rows).toContain(r);
    }
  });

  it("says in a late record's path that the watermark dropped it, and in a counted one's where it went", () => {
    const view = buildStreamView(starter);
    const late = windowsAfter(view.microBatches!, Number.POSITIVE_INFINITY).rows.find((r) => r.late)!;
    const path = recordPath(view, late.record!);
    const dropped = path.find((s) => s.text.startsWith('dropped as late'));
    expect(dropped?.text).toMatch(
      /^dropped as late by query1 in batch \d+ \(event time 08:\d\d:\d\d(\.\d{1,3})?\): its windows had ended by the watermark 08:\d\d:\d\d(\.\d{1,3})?$/,
    );
    expect(path.some((s) => s.text.startsWith('counted'))).toBe(false);

    const counted = recordPath(buildStreamView(solution), late.record!);
    expect(counted.find((s) => s.text.startsWith('counted'))?.text).toMatch(
      /^counted in the windows of query1 in batch \d+ \(event time .*\): window 08:\d\d:\d0–08:\d\d:\d0 of car-\d\d$/,
    );
    expect(counted.some((s) => /^its window .* written to the sink by batch \d+/.test(s.text))).toBe(true);
    expect(counted.map((s) => s.t)).toEqual([...counted.map((s) => s.t)].sort((a, b) => a - b));
  });

  it('is null for a run without a query', async () => {
    const report = await runCardPayments({ seed: 3, consumers: 1, faults: [], untilMs: 20_000 });
    expect(buildStreamView(report).microBatches).toBeNull();
  });
});
