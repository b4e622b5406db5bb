import { describe, expect, it } from 'vitest';
import { buildStreamView, streamAt } from './streamView';
import { partitionLagSeries, recordPath, tapeWindow } from './streamQueries';
import { runCardPayments } from './cardPaymentsRun';

const run = () =>
  runCardPayments({
    seed: 3,
    consumers: 2,
    faults: [{ kind: 'crashConsumer', consumer: 1, atMessage: 6, point: 'after-processing' }],
    untilMs: 90_000,
  });

describe('the streaming pictures read the run at any instant', () => {
  it('agrees with the report at the end and is empty at the start', async () => {
    const report = await run();
    const view = buildStreamView(report);
    const end = streamAt(view, report.simulatedMs);
    for (const p of end.partitions) {
      const r = report.partitions.find((x) => x.topic === p.track.topic && x.partition === p.track.partition)!;
      expect([p.logEnd, p.committed, p.lag]).toEqual([r.logEndOffset, r.committed, r.lag]);
    }
    expect(end.ledger).toEqual({
      appended: report.ledger.appended,
      logDuplicated: report.ledger.logDuplicated,
      processed: report.ledger.processed,
      reprocessed: report.ledger.reprocessed,
      stored: report.ledger.stored,
      duplicated: report.ledger.duplicated,
    });
    expect(report.ledger.reprocessed).toBe(1);
    // The crashed consumer left; the other owns every partition.
    expect(end.members).toEqual([2]);
    expect(new Set(end.partitions.flatMap((p) => p.owners))).toEqual(new Set([2]));
    expect(view.events.map((e) => e.kind)).toContain('crash');

    const start = streamAt(view, 0);
    expect(start.ledger).toEqual({
      appended: 0,
      logDuplicated: 0,
      processed: 0,
      reprocessed: 0,
      stored: 0,
      duplicated: 0,
    });
    expect(start.partitions.every((p) => p.logEnd === 0 && p.committed === null)).toBe(true);

    // Playback ends when the last thing happens, with the state of the end.
    expect(view.activeUntil).toBeLessThanOrEqual(report.simulatedMs);
    expect(streamAt(view, view.activeUntil).ledger).toEqual(end.ledger);
    expect(streamAt(view, view.activeUntil).partitions.map((p) => p.committed)).toEqual(
      end.partitions.map((p) => p.committed),
    );

    // Each partition's lag line ends at its lag at the end, and starts empty.
    for (const p of end.partitions) {
      const series = partitionLagSeries(view, p.track);
      expect(series[0]).toBe(0);
      expect(series.at(-1)).toBe(p.lag);
      expect(series.some((v) => v > 0)).toBe(p.track.offsets.length > 0);
    }

    // Halfway the counts sit between, and never run ahead of each other.
    const mid = streamAt(view, view.ledgerTimes.stored[30]!);
    expect(mid.ledger.stored).toBeGreaterThanOrEqual(31);
    expect(mid.ledger.processed).toBeGreaterThanOrEqual(mid.ledger.stored);
    expect(mid.ledger.appended).toBeGreaterThanOrEqual(mid.ledger.processed);
  });

  it('shows on a tape the record a consumer is on, not only the latest ones', async () => {
    const report = await run();
    const view = buildStreamView(report);
    // The instant the crashed consumer's last record was processed and not committed.
    const crash = view.crashes[0]!;
    const at = streamAt(view, crash.t);
    const stuck = at.partitions.find(
      (p) => p.committed !== null && p.processedTo !== null && p.processedTo > p.committed,
    );
    expect(stuck).toBeDefined();
    const w = tapeWindow(stuck!, 24);
    const shown = stuck!.track.offsets.slice(w.first, w.end);
    expect(shown).toContain(stuck!.committed);
    expect(w.end - w.first).toBeLessThanOrEqual(24);
    expect(at.crashed).toEqual([1]);
  });

  it("follows one record's path, twice through a handler when it was replayed", async () => {
    const report = await run();
    const view = buildStreamView(report);
    const replayed = view.partitions
      .flatMap((p) =>
        p.offsets.map((o, i) => ({ o, id: p.records[i]!, n: p.processed.filter((h) => h.offset === o).length })),
      )
      .find((r) => r.n === 2)!;
    const path = recordPath(view, replayed.id);
    expect(path.filter((s) => s.text.startsWith('handed to consumer'))).toHaveLength(2);
    expect(path[0]!.text).toMatch(/^appended to payments-\d at offset \d+/);
    expect(path.at(-1)!.text).toMatch(/committed past|written to the sink/);
    expect(path.map((s) => s.t)).toEqual([...path.map((s) => s.t)].sort((a, b) => a - b));
  });
});
