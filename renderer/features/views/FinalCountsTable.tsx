/**
 * The board's count per key at the end of the run beside a full recomputation over every event
 * sent, the differing keys first and highlighted, capped (a button shows them all), with the
 * sentence the lab's check would say. Titled for the end of the run, so it holds at every instant;
 * folded away until the playback reaches the board's last refresh (the learner may open it sooner).
 */
import { useState } from 'react';
import type { ViewReport } from '../../../engine/pipeline';
import { seconds } from '../../../labs/checkKit';
import { differenceText, finalCounts, finalSentence, FINAL_ROWS_SHOWN } from '../../viz/views/finalCounts';
import { atEnd } from '../../viz/views/viewAt';
import { count, type ViewWords } from '../../viz/views/viewWords';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function FinalCountsTable({
  view,
  words,
  endMs,
  t,
}: {
  view: ViewReport;
  words: ViewWords;
  endMs: number;
  t: number;
}) {
  const open = atEnd(view, t);
  const [all, setAll] = useState(false);
  const end = finalCounts(view, all ? Number.POSITIVE_INFINITY : undefined);
  const board = view.final.shownAsItEnded ? 'Board' : `${view.store} at the end`;
  return (
    <details className="views-final" open={open} data-testid={`views-final-${view.dashboard}`}>
      <summary>
        At the end of the run ({seconds(endMs)}): the board against a full recomputation
        {!open && <span className="views-sub"> (opens by itself when the playback gets there)</span>}
      </summary>
      <p className="views-sentence">{finalSentence(view, words)}</p>
      <table className="views-table">
        <caption className="sr-only">
          {capital(words.key)}s at the end of the run: the board against a full recomputation
        </caption>
        <thead>
          <tr>
            <th scope="col">{capital(words.key)}</th>
            <th scope="col">{board}</th>
            <th scope="col">Full recomputation</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {end.rows.map((r) => (
            <tr key={r.key} className={r.difference !== 0 ? 'views-differs' : undefined}>
              <th scope="row">
                {words.key} {r.key}
              </th>
              <td>{count(r.view)}</td>
              <td>{count(r.truth)}</td>
              <td>{differenceText(r.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(end.more > 0 || all) && (
        <p className="views-more">
          {end.more > 0 ? `and ${count(end.more)} more ${end.more === 1 ? words.key : `${words.key}s`} ` : ''}
          <button type="button" className="views-more-button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? `Show the first ${count(FINAL_ROWS_SHOWN)}` : `Show all ${count(end.keys)}`}
          </button>
        </p>
      )}
    </details>
  );
}
