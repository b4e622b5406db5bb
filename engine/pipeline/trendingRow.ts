/**
 * A trending row (Netflix's "Trending Now", Cookbook 28.19): the keys counted most often in a
 * window of time. The row a dashboard shows ranks what its store's views hold in the window that
 * ends at the newest event they hold (an hourly batch view ranks the hour before its last run);
 * the true row ranks every event created in the window that ends now. A shown key is a hit when
 * its true count is at least the true row's last count (ties count as hits).
 *
 * One `TrendingRow` follows a dashboard's refreshes: the true counts slide with the window (each
 * event enters and leaves once), and the shown counts are counted again only when the view has
 * changed since the last refresh.
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

/** The `top` largest counts (ties by the smaller key), without sorting every key. */
export function topOf(counts: Map<number, number>, top: number): RowEntry[] {
  const best: RowEntry[] = [];
  const before = (a: RowEntry, b: RowEntry) => a.count > b.count || (a.count === b.count && a.key < b.key);
  for (const [key, count] of counts) {
    if (count <= 0) continue;
    const e = { key, count };
    if (best.length === top && !before(e, best[best.length - 1]!)) continue;
    let i = best.length;
    while (i > 0 && before(e, best[i - 1]!)) i--;
    best.splice(i, 0, e);
    if (best.length > top) best.pop();
  }
  return best;
}

export class TrendingRow {
  /** The true window's ids are [lo, hi): created after t − window, up to t. */
  private lo = 0;
  private hi = 0;
  private readonly truth = new Map<number, number>();
  private shown: { changedAtMs: number; shrunk: number; newestMs: number; row: RowEntry[] } | null = null;

  constructor(
    private readonly view: ServingView,
    private readonly ledger: PipelineLedger,
    private readonly top: number,
    private readonly windowMs: number,
  ) {}

  /** The row at `t` (refreshes come in time order). */
  at(t: number): TrendingSample {
    const { created, keys, events } = this.ledger;
    const add = (id: number, d: number) => this.truth.set(keys[id]!, (this.truth.get(keys[id]!) ?? 0) + d);
    while (this.hi < events && !Number.isNaN(created[this.hi]!) && created[this.hi]! <= t) add(this.hi++, 1);
    while (this.lo < this.hi && created[this.lo]! <= t - this.windowMs) add(this.lo++, -1);
    const truth = topOf(this.truth, this.top);
    const row = this.shownRow();
    const bar = truth.length > 0 ? truth[truth.length - 1]!.count : Number.POSITIVE_INFINITY;
    const hits = row.filter((e) => (this.truth.get(e.key) ?? 0) >= bar).length;
    const newest = this.view.newestMs;
    return { asOfMs: newest >= 0 ? newest : null, row, truth, hits };
  }

  /** The row the store's views give: counted again only when they changed. */
  private shownRow(): RowEntry[] {
    const view = this.view;
    const newest = view.newestMs;
    const known = this.shown;
    if (known && known.changedAtMs === view.changedAtMs && known.shrunk === view.shrunk && known.newestMs === newest)
      return known.row;
    const { created, keys, events } = this.ledger;
    const counts = new Map<number, number>();
    if (newest >= 0) {
      const made = firstNot(0, events, (id) => !Number.isNaN(created[id]!));
      const from = firstNot(0, made, (id) => created[id]! <= newest - this.windowMs);
      const to = firstNot(from, made, (id) => created[id]! <= newest);
      for (let id = from; id < to; id++) {
        const w = view.weight(id);
        if (w > 0) counts.set(keys[id]!, (counts.get(keys[id]!) ?? 0) + w);
      }
    }
    const row = topOf(counts, this.top);
    this.shown = { changedAtMs: view.changedAtMs, shrunk: view.shrunk, newestMs: newest, row };
    return row;
  }
}
