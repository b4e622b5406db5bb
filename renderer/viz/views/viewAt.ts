/**
 * A dashboard's view at an instant of playback: the last refresh at or before it (what the board
 * shows then), the worst it had been by then, and that said in plain sentences. Times a lab's
 * checks also print are formatted as they print them (labs/checkKit `seconds`).
 */
import type { ViewReport, ViewSample } from '../../../engine/pipeline';
import { seconds } from '../../../labs/checkKit';
import { countUpTo } from '../stream/timeSeries';
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
  if (!s)
    return [
      at.next
        ? `${view.dashboard} has not refreshed yet: its first refresh is at ${seconds(at.next.t)}.`
        : `${view.dashboard} never finished a refresh in this run.`,
    ];
  const lines = [
    `Last refresh at ${seconds(s.t)}. ` +
      (s.behindMs === 0
        ? `It counted every ${words.event} sent by then: 0 s behind.`
        : `It was ${seconds(s.behindMs)} behind: the oldest ${words.event} it did not count had been sent ${seconds(s.behindMs)} before.`),
    `Its counts add up to ${count(s.counted)}` +
      (s.doubleCounted === 0
        ? `, no ${words.event} counted twice.`
        : `: ${countOf(s.doubleCounted, words)} counted twice (in the batch view and still in the realtime view).`),
  ];
  const worst = at.worstBehind!;
  const twice = at.worstDouble!;
  const refreshes = `${count(at.refreshes)} refresh${at.refreshes === 1 ? '' : 'es'}`;
  lines.push(
    `So far (${refreshes}): at worst ${seconds(worst.behindMs)} behind` +
      (worst.behindMs > 0 ? ` (at ${seconds(worst.t)})` : '') +
      (twice.doubleCounted > 0
        ? `, at worst ${countOf(twice.doubleCounted, words)} counted twice (at ${seconds(twice.t)}).`
        : `; never counted twice.`),
  );
  return lines;
}
