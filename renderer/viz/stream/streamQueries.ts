/**
 * Questions the streaming pictures ask of a run's view (streamView.ts) beyond the state at an
 * instant: a record's path (in the page's language), a partition's lag over the playback, which
 * records a tape shows.
 */
import { i18n } from '../../i18n/i18n';
import { countUpTo, latest, num, type PartitionAt, type PartitionTrack, type StreamView } from './streamView';
import { aggregationSteps } from './aggregationSteps';

/** One step of a record's path through the run, for the learner who clicks it. */
export interface PathStep {
  t: number;
  text: string;
}

/**
 * Where record `record` (its id) went: appended, handed to consumers, counted in a query's windows
 * or dropped as late, committed past, written to the sink.
 */
export function recordPath(view: StreamView, record: string): PathStep[] {
  const say = (key: string, options?: Record<string, unknown>) => i18n.t(`stream:path.${key}`, options);
  const steps: PathStep[] = [];
  for (const p of view.partitions)
    p.records.forEach((r, i) => {
      if (r !== record) return;
      const offset = p.offsets[i]!;
      steps.push({ t: p.appendTimes[i]!, text: say('appended', { topic: p.topic, partition: p.partition, offset }) });
      // A record a Spark query read is told by the query's steps (read in a batch, counted or late).
      const queried = view.microBatches ? aggregationSteps(view.microBatches, p.topic, p.partition, offset) : [];
      const query = queried.length > 0;
      for (const h of p.processed)
        if (h.offset === offset)
          steps.push({
            t: h.t,
            text: query ? say('read', { query: view.microBatches!.query }) : say('handed', { consumer: h.consumer }),
          });
      steps.push(...queried);
      const past = p.commits.find((c) => c.offset > offset);
      if (past) steps.push({ t: past.t, text: say('committedPast', { offset: past.offset }) });
      const gone = p.logStarts.find((s) => s.start > offset);
      if (gone) {
        const read = p.firstProcessed.get(offset);
        steps.push({
          t: gone.t,
          text:
            read === undefined
              ? say('deletedUnread', { start: gone.start })
              : read <= gone.t
                ? say('deleted', { start: gone.start })
                : say('deletedHeld', { start: gone.start }),
        });
      }
      const txn = p.transactions[i];
      if (txn?.state === 'aborted') steps.push({ t: txn.at, text: say('aborted') });
      else if (txn?.state === 'committed' && !p.output) steps.push({ t: txn.at, text: say('committed') });
    });
  for (const w of view.sinkWrites)
    if (w.record === record)
      steps.push({
        t: w.t,
        text:
          w.kind === 'put'
            ? say('put', { key: w.key ?? '' })
            : w.kind === 'topic'
              ? view.storeTopic
                ? say('storeRow', { topic: view.storeTopic })
                : say('storeRowAnyTopic')
              : say('sinkAppended'),
      });
  return steps.sort((a, b) => a.t - b.t);
}

/** A partition's lag (records after its committed offset) at `n + 1` even instants of its playback. */
export function partitionLagSeries(view: StreamView, track: PartitionTrack, n = 48): number[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (view.activeUntil * i) / n;
    const appended = countUpTo(track.appendTimes, t, num);
    const end = appended > 0 ? track.offsets[appended - 1]! + 1 : (track.offsets[0] ?? 0);
    const committed = latest(track.commits, t)?.offset ?? 0;
    const start = latest(track.logStarts, t)?.start ?? track.offsets[0] ?? 0;
    return Math.max(0, end - Math.max(committed, start));
  });
}

/**
 * Which of a partition's records its tape shows at instant `t` (indices into track.offsets, from
 * `first` to `end`): the latest `cells` when everything is committed; else from a few before the
 * first record not committed yet, so the record a consumer is on (or is stuck on) is in view.
 * The store topic's tape (no consumer commits there) follows the first record of a transaction
 * that is open or was aborted by then, else shows its latest records.
 */
export function tapeWindow(p: PartitionAt, cells: number, t = 0): { first: number; end: number } {
  const offsets = p.track.offsets;
  const below = (x: number) => {
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const end = below(p.logEnd);
  if (p.track.output) {
    const txns = p.track.transactions;
    let stuck = -1;
    for (let i = 0; i < end && stuck < 0; i++) {
      const x = txns[i];
      if (x && (x.state === 'aborted' || x.state === 'open' || t < x.at)) stuck = i;
    }
    if (stuck < 0) return { first: Math.max(0, end - cells), end };
    const first = Math.max(0, Math.min(stuck - 3, end - cells));
    return { first, end: Math.min(end, first + cells) };
  }
  const uncommitted = p.committed === null ? 0 : below(p.committed);
  if (uncommitted >= end) return { first: Math.max(0, end - cells), end };
  const first = Math.max(0, Math.min(uncommitted - 3, end - cells));
  return { first, end: Math.min(end, first + cells) };
}
