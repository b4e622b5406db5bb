/**
 * A dashboard's view at an instant of playback: the last refresh at or before it (what the board
 * shows then), the worst it had been by then, and that said in plain sentences in the page's
 * language. Times a lab's checks also print are formatted as they print them (`seconds`).
 */
import type { ViewReport, ViewSample } from '../../../engine/pipeline';
import { countUpTo } from '../stream/timeSeries';
import { seconds } from './durationWords';
import { viewsText as say } from './viewsText';
import { count, countOf, type ViewWords } from './viewWords';

export interface ViewInstant {
  /** The last refresh at or before t (null: none yet). */
  sample: ViewSample | null;
  /** Refreshes done by t. */
  refreshes: number;
  /** The first refresh after t (null: none left in the report). */
  next: ViewSample | null;
  /** The worst of the refreshes done by t (null: none yet). */
  worstBehind: ViewSample | null;
  worstDouble: ViewSample | null;
}

const byT = (s: ViewSample) => s.t;

export function viewAt(view: ViewReport, t: number): ViewInstant {
  const done = countUpTo(view.samples, t, byT);
  let worstBehind: ViewSample | null = null;
  let worstDouble: ViewSample | null = null;
  for (let i = 0; i < done; i++) {
    const s = view.samples[i]!;
    if (!worstBehind || s.behindMs > worstBehind.behindMs) worstBehind = s;
    if (!worstDouble || s.doubleCounted > worstDouble.doubleCounted) worstDouble = s;
  }
  return {
    sample: done > 0 ? view.samples[done - 1]! : null,
    refreshes: done,
    next: view.samples[done] ?? null,
    worstBehind,
    worstDouble,
  };
}

/** Whether the playback has reached the board's last reported refresh. */
export function atEnd(view: ViewReport, t: number): boolean {
  const last = view.samples[view.samples.length - 1];
  return last !== undefined && t >= last.t;
}

/** What is true of the board at t, in sentences (each a separate line). */
export function viewNowLines(view: ViewReport, at: ViewInstant, words: ViewWords): string[] {
  const s = at.sample;
  const dashboard = view.dashboard;
  if (!s)
    return [at.next ? say('now.notYet', { dashboard, time: seconds(at.next.t) }) : say('now.never', { dashboard })];
  const behind = seconds(s.behindMs);
  const lines = [
    `${say('now.lastRefresh', { time: seconds(s.t) })} ` +
      (s.behindMs === 0
        ? say('now.upToDate', { event: words.event })
        : say('now.behind', { behind, event: words.event })),
    s.doubleCounted === 0
      ? say('now.total', { total: count(s.counted), event: words.event })
      : say('now.totalTwice', { total: count(s.counted), twice: countOf(s.doubleCounted, words) }),
  ];
  const worst = at.worstBehind!;
  const twice = at.worstDouble!;
  lines.push(
    say('now.soFar', {
      refreshes: say('now.refreshes', { count: at.refreshes, n: count(at.refreshes) }),
      behind: seconds(worst.behindMs),
      when: worst.behindMs > 0 ? say('now.soFarWhen', { time: seconds(worst.t) }) : '',
      twice:
        twice.doubleCounted > 0
          ? say('now.soFarTwice', { twice: countOf(twice.doubleCounted, words), time: seconds(twice.t) })
          : say('now.soFarNeverTwice'),
    }),
  );
  return lines;
}
