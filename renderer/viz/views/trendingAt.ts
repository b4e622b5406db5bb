/**
 * A trending row at an instant of playback: the row the dashboard shows (from its last refresh)
 * beside the true top keys now, rank by rank, each shown key marked as belonging in the true row
 * or not, and how old the shown data is at the instant: t minus the time up to which it holds
 * every event (engine/pipeline dataAge.ts, the age the lab's checks judge). The true row now is
 * the one of the latest refresh by t of any board with the same row (top and window): a board
 * down or cut off keeps its old row while the true one moves on. A board that is down shows no
 * row at all: `downSince` says so. A shown key outside the listed true row can still be a hit when
 * its true count ties the row's last one (engine/pipeline/trendingRow.ts): those are counted,
 * apart, when the true row is the one of the board's own refresh.
 */
import {
  completeUpToMs,
  dataAgeAt,
  type PartReport,
  type TrendingSample,
  type ViewReport,
} from '../../../engine/pipeline';
import { ageSeconds, seconds } from './durationWords';
import { viewAt } from './viewAt';
import { viewsText as say } from './viewsText';
import { count, keyCount, type ViewWords } from './viewWords';

export interface TrendingLine {
  rank: number;
  shown: { key: number; count: number; inTruth: boolean } | null;
  truth: { key: number; count: number; shown: boolean } | null;
}

export interface TrendingAt {
  dashboard: string;
  /** The row's length and window (the dashboard's settings). */
  top: number;
  windowMs: number;
  /** The last refresh at or before t (null: none yet). */
  refreshedMs: number | null;
  /** The newest creation time the shown row's data holds (null: no data yet). */
  asOfMs: number | null;
  /** The time up to which the shown data holds every event (null: every event of the run, or no data yet), and its age at t. */
  completeUpToMs: number | null;
  ageMs: number | null;
  /** When the true row beside it was taken (a refresh of this board or of another with the same row). */
  truthMs: number | null;
  /** Since when the board is down at t (null: up): it shows no row, the one beside is the last it showed. */
  downSince: number | null;
  lines: TrendingLine[];
  /** Shown keys that are in the listed true row, and the engine's hits (ties with the last one included). */
  inTruth: number;
  hits: number;
}

const DEFAULT_TOP = 10;
const DEFAULT_WINDOW_MS = 600_000;

/** What else the row at t is judged with: the run's other boards (for the true row now) and whether this one is down. */
export interface TrendingContext {
  views?: readonly ViewReport[];
  parts?: readonly PartReport[];
  downSince?: number | null;
}

const rowOf = (part: PartReport | undefined) => ({
  top: typeof part?.settings.top === 'number' ? part.settings.top : DEFAULT_TOP,
  windowMs: typeof part?.settings.windowMs === 'number' ? part.settings.windowMs : DEFAULT_WINDOW_MS,
});

/** The true row at the latest refresh by t of any board ranking the same row (`own` when none is later). */
function truthNow(
  own: { t: number; trending: TrendingSample },
  t: number,
  row: { top: number; windowMs: number },
  ctx: TrendingContext,
): { t: number; trending: TrendingSample } {
  let best = own;
  for (const v of ctx.views ?? []) {
    const other = rowOf(ctx.parts?.find((p) => p.id === v.dashboard));
    if (other.top !== row.top || other.windowMs !== row.windowMs) continue;
    const s = viewAt(v, t).sample;
    if (s?.trending && s.t > best.t) best = { t: s.t, trending: s.trending };
  }
  return best;
}

/** The dashboard's trending row at t, or null when its refreshes carry no trending row. */
export function trendingAt(
  view: ViewReport,
  t: number,
  part?: PartReport,
  ctx: TrendingContext = {},
): TrendingAt | null {
  if (!view.samples.some((s) => s.trending)) return null;
  const { top, windowMs } = rowOf(part);
  const base = { dashboard: view.dashboard, top, windowMs, downSince: ctx.downSince ?? null };
  const sample = viewAt(view, t).sample;
  const tr = sample?.trending;
  if (!sample || !tr)
    return {
      ...base,
      refreshedMs: null,
      asOfMs: null,
      completeUpToMs: null,
      ageMs: null,
      truthMs: null,
      lines: [],
      inTruth: 0,
      hits: 0,
    };
  const now = truthNow({ t: sample.t, trending: tr }, t, { top, windowMs }, ctx);
  const truth = now.trending.truth;
  const truthKeys = new Set(truth.map((e) => e.key));
  const shownKeys = new Set(tr.row.map((e) => e.key));
  const lines: TrendingLine[] = [];
  for (let i = 0; i < Math.max(tr.row.length, truth.length); i++) {
    const s = tr.row[i];
    const u = truth[i];
    lines.push({
      rank: i + 1,
      shown: s ? { ...s, inTruth: truthKeys.has(s.key) } : null,
      truth: u ? { ...u, shown: shownKeys.has(u.key) } : null,
    });
  }
  const inTruth = lines.filter((l) => l.shown?.inTruth).length;
  return {
    ...base,
    refreshedMs: sample.t,
    asOfMs: tr.asOfMs,
    completeUpToMs: tr.asOfMs === null ? null : completeUpToMs(view, sample),
    ageMs: tr.asOfMs === null ? null : dataAgeAt(view, sample, t),
    truthMs: now.t,
    lines,
    inTruth,
    // Ties with the true row's last count are known only at the board's own refresh.
    hits: now.t === sample.t ? tr.hits : inTruth,
  };
}

/** What the row says at t, in plain sentences in the page's language. */
export function trendingSentences(at: TrendingAt, words: ViewWords): string[] {
  if (at.refreshedMs === null) return [say('trending.notYet', { dashboard: at.dashboard })];
  if (at.asOfMs === null || at.ageMs === null)
    return [
      ...(at.downSince !== null
        ? [
            say('trending.down', {
              dashboard: at.dashboard,
              since: seconds(at.downSince),
              time: seconds(at.refreshedMs),
            }),
          ]
        : []),
      say('trending.empty', {
        time: seconds(at.refreshedMs),
        top: count(at.top),
        keys: keyCount(at.lines.length, words),
      }),
    ];
  const shown = at.lines.filter((l) => l.shown).length;
  const ties = Math.max(0, at.hits - at.inTruth);
  return [
    ...(at.downSince !== null
      ? [say('trending.down', { dashboard: at.dashboard, since: seconds(at.downSince), time: seconds(at.refreshedMs) })]
      : []),
    at.completeUpToMs === null
      ? say('trending.ageComplete', { event: words.event })
      : say('trending.age', { age: ageSeconds(at.ageMs), event: words.event, time: seconds(at.completeUpToMs) }),
    say('trending.inTop', {
      count: at.inTruth,
      n: count(at.inTruth),
      shown: keyCount(shown, words),
      top: count(at.top),
    }) + (ties > 0 ? say('trending.ties', { count: ties, n: count(ties) }) : '.'),
  ];
}
