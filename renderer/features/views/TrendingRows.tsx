/**
 * The trending rows at the playback's instant, one block per dashboard side by side when the
 * column is wide enough: the row each shows (from its last refresh) beside the true top keys at
 * that refresh, each shown key marked as in the true row or not, and how old the shown data is.
 */
import type { PartReport, ViewReport } from '../../../engine/pipeline';
import { seconds } from '../../../labs/checkKit';
import { durationWords } from '../../viz/views/durationWords';
import { trendingAt, trendingSentences, type TrendingAt } from '../../viz/views/trendingAt';
import { count, wordsFor, type ViewWords } from '../../viz/views/viewWords';

function TrendingBlock({ row, words }: { row: TrendingAt; words: ViewWords }) {
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
            {row.refreshedMs !== null && <span className="views-sub"> at its refresh, {seconds(row.refreshedMs)}</span>}
            {row.ageMs !== null && <> · data {durationWords(row.ageMs)} old</>}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Shown</th>
              <th scope="col" className="views-num">
                {events}
              </th>
              <th scope="col">True row</th>
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
                        aria-label={l.shown.inTruth ? `in the true top ${row.top}` : `not in the true top ${row.top}`}
                      >
                        {l.shown.inTruth ? '✓' : '✗'}
                      </span>{' '}
                      {words.key} {l.shown.key}
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
                      {words.key} {l.truth.key}
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

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function TrendingRows({
  views,
  parts,
  t,
  words,
}: {
  views: readonly ViewReport[];
  parts: readonly PartReport[];
  t: number;
  words?: Partial<ViewWords>;
}) {
  const rows = views.flatMap((v) => {
    const row = trendingAt(
      v,
      t,
      parts.find((p) => p.id === v.dashboard),
    );
    return row ? [{ row, words: wordsFor(v, words) }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <section className="views-trending" aria-labelledby="views-trending-title">
      <h4 id="views-trending-title">Trending rows at {seconds(t)}</h4>
      <p className="views-sentence muted">
        Each row ranks the {rows[0]!.words.key}s counted most in the last {durationWords(rows[0]!.row.windowMs)} of the
        data its store holds; the true row ranks every {rows[0]!.words.event} of the last{' '}
        {durationWords(rows[0]!.row.windowMs)}. ✓ marks a {rows[0]!.words.key} shown that belongs in the true row, ✗ one
        that does not; a true {rows[0]!.words.key} in italics is missing from the row shown.
      </p>
      <div className="views-trending-grid">
        {rows.map((r) => (
          <TrendingBlock key={r.row.dashboard} row={r.row} words={r.words} />
        ))}
      </div>
    </section>
  );
}
