/**
 * The board at the end of the run beside a full recomputation over every event sent: one row per
 * key (the differing ones first, then the largest true counts), capped, and what the comparison
 * says in sentences that agree with the lab's checks (in the page's language).
 */
import type { ViewReport } from '../../../engine/pipeline';
import { seconds } from './durationWords';
import { viewsText as say } from './viewsText';
import { count, countOf, keyCount, type ViewWords } from './viewWords';

export interface FinalRow {
  key: number;
  view: number;
  truth: number;
  /** Board minus recomputation (negative: events it does not count; positive: counted twice). */
  difference: number;
}

export interface FinalCounts {
  rows: FinalRow[];
  /** Keys left out of `rows` by the cap (and those the report itself left out). */
  more: number;
  keys: number;
  differing: number;
}

export const FINAL_ROWS_SHOWN = 20;

export function finalCounts(view: ViewReport, cap = FINAL_ROWS_SHOWN): FinalCounts {
  const all = view.final.keys.map((k) => ({ ...k, difference: k.view - k.truth }));
  // The report lists the largest true counts first: keep that order, but bring the differing keys up.
  const ordered = [...all.filter((r) => r.difference !== 0), ...all.filter((r) => r.difference === 0)];
  const rows = ordered.slice(0, cap);
  const differingKeysListed = all.filter((r) => r.difference !== 0).length;
  const keys = all.length + Math.max(0, view.final.differing - differingKeysListed);
  return { rows, more: keys - rows.length, keys, differing: view.final.differing };
}

/** "+3", "−120", "0". */
export function differenceText(d: number): string {
  if (d === 0) return '0';
  return `${d > 0 ? '+' : '−'}${count(Math.abs(d))}`;
}

/** What the end of the run says: the board against the recomputation. */
export function finalSentence(view: ViewReport, words: ViewWords): string {
  const f = view.final;
  const { dashboard, store } = view;
  const keys = keyCount(f.keys.length, words);
  if (f.lastRefreshMs === null) return say('final.never', { dashboard });
  const time = seconds(f.lastRefreshMs);
  if (f.differing === 0 && f.shownAsItEnded)
    return say('final.equal', { time, keys, events: countOf(f.truthTotal, words) });
  if (f.differing === 0) return say('final.equalStale', { store, time });
  const counts = { counted: count(f.viewTotal), sent: countOf(f.truthTotal, words) };
  return (
    say('final.wrong', {
      differing: count(f.differing),
      keys,
      total: f.viewTotal > f.truthTotal ? say('final.overTwice', counts) : say('final.under', counts),
    }) + (f.shownAsItEnded ? '' : ` ${say('final.changed', { store, time })}`)
  );
}
