/**
 * A streaming run's state at one instant of playback, read from its view (streamView.ts): each
 * partition's log start and end, committed and processed offsets, owners, leader, in-sync
 * replicas and lag; the brokers; the ledger so far; the group; the sink's latest writes.
 */
import { countUpTo, latest, num } from './timeSeries';
import type { PartitionAt, StreamAt, StreamView } from './streamViewTypes';

const byT = (x: { t: number }) => x.t;

export function streamAt(view: StreamView, t: number): StreamAt {
  const owners = latest(view.owners, t);
  const partitions = view.partitions.map((track): PartitionAt => {
    const logEnd = countUpTo(track.appendTimes, t, num);
    const end = logEnd > 0 ? track.offsets[logEnd - 1]! + 1 : (track.offsets[0] ?? 0);
    const logStart = latest(track.logStarts, t)?.start ?? track.offsets[0] ?? 0;
    const commit = latest(track.commits, t);
    const last = latest(track.processed, t);
    const committed = commit?.offset ?? null;
    return {
      track,
      logEnd: end,
      logStart,
      committed,
      processedTo: last ? last.offset + 1 : null,
      lastConsumer: last?.consumer ?? null,
      owners: owners?.owner.get(track.key) ?? [],
      leader: latest(track.leaders, t)?.leader ?? null,
      isr: latest(track.isr, t)?.isr ?? track.replicas,
      // No consumer of the group reads the store topic: it has no lag.
      // Records retention deleted are no lag: nobody can read them any more.
      lag: track.output ? 0 : Math.max(0, end - Math.max(committed ?? 0, logStart)),
    };
  });
  const L = view.ledgerTimes;
  const writes = countUpTo(view.sinkWrites, t, byT);
  const leads = new Map<string, number>();
  for (const p of partitions) if (p.leader !== null) leads.set(p.leader, (leads.get(p.leader) ?? 0) + 1);
  return {
    t,
    brokers: view.brokers.map((b) => ({
      id: b.id,
      alive: !b.down.some((d) => t >= d.from && t < d.to),
      leads: leads.get(b.id) ?? 0,
    })),
    partitions,
    ledger: {
      appended: countUpTo(L.appended, t, num),
      logDuplicated: countUpTo(L.logDuplicated, t, num),
      processed: countUpTo(L.processed, t, num),
      reprocessed: countUpTo(L.reprocessed, t, num),
      stored: countUpTo(L.stored, t, num),
      duplicated: countUpTo(L.duplicated, t, num),
    },
    members: latest(view.members, t)?.consumers ?? [],
    crashed: view.crashes
      .filter((c) => c.t <= t && (latest(view.members, t)?.consumers ?? []).includes(c.consumer))
      .map((c) => c.consumer),
    generation: owners?.generation ?? 0,
    groups: owners?.groups ?? [],
    sinkRows: countUpTo(view.storeWriteTimes, t, num),
    recentWrites: view.sinkWrites.slice(Math.max(0, writes - 6), writes),
    recentEvents: view.events.slice(0, countUpTo(view.events, t, byT)).slice(-50),
  };
}
