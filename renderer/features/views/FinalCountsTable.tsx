/**
 * The board's count per key at the end of the run beside a full recomputation over every event
 * sent, the differing keys first and highlighted, capped (a button shows them all), with the
 * sentence the lab's check would say. Titled for the end of the run, so it holds at every instant;
 * folded away until the playback reaches the board's last refresh (the learner may open it sooner).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewReport } from '../../../engine/pipeline';
import { seconds } from '../../viz/views/durationWords';
import { differenceText, finalCounts, finalSentence, FINAL_ROWS_SHOWN } from '../../viz/views/finalCounts';
import { atEnd } from '../../viz/views/viewAt';
import { capital, count, type ViewWords } from '../../viz/views/viewWords';

export function FinalCountsTable({
  view,
  words,
  endMs,
  t: at,
}: {
  view: ViewReport;
  words: ViewWords;
  endMs: number;
  t: number;
}) {
  const { t } = useTranslation('views');
  const open = atEnd(view, at);
  const [all, setAll] = useState(false);
  const end = finalCounts(view, all ? Number.POSITIVE_INFINITY : undefined);
  const board = view.final.shownAsItEnded ? t('final.board') : t('final.storeAtEnd', { store: view.store });
  return (
    <details className="views-final" open={open} data-testid={`views-final-${view.dashboard}`}>
      <summary>
        {t('final.summary', { time: seconds(endMs) })}
        {!open && <span className="views-sub"> ({t('opensLater')})</span>}
      </summary>
      <p className="views-sentence">{finalSentence(view, words)}</p>
      <table className="views-table">
        <caption className="sr-only">{t('final.caption', { keys: capital(words.keys) })}</caption>
        <thead>
          <tr>
            <th scope="col">{capital(words.key)}</th>
            <th scope="col">{board}</th>
            <th scope="col">{t('final.recomputation')}</th>
            <th scope="col">{t('final.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {end.rows.map((r) => (
            <tr key={r.key} className={r.difference !== 0 ? 'views-differs' : undefined}>
              <th scope="row">{t('keyLabel', { key: words.key, id: r.key })}</th>
              <td>{count(r.view)}</td>
              <td>{count(r.truth)}</td>
              <td>{differenceText(r.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(end.more > 0 || all) && (
        <p className="views-more">
          {end.more > 0
            ? `${t('final.more', { count: end.more, n: count(end.more), key: words.key, keys: words.keys })} `
            : null}
          <button type="button" className="views-more-button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t('final.showFirst', { n: count(FINAL_ROWS_SHOWN) }) : t('showAll', { n: count(end.keys) })}
          </button>
        </p>
      )}
    </details>
  );
}
