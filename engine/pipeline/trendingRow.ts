/**
 * A trending row (Netflix's "Trending Now", Cookbook 28.19): the keys counted most often in a
 * window of time. The row a dashboard shows ranks what its store's views hold in the window that
 * ends at the newest event they hold (an hourly batch view ranks the hour before its last run);
 * the true row ranks every event created in the window that ends now. A shown key is a hit when
 * its true count is at least the true row's last count (ties count as hits).
 */
import type { PipelineLedger } from './pipelineLedger';
import type { ServingView } from './servingView';

export interface RowEntry {
  key: number;
  count: number;
}

export interface TrendingSample {
  /** The newest creation time the shown row's data holds (null: the store holds nothing yet). */
  asOfMs: number | null;
  row: RowEntry[];
  truth: RowEntry[];
  /** Keys of the shown row that belong in the true row. */
  hits: number;
}

/** The first id in [lo, hi) for which `past` is false (`past` true then false along the ids). */
function firstNot(lo: number, hi: number, past: (id: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function topOf(counts: Map<number, number>, top: number): RowEntry[] {
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key - b.key)
    .slice(0, top);
}

export function trendingSample(
  view: ServingView,
  ledger: PipelineLedger,
  t: number,
  top: number,
  windowMs: number,
): TrendingSample {
  const { created, keys, events } = ledger;
  // Events are created in id order: the created ones are a prefix, their times ascending.
  const made = firstNot(0, events, (id) => !Number.isNaN(created[id]!));
  const idsIn = (end: number) => {
    const from = firstNot(0, made, (id) => created[id]! <= end - windowMs);
    const to = firstNot(from, made, (id) => created[id]! <= end);
    return [from, to] as const;
  };
  const truthCounts = new Map<number, number>();
  const [tFrom, tTo] = idsIn(t);
  for (let id = tFrom; id < tTo; id++) truthCounts.set(keys[id]!, (truthCounts.get(keys[id]!) ?? 0) + 1);
  const truth = topOf(truthCounts, top);
  const newest = view.newestMs;
  const shownCounts = new Map<number, number>();
  if (newest >= 0) {
    const [from, to] = idsIn(newest);
    for (let id = from; id < to; id++) {
      const w = view.weight(id);
      if (w > 0) shownCounts.set(keys[id]!, (shownCounts.get(keys[id]!) ?? 0) + w);
    }
  }
  const row = topOf(shownCounts, top);
  const bar = truth.length > 0 ? truth[truth.length - 1]!.count : Number.POSITIVE_INFINITY;
  const hits = row.filter((e) => (truthCounts.get(e.key) ?? 0) >= bar).length;
  return { asOfMs: newest >= 0 ? newest : null, row, truth, hits };
}
