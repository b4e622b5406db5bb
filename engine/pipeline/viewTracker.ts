/**
 * What a dashboard's refreshes showed of a serving view (counts by key), judged against the
 * truth: at every refresh, how far behind the view was (the age of the oldest event created so
 * far that no view holds) and how many events it counted twice, and for a trending row the row
 * shown beside the true one (trendingRow.ts); at the end, the view's counts per key beside a full
 * recomputation over every event produced.
 */
import type { PipelineLedger } from './pipelineLedger';
import type { ServingView } from './servingView';
import { TrendingRow, type TrendingSample } from './trendingRow';

/** The most refreshes a report lists one by one (the maxima cover them all). */
export const MAX_VIEW_SAMPLES = 10_000;
/** The most keys the final comparison lists (the largest true counts first; `differing` counts them all). */
export const MAX_VIEW_KEYS = 1_000;

export interface ViewSample {
  t: number;
  /** How old the oldest event created by then and missing from the view was (0: none missing). */
  behindMs: number;
  /** Events the query counted twice (in the batch view and the realtime view). */
  doubleCounted: number;
  /** Events the query counted in all (twice-counted ones twice). */
  counted: number;
  /** A dashboard showing a trending row: the row it showed and the true one. */
  trending?: TrendingSample;
}

export interface ViewReport {
  dashboard: string;
  store: string;
  samples: ViewSample[];
  samplesLeftOut: number;
  /** Stretches longer than two refresh periods without a refresh that read the store (the dashboard down, the store out of reach). */
  gaps: { fromMs: number; toMs: number }[];
  /** A trending row: its refresh with the fewest true titles once its first window has passed (over every refresh, listed or not). */
  worstTrending: ViewSample | null;
  maxBehindMs: number;
  maxDoubleCounted: number;
  /** The view at the end of the run against a full recomputation over every event produced. */
  final: {
    /** When the dashboard last refreshed (null: never), and whether that refresh read the view as it ended. */
    lastRefreshMs: number | null;
    shownAsItEnded: boolean;
    viewTotal: number;
    truthTotal: number;
    /** Keys whose count differs from the recomputation. */
    differing: number;
    keys: { key: number; view: number; truth: number }[];
  };
}

export class ViewTracker {
  private readonly samples: ViewSample[] = [];
  private leftOut = 0;
  private maxBehind = 0;
  private maxDouble = 0;
  /** The first event not yet known to be in the view (a cursor that restarts when the view shrinks). */
  private next = 0;
  private shrunkSeen = 0;
  private lastRefresh: number | null = null;
  private readonly gaps: { fromMs: number; toMs: number }[] = [];
  private worst: ViewSample | null = null;
  private readonly row: TrendingRow | null;

  constructor(
    private readonly view: ServingView,
    private readonly ledger: PipelineLedger,
    /** How often the dashboard refreshes. */
    private readonly refreshMs: number,
    /** A trending row's length and window, when the dashboard shows one. */
    private readonly trending: { top: number; windowMs: number } | null = null,
  ) {
    this.row = trending ? new TrendingRow(view, ledger, trending.top, trending.windowMs) : null;
  }

  /** A refresh at `t` that read the view as it is now. */
  record(t: number): void {
    const { created, events } = this.ledger;
    if (this.view.shrunk !== this.shrunkSeen) {
      this.shrunkSeen = this.view.shrunk;
      this.next = 0;
    }
    while (this.next < events && !Number.isNaN(created[this.next]!) && this.view.covers(this.next)) this.next++;
    const missing = this.next < events && !Number.isNaN(created[this.next]!) && created[this.next]! <= t;
    const behindMs = missing ? t - created[this.next]! : 0;
    const doubleCounted = this.view.doubleCounted;
    const sample: ViewSample = { t, behindMs, doubleCounted, counted: this.view.batchCount + this.view.speedCount };
    if (this.trending && this.row) {
      sample.trending = this.row.at(t);
      if (t >= this.trending.windowMs && (this.worst === null || sample.trending.hits < this.worst.trending!.hits))
        this.worst = sample;
    }
    if (this.samples.length < MAX_VIEW_SAMPLES) this.samples.push(sample);
    else this.leftOut++;
    this.noteGap(this.lastRefresh ?? 0, t);
    this.maxBehind = Math.max(this.maxBehind, behindMs);
    this.maxDouble = Math.max(this.maxDouble, doubleCounted);
    this.lastRefresh = t;
  }

  private noteGap(fromMs: number, toMs: number): void {
    if (toMs - fromMs > 2 * this.refreshMs && this.gaps.length < MAX_VIEW_SAMPLES) this.gaps.push({ fromMs, toMs });
  }

  /** The report at the end of the run (`endMs`: a last stretch without a refresh counts as a gap). */
  report(dashboard: string, store: string, endMs: number): ViewReport {
    this.noteGap(this.lastRefresh ?? 0, endMs);
    const { created, keys, events } = this.ledger;
    const truth = new Map<number, number>();
    for (let id = 0; id < events; id++)
      if (!Number.isNaN(created[id]!)) truth.set(keys[id]!, (truth.get(keys[id]!) ?? 0) + 1);
    const view = this.view.counts();
    const all = new Set([...truth.keys(), ...view.keys()]);
    const rows = [...all].map((key) => ({ key, view: view.get(key) ?? 0, truth: truth.get(key) ?? 0 }));
    rows.sort((a, b) => b.truth - a.truth || a.key - b.key);
    let viewTotal = 0;
    let truthTotal = 0;
    let differing = 0;
    for (const r of rows) {
      viewTotal += r.view;
      truthTotal += r.truth;
      if (r.view !== r.truth) differing++;
    }
    return {
      dashboard,
      store,
      samples: this.samples,
      samplesLeftOut: this.leftOut,
      gaps: this.gaps,
      worstTrending: this.worst,
      maxBehindMs: Math.round(this.maxBehind * 1000) / 1000,
      maxDoubleCounted: this.maxDouble,
      final: {
        lastRefreshMs: this.lastRefresh,
        shownAsItEnded: this.lastRefresh !== null && this.lastRefresh >= this.view.changedAtMs,
        viewTotal,
        truthTotal,
        differing,
        keys: rows.slice(0, MAX_VIEW_KEYS),
      },
    };
  }
}
