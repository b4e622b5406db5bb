/**
 * A trending row at an instant of playback: the row the dashboard shows (from its last refresh)
 * beside the true top keys at that refresh, rank by rank, each shown key marked as belonging in
 * the true row or not, and how old the shown data is at the instant (t minus the newest creation
 * time the row's data holds). A shown key outside the listed true row can still be a hit when its
 * true count ties the row's last one (engine/pipeline/trendingRow.ts): those are counted, apart.
 */
import type { PartReport, ViewReport } from '../../../engine/pipeline';
import { seconds } from '../../../labs/checkKit';
import { durationWords } from './durationWords';
import { viewAt } from './viewAt';
import { count, type ViewWords } from './viewWords';

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

/** What the row says at t, in plain sentences. */
export function trendingSentences(at: TrendingAt, words: ViewWords): string[] {
  if (at.refreshedMs === null) return [`${at.dashboard} has not refreshed yet: it shows no row.`];
  if (at.asOfMs === null || at.ageMs === null)
    return [
      `At its last refresh (${seconds(at.refreshedMs)}) its store held no counts yet: the row is empty, while the true top ${count(at.top)} already has ${count(at.lines.length)} ${at.lines.length === 1 ? words.key : `${words.key}s`}.`,
    ];
  const shown = at.lines.filter((l) => l.shown).length;
  const ties = Math.max(0, at.hits - at.inTruth);
  return [
    `Its data is ${durationWords(at.ageMs)} old: the newest ${words.event} it counts was made at ${seconds(at.asOfMs)}.`,
    `${count(at.inTruth)} of the ${count(shown)} ${shown === 1 ? words.key : `${words.key}s`} it shows ${at.inTruth === 1 ? 'is' : 'are'} in the true top ${count(at.top)}` +
      (ties > 0 ? ` (and ${count(ties)} more tie${ties === 1 ? 's' : ''} with its last count).` : '.'),
  ];
}
