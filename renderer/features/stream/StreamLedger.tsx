/**
 * The delivery ledger as the run plays: records appended, processed (twice: replayed), counted in
 * a query's windows or dropped as late, stored in the sink and duplicated there, so far; lost and
 * pending are known at the end of the run.
 */
import { countUpTo, num, type StreamAt, type StreamView } from '../../viz/stream/streamView';

const BAD = new Set(['duplicated', 'lost', 'appended twice', 'late']);

/** A Structured Streaming query's rows: records counted in its windows, and dropped as late, so far. */
function queryRows(
  view: StreamView,
  at: StreamAt,
  atEnd: (n: number) => number | string,
): [string, number | string, string][] {
  if (view.final.aggregated === 0 && view.final.late === 0) return [];
  const times = view.microBatches?.ledgerTimes;
  return [
    [
      'counted in windows',
      times ? countUpTo(times.aggregated, at.t, num) : atEnd(view.final.aggregated),
      "counted in a window of the query's aggregation (the sink gets the windows, not the records)",
    ],
    [
      'late',
      times ? countUpTo(times.late, at.t, num) : atEnd(view.final.late),
      'dropped by the watermark: every window it belongs to had ended',
    ],
  ];
}

export function StreamLedger({ view, at }: { view: StreamView; at: StreamAt }) {
  const l = at.ledger;
  const ended = at.t >= view.activeUntil;
  const atEnd = (n: number) => (ended ? n : '…');
  const rows: [string, number | string, string][] = [
    ['produced (in all)', view.final.produced, 'records the producers sent during the whole run'],
    ['appended', l.appended, 'in a partition log'],
    ['appended twice', l.logDuplicated, 'in the log a second time: the producer sent its batch again'],
    ['processed', l.processed, "handed to a consumer's eachMessage, or read by a Spark query's batch"],
    ['processed twice', l.reprocessed, 'replayed after a crash or a rebalance'],
    ...queryRows(view, at, atEnd),
    ['stored', l.stored, view.storeTopic ? 'in the store (committed in the output topic)' : 'in the sink'],
    ['duplicated', l.duplicated, 'in the store more than once'],
    ['pending', atEnd(view.final.pending), 'not stored yet, still in the log after the committed offset'],
    ['lost', atEnd(view.final.lost), 'never stored and not on its way'],
  ];
  return (
    <table className="stream-ledger" aria-label="Delivery ledger">
      <caption>Ledger {ended ? 'at the end' : 'so far'}</caption>
      <tbody>
        {rows.map(([name, n, what]) => (
          <tr key={name} className={BAD.has(name) && typeof n === 'number' && n > 0 ? 'ledger-bad' : undefined}>
            <th scope="row" title={what}>
              {name}
            </th>
            <td data-ledger={name}>{n}</td>
          </tr>
        ))}
      </tbody>
      {!ended && (
        <tfoot>
          <tr>
            <td colSpan={2} className="muted small-print">
              Pending and lost are known at the end of the run.
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
