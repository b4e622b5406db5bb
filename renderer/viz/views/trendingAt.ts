/**
 * A trending row at an instant of playback: the row the dashboard shows (from its last refresh)
 * beside the true top keys at that refresh, rank by rank, each shown key marked as belonging in
 * the true row or not, and how old the shown data is at the instant (t minus the newest creation
 * time the row's data holds). A shown key outside the listed true row can still be a hit when its
 * true count ties the row's last one (engine/pipeline/trendingRow.ts): those are counted, apart.
 */
import type { PartReport, ViewReport } from '../../../engine/pipeline';
import { durationWords, seconds } from './durationWords';
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
  /** The newest creation time the shown row's data holds, and its age at t (null: no data yet). */
  asOfMs: number | null;
  ageMs: number | null;
  lines: TrendingLine[];
  /** Shown keys that are in the listed true row, and the engine's hits (ties with the last one included). */
  inTruth: number;
  hits: number;
}

const DEFAULT_TOP = 10;
const DEFAULT_WINDOW_MS = 600_000;

/** The dashboard's trending row at t, or null when its refreshes carry no trending row. */
export function trendingAt(view: ViewReport, t: number, part?: PartReport): TrendingAt | null {
  if (!view.samples.some((s) => s.trending)) return null;
  const top = typeof part?.settings.top === 'number' ? part.settings.top : DEFAULT_TOP;
  const windowMs = typeof part?.settings.windowMs === 'number' ? part.settings.windowMs : DEFAULT_WINDOW_MS;
  const base = { dashboard: view.dashboard, top, windowMs };
  const sample = viewAt(view, t).sample;
  const tr = sample?.trending;
  if (!sample || !tr) return { ...base, refreshedMs: null, asOfMs: null, ageMs: null, lines: [], inTruth: 0, hits: 0 };
  const truthKeys = new Set(tr.truth.map((e) => e.key));
  const shownKeys = new Set(tr.row.map((e) => e.key));
  const lines: TrendingLine[] = [];
  for (let i = 0; i < Math.max(tr.row.length, tr.truth.length); i++) {
    const s = tr.row[i];
    const u = tr.truth[i];
    lines.push({
      rank: i + 1,
      shown: s ? { ...s, inTruth: truthKeys.has(s.key) } : null,
      truth: u ? { ...u, shown: shownKeys.has(u.key) } : null,
    });
  }
  return {
    ...base,
    refreshedMs: sample.t,
    asOfMs: tr.asOfMs,
    ageMs: tr.asOfMs === null ? null : Math.max(0, t - tr.asOfMs),
    lines,
    inTruth: lines.filter((l) => l.shown?.inTruth).length,
    hits: tr.hits,
  };
}

/** What the row says at t, in plain sentences in the page's language. */
export function trendingSentences(at: TrendingAt, words: ViewWords): string[] {
  if (at.refreshedMs === null) return [say('trending.notYet', { dashboard: at.dashboard })];
  if (at.asOfMs === null || at.ageMs === null)
    return [
      say('trending.empty', {
        time: seconds(at.refreshedMs),
        top: count(at.top),
        keys: keyCount(at.lines.length, words),
      }),
    ];
  const shown = at.lines.filter((l) => l.shown).length;
  const ties = Math.max(0, at.hits - at.inTruth);
  return [
    say('trending.age', { age: durationWords(at.ageMs), event: words.event, time: seconds(at.asOfMs) }),
    say('trending.inTop', {
      count: at.inTruth,
      n: count(at.inTruth),
      shown: keyCount(shown, words),
      top: count(at.top),
    }) + (ties > 0 ? say('trending.ties', { count: ties, n: count(ties) }) : '.'),
  ];
}
