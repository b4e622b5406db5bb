/**
 * The delivery ledger as the run plays: records appended, processed (twice: replayed), counted in
 * a query's windows or dropped as late, stored in the sink and duplicated there, so far; lost and
 * pending are known at the end of the run.
 */
import { useTranslation } from 'react-i18next';
import { countUpTo, num, type StreamAt, type StreamView } from '../../viz/stream/streamView';

const BAD = new Set(['duplicated', 'lost', 'appended twice', 'late']);

/** Each row's id (its English name, kept as data-ledger for tests) → its key in the stream namespace. */
const ROW_KEY: Record<string, string> = {
  'produced (in all)': 'produced',
  appended: 'appended',
  'appended twice': 'appendedTwice',
  processed: 'processed',
  'processed twice': 'processedTwice',
  'counted in windows': 'counted',
  late: 'late',
  stored: 'stored',
  duplicated: 'duplicated',
  pending: 'pending',
  lost: 'lost',
};

/** A Structured Streaming query's rows: records counted in its windows, and dropped as late, so far. */
function queryRows(
  view: StreamView,
  at: StreamAt,
  atEnd: (n: number) => number | string,
): [string, number | string, string][] {
  if (view.final.aggregated === 0 && view.final.late === 0) return [];
  const times = view.microBatches?.ledgerTimes;
  return [
    ['counted in windows', times ? countUpTo(times.aggregated, at.t, num) : atEnd(view.final.aggregated), 'counted'],
    ['late', times ? countUpTo(times.late, at.t, num) : atEnd(view.final.late), 'late'],
  ];
}

export function StreamLedger({ view, at }: { view: StreamView; at: StreamAt }) {
  const l = at.ledger;
  const ended = at.t >= view.activeUntil;
  const atEnd = (n: number) => (ended ? n : '…');
  const rows: [string, number | string, string][] = [
    ['produced (in all)', view.final.produced, 'produced'],
    ['appended', l.appended, 'appended'],
    ['appended twice', l.logDuplicated, 'appendedTwice'],
    ['processed', l.processed, 'processed'],
    ['processed twice', l.reprocessed, 'processedTwice'],
    ...queryRows(view, at, atEnd),
    ['stored', l.stored, view.storeTopic ? 'storedTopic' : 'stored'],
    ['duplicated', l.duplicated, 'duplicated'],
    ['pending', atEnd(view.final.pending), 'pending'],
    ['lost', atEnd(view.final.lost), 'lost'],
  ];
  const { t } = useTranslation('stream');
  return (
    <table className="stream-ledger" aria-label={t('ledger.label')}>
      <caption>{ended ? t('ledger.atEnd') : t('ledger.soFar')}</caption>
      <tbody>
        {rows.map(([name, n, what]) => (
          <tr key={name} className={BAD.has(name) && typeof n === 'number' && n > 0 ? 'ledger-bad' : undefined}>
            <th scope="row" title={t(`ledger.what.${what}`)}>
              {t(`ledger.name.${ROW_KEY[name] ?? name}`)}
            </th>
            <td data-ledger={name}>{n}</td>
          </tr>
        ))}
      </tbody>
      {!ended && (
        <tfoot>
          <tr>
            <td colSpan={2} className="muted small-print">
              {t('ledger.later')}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
