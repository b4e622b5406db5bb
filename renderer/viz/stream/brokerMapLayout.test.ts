import { describe, expect, it } from 'vitest';
import type { KafkaFault } from '../../../engine/streaming';
import { buildStreamView, streamAt } from './streamView';
import { layoutBrokerMap, recentSends } from './brokerMapLayout';
import { runCardPayments } from './cardPaymentsRun';

const run = (faults: KafkaFault[]) => runCardPayments({ seed: 5, consumers: 1, faults, untilMs: 60_000 });

describe('the streaming cluster map', () => {
  it('puts every replica on its broker: one leader per partition, all in sync without faults', async () => {
    const report = await run([]);
    const view = buildStreamView(report);
    const at = streamAt(view, 0);
    const map = layoutBrokerMap(view, at);
    expect(map.brokers.map((b) => b.id)).toEqual(report.brokerHosts.map((h) => h.id));
    expect(map.brokers.map((b) => b.rack)).toEqual(report.brokerHosts.map((h) => h.rack));
    const chips = map.brokers.flatMap((b) => b.chips);
    // Four partitions, three replicas each; each partition led by exactly one broker.
    expect(chips).toHaveLength(12);
    for (let p = 0; p < 4; p++) expect(chips.filter((c) => c.partition === p && c.role === 'leader')).toHaveLength(1);
    expect(chips.every((c) => c.role !== 'out-of-sync')).toBe(true);
    expect(map.underReplicated).toBe(0);
    // Chips stay inside their broker, brokers inside the map.
    for (const b of map.brokers) {
      expect(b.x + b.w).toBeLessThanOrEqual(map.width);
      for (const c of b.chips) {
        expect(c.x).toBeGreaterThanOrEqual(b.x);
        expect(c.y + 14).toBeLessThanOrEqual(b.y + b.h);
      }
    }
    // The producer is drawn sending: every record it sent went to the leader of its partition then.
    expect(view.producers).toEqual([1]);
    const all = recentSends(view, report.simulatedMs, report.simulatedMs);
    expect(all.reduce((n, s) => n + s.records, 0)).toBe(report.ledger.appended);
    const firstSend = view.sends[0]!;
    const leaderThen = streamAt(view, firstSend.t).partitions.find(
      (p) => p.track.topic === firstSend.topic && p.track.partition === firstSend.partition,
    )!.leader;
    expect(firstSend.leader).toBe(leaderThen);
    expect(recentSends(view, firstSend.t, 1).length).toBeGreaterThan(0);
    expect(recentSends(view, firstSend.t - 1, 1)).toEqual([]);
  });

  it('a killed broker: its replicas leave the ISR, its partitions get new leaders, it leads none', async () => {
    const report = await run([{ kind: 'killBroker', broker: 'n1', atMs: 2000 }]);
    const view = buildStreamView(report);
    const before = layoutBrokerMap(view, streamAt(view, 1999));
    const after = layoutBrokerMap(view, streamAt(view, 2001));
    expect(before.brokers.find((b) => b.id === 'n1')!.alive).toBe(true);
    const n1 = after.brokers.find((b) => b.id === 'n1')!;
    expect(n1.alive).toBe(false);
    expect(n1.leads).toBe(0);
    expect(n1.chips.every((c) => c.role === 'out-of-sync')).toBe(true);
    expect(after.underReplicated).toBe(4);
    for (let p = 0; p < 4; p++)
      expect(
        after.brokers.flatMap((b) => b.chips).filter((c) => c.partition === p && c.role === 'leader'),
      ).toHaveLength(1);
    expect(view.events.filter((e) => e.kind === 'isr')).toHaveLength(4);
    expect(view.events.find((e) => e.kind === 'isr')!.text).toMatch(/n1 left the in-sync replicas \(ISR n\d, n\d\)/);
  });

  it('a cut network: the batches sent meanwhile are drawn lost, and their retries after', async () => {
    const report = await run([{ kind: 'cutNetwork', producer: 1, fromMs: 0, toMs: 1000 }]);
    const view = buildStreamView(report);
    const lost = view.sends.filter((s) => s.lost);
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((s) => s.t < 1000)).toBe(true);
    expect(view.sends.some((s) => s.attempt > 0 && !s.lost)).toBe(true);
    const line = recentSends(view, lost[0]!.t, 1).find((s) => s.producer === 1)!;
    expect(line.lost).toBe(line.batches);
  });

  it('a network cut just after a send: the batch arrives, its answer is lost, and it is sent again', async () => {
    const report = await run([{ kind: 'cutNetwork', producer: 1, fromMs: 5, toMs: 3000 }]);
    const view = buildStreamView(report);
    const first = view.sends[0]!;
    expect(first.t).toBeLessThan(5);
    expect([first.lost, first.answerLost]).toEqual([false, true]);
    const again = view.sends.find(
      (s) => s.partition === first.partition && s.attempt === 1 && s.topic === first.topic,
    )!;
    // KafkaJS waits for its request timeout (30 s) before the retry; the idempotent producer's copy is not appended twice.
    expect(again.t).toBeGreaterThanOrEqual(30_000);
    expect(report.ledger.logDuplicated).toBe(0);
  });
});
