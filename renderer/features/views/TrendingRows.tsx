/**
 * The trending rows at the playback's instant, one block per dashboard side by side when the
 * column is wide enough: the row each shows (from its last refresh) beside the true top keys now,
 * each shown key marked as in the true row or not, how old the shown data is, and whether the
 * board is down (then it shows no row: the one drawn is the last it showed).
 */
import { useTranslation } from 'react-i18next';
import type { PartReport, ViewReport } from '../../../engine/pipeline';
import type { PipelineWords } from '../../../labs/labTypes';
import { parseLanguage } from '../../i18n/language';
import { ageSeconds, durationWords, seconds } from '../../viz/views/durationWords';
import { trendingAt, trendingSentences, type TrendingAt } from '../../viz/views/trendingAt';
import { capital, count, wordsFor, type ViewWords } from '../../viz/views/viewWords';

function TrendingBlock({ row, words }: { row: TrendingAt; words: ViewWords }) {
  const { t } = useTranslation('views');
  const events = capital(words.events);
  return (
    <div className="views-trending-block" data-testid={`views-trending-${row.dashboard}`}>
      {row.refreshedMs === null ? (
        <p className="views-sentence">
          <strong>{row.dashboard}</strong>
        </p>
      ) : (
        <table className="views-table views-trending-table">
          <caption>
            <strong>{row.dashboard}</strong>
            {row.refreshedMs !== null && (
              <span className="views-sub"> {t('trending.atRefresh', { time: seconds(row.refreshedMs) })}</span>
            )}
            {row.ageMs !== null && <> · {t('trending.dataAge', { age: ageSeconds(row.ageMs) })}</>}
            {row.downSince !== null && (
              <strong className="views-down"> · {t('trending.downCaption', { since: seconds(row.downSince) })}</strong>
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('trending.shown')}</th>
              <th scope="col" className="views-num">
                {events}
              </th>
              <th scope="col">{t('trending.trueRow')}</th>
              <th scope="col" className="views-num">
                {events}
              </th>
            </tr>
          </thead>
          <tbody>
            {row.lines.map((l) => (
              <tr key={l.rank}>
                <th scope="row">{l.rank}</th>
                {l.shown ? (
                  <>
                    <td className={l.shown.inTruth ? 'views-hit' : 'views-miss'}>
                      <span
                        className="views-mark"
                        role="img"
                        aria-label={
                          l.shown.inTruth
                            ? t('trending.inTop', { top: row.top })
                            : t('trending.notInTop', { top: row.top })
                        }
                      >
                        {l.shown.inTruth ? '✓' : '✗'}
                      </span>{' '}
                      {t('keyLabel', { key: words.key, id: l.shown.key })}
                    </td>
                    <td className={`views-num ${l.shown.inTruth ? 'views-hit' : 'views-miss'}`}>
                      {count(l.shown.count)}
                    </td>
                  </>
                ) : (
                  <td className="views-none" colSpan={2}>
                    –
                  </td>
                )}
                {l.truth ? (
                  <>
                    <td className={l.truth.shown ? undefined : 'views-unseen'}>
                      {t('keyLabel', { key: words.key, id: l.truth.key })}
                    </td>
                    <td className="views-num">{count(l.truth.count)}</td>
                  </>
                ) : (
                  <td className="views-none" colSpan={2}>
                    –
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {trendingSentences(row, words).map((s) => (
        <p key={s} className="views-sentence">
          {s}
        </p>
      ))}
    </div>
  );
}

export function TrendingRows({
  views,
  parts,
  t: time,
  words,
  downSince,
}: {
  views: readonly ViewReport[];
  parts: readonly PartReport[];
  t: number;
  words?: Partial<PipelineWords>;
  /** The boards down at t, and since when. */
  downSince?: ReadonlyMap<string, number>;
}) {
  const { t, i18n } = useTranslation('views');
  const language = parseLanguage(i18n.language) ?? 'en';
  const rows = views.flatMap((v) => {
    const row = trendingAt(
      v,
      time,
      parts.find((p) => p.id === v.dashboard),
      {
        views,
        parts,
        downSince: downSince?.get(v.dashboard) ?? null,
      },
    );
    return row ? [{ row, words: wordsFor(v, words, language) }] : [];
  });
  const first = rows[0];
  if (!first) return null;
  return (
    <section className="views-trending" aria-labelledby="views-trending-title">
      <h4 id="views-trending-title">{t('trending.title', { time: seconds(time) })}</h4>
      <p className="views-sentence muted">
        {t('trending.intro', {
          keys: first.words.keys,
          window: durationWords(first.row.windowMs),
          event: first.words.event,
          key: first.words.key,
        })}
      </p>
      <div className="views-trending-grid">
        {rows.map((r) => (
          <TrendingBlock key={r.row.dashboard} row={r.row} words={r.words} />
        ))}
      </div>
    </section>
  );
}
