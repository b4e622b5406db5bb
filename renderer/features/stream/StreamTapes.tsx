/**
 * Each partition as a log tape at the playback instant: its latest offsets as cells (processed
 * and committed, processed but not committed yet, waiting in the log), the committed offset, the
 * consumer that owns it and its leader broker. A cell is a button: it shows the record's path.
 */
import type { PartitionAt, StreamAt } from '../../viz/stream/streamView';

/** Offsets shown per partition: the latest ones. */
export const TAPE_CELLS = 24;

function cellState(p: PartitionAt, offset: number): 'committed' | 'processed' | 'waiting' {
  if (p.committed !== null && offset < p.committed) return 'committed';
  if (p.processedTo !== null && offset < p.processedTo) return 'processed';
  return 'waiting';
}

const STATE_TEXT = {
  committed: 'processed, offset committed',
  processed: 'handed to the consumer, not committed yet',
  waiting: 'in the log, not processed yet',
};

export function StreamTapes({
  at,
  selected,
  onSelect,
}: {
  at: StreamAt;
  selected: string | null;
  onSelect(record: string | null, label: string): void;
}) {
  return (
    <div className="stream-tapes" role="list" aria-label="Partitions: each a log tape of offsets">
      {at.partitions.map((p) => {
        const { track } = p;
        // The cells: the latest TAPE_CELLS records appended by now.
        const appended = track.offsets.findIndex((o) => o >= p.logEnd);
        const end = appended === -1 ? track.offsets.length : appended;
        const first = Math.max(0, end - TAPE_CELLS);
        const name = `${track.topic}-${track.partition}`;
        return (
          <div className="stream-tape" role="listitem" key={track.key} data-partition={name}>
            <div className="tape-label">
              <strong>{name}</strong>
              <span className="muted">
                leader {p.leader ?? 'offline'} · {p.owner === null ? 'no owner' : `consumer ${p.owner}`}
              </span>
            </div>
            <div
              className="tape-cells"
              aria-label={`${name}: ${p.logEnd} records, committed ${p.committed ?? 'none'}, lag ${p.lag}`}
            >
              {first > 0 && <span className="tape-more muted">… {first}</span>}
              {track.offsets.slice(first, end).map((offset, i) => {
                const record = track.records[first + i] ?? null;
                const state = cellState(p, offset);
                const label = `offset ${offset}${record ? ` (${record})` : ''}: ${STATE_TEXT[state]}`;
                return (
                  <button
                    type="button"
                    key={offset}
                    className={`tape-cell ${state}${record !== null && record === selected ? ' selected' : ''}`}
                    title={label}
                    aria-label={label}
                    onClick={() => onSelect(record, `${name} offset ${offset}`)}
                  >
                    {offset % 10 === 0 ? offset : ''}
                  </button>
                );
              })}
              {end === 0 && <span className="muted tape-empty">empty</span>}
            </div>
            <div className="tape-numbers muted">
              end {p.logEnd} · committed {p.committed ?? '–'} · lag <strong>{p.lag}</strong>
            </div>
          </div>
        );
      })}
    </div>
  );
}
