/**
 * Each partition as a log tape at the playback instant: its latest offsets as cells (processed
 * and committed, processed but not committed yet, waiting in the log), the committed offset, the
 * consumer that owns it and its leader broker. A cell is a button: it shows the record's path.
 * A row draws again only when its numbers change (48 partitions play at 60 frames a second).
 * The cells are one tab stop: the arrow keys move between records (left, right, Home, End) and
 * partitions (up, down), as in a grid, so 48 tapes of 24 cells are not 1,152 stops.
 */
import { useTranslation } from 'react-i18next';
import { memo, useCallback, useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { PartitionTrack, StreamAt, StreamView } from '../../viz/stream/streamView';
import { partitionLagSeries, tapeWindow } from '../../viz/stream/streamQueries';

/** Offsets shown per partition: the latest ones. */
export const TAPE_CELLS = 24;

type CellState = 'committed' | 'processed' | 'waiting' | 'row' | 'open' | 'aborted' | 'deleted' | 'expired';

/** A record written in a transaction, at instant `t`: open until it ends, then seen or never seen. */
function transactionState(track: PartitionTrack, index: number, t: number): 'open' | 'aborted' | 'seen' | null {
  const txn = track.transactions[index];
  if (!txn) return null;
  if (txn.state === 'open' || t < txn.at) return 'open';
  return txn.state === 'aborted' ? 'aborted' : 'seen';
}

/** How many of the track's offsets are below `end` (offsets ascend). */
function countBelow(offsets: readonly number[], end: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A partition's lag over the whole run, as a small line (the run's lag chart carries the clock). */
function LagSparkline({ view, track }: { view: StreamView; track: PartitionTrack }) {
  const { t } = useTranslation('stream');
  const { d, max } = useMemo(() => {
    const series = partitionLagSeries(view, track);
    const top = Math.max(1, ...series);
    const step = 60 / Math.max(1, series.length - 1);
    return {
      max: top,
      d: series
        .map((v, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(14 - (v / top) * 13).toFixed(1)}`)
        .join(''),
    };
  }, [view, track]);
  return (
    <svg className="tape-lag" viewBox="0 0 60 15" role="img" aria-label={t('tape.lag', { max })}>
      <path d={d} />
    </svg>
  );
}

interface RowProps {
  view: StreamView;
  track: PartitionTrack;
  logEnd: number;
  /** The first offset retention left in the log at this instant. */
  logStart: number;
  committed: number | null;
  processedTo: number | null;
  /** The consumers reading the partition, comma-joined ('' when none; several: one per group). */
  owners: string;
  leader: string | null;
  lag: number;
  /** The brokers down at this instant, comma-joined ('' when none): their replicas are struck through. */
  down: string;
  /** The playback instant, for a track with records written in transactions (else 0: the row need not draw again). */
  t: number;
  /** The selected record, when it is in this row (else null: rows without it need not draw again). */
  selected: string | null;
  /** This row's place among the tapes, and which of its cells is the tapes' tab stop (null: none of them). */
  row: number;
  tabCell: number | null;
  onSelect(record: string | null, label: string, key: string): void;
}

const TapeRow = memo(function TapeRow({
  view,
  track,
  logEnd,
  logStart,
  committed,
  processedTo,
  owners,
  leader,
  lag,
  down,
  t,
  selected,
  row,
  tabCell,
  onSelect,
}: RowProps) {
  const dead = new Set(down === '' ? [] : down.split(','));
  const { t: text } = useTranslation('stream');
  const { first, end } = tapeWindow(
    { track, logEnd, logStart, committed, processedTo, lastConsumer: null, owners: [], leader, isr: [], lag },
    TAPE_CELLS,
    t,
  );
  const after = countBelow(track.offsets, logEnd) - end;
  const name = `${track.topic}-${track.partition}`;
  const stateOf = (offset: number, index: number): CellState => {
    const txn = transactionState(track, index, t);
    if (txn === 'open' || txn === 'aborted') return txn;
    // A consumer may still hold a deleted record from a fetch made before: lost only if nobody ever reads it.
    if (offset < logStart) return track.firstProcessed.has(offset) ? 'deleted' : 'expired';
    if (track.output) return 'row';
    return committed !== null && offset < committed
      ? 'committed'
      : processedTo !== null && offset < processedTo
        ? 'processed'
        : 'waiting';
  };
  return (
    <div className="stream-tape" role="listitem" data-partition={name}>
      <div className="tape-label">
        <strong>{name}</strong>
        <span className="muted">
          {text('tape.leader', { leader: leader ?? text('tape.offline') })}{' '}
          {track.output
            ? text('tape.store')
            : owners === ''
              ? text('tape.noOwner')
              : owners.includes(',')
                ? text('tape.consumers', { owners: owners.replaceAll(',', ', ') })
                : text('tape.consumer', { owner: owners })}
        </span>
        <span className="muted tape-replicas">
          {text('tape.replicas')}{' '}
          {track.replicas.map((r) => (
            <span
              key={r}
              className={dead.has(r) ? 'replica-down' : undefined}
              title={dead.has(r) ? text('tape.isDown', { replica: r }) : r}
            >
              {r}{' '}
            </span>
          ))}
        </span>
      </div>
      <div
        className="tape-cells"
        aria-label={text('tape.cells', { name, n: logEnd, committed: committed ?? text('tape.none'), lag })}
      >
        {first > 0 && <span className="tape-more muted">… {first}</span>}
        {track.offsets.slice(first, end).map((offset, i) => {
          const record = track.records[first + i] ?? null;
          const state = stateOf(offset, first + i);
          const stateText = text(`tape.state.${state}`);
          const label = record
            ? text('tape.offsetRecord', { offset, record, state: stateText })
            : text('tape.offset', { offset, state: stateText });
          return (
            <button
              type="button"
              key={offset}
              className={`tape-cell ${state}${record !== null && record === selected ? ' selected' : ''}`}
              data-row={row}
              data-col={i}
              tabIndex={i === tabCell ? 0 : -1}
              title={label}
              aria-label={label}
              onClick={() => onSelect(record, text('tape.selected', { name, offset }), track.key)}
            >
              {offset % 10 === 0 ? offset : ''}
            </button>
          );
        })}
        {after > 0 && <span className="tape-more muted">{text('tape.more', { n: after })}</span>}
        {countBelow(track.offsets, logEnd) === 0 && <span className="muted tape-empty">{text('tape.empty')}</span>}
      </div>
      {track.output ? (
        <div className="tape-numbers muted">{text('tape.endStore', { end: logEnd })}</div>
      ) : (
        <div className="tape-numbers muted">
          {text('tape.end', { end: logEnd, committed: committed ?? '–' })} <strong>{lag}</strong>{' '}
          <LagSparkline view={view} track={track} />
        </div>
      )}
    </div>
  );
});

export function StreamTapes({
  view,
  at,
  selected,
  onSelect,
}: {
  view: StreamView;
  at: StreamAt;
  /** The record clicked, and the partition (track key) it is in. */
  selected: { record: string | null; key: string } | null;
  /** Stable across renders (a row draws again when it changes). */
  onSelect(record: string | null, label: string, key: string): void;
}) {
  const { t } = useTranslation('stream');
  const down = at.brokers
    .filter((b) => !b.alive)
    .map((b) => b.id)
    .join(',');
  // The tab stop: the cell last focused, kept within what each tape shows now.
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  // Only the focused tape's window is needed each frame (another's only when that one shows no cell).
  const shown = (row: number) => {
    const p = at.partitions[row];
    if (!p) return 0;
    const w = tapeWindow(p, TAPE_CELLS, at.t);
    return w.end - w.first;
  };
  let stopRow = focus.row;
  let stopCells = shown(stopRow);
  if (stopCells === 0)
    for (stopRow = 0; stopRow < at.partitions.length && (stopCells = shown(stopRow)) === 0; stopRow++);
  const stopCol = stopCells === 0 ? null : Math.min(stopRow === focus.row ? focus.col : 0, stopCells - 1);
  const move = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('.tape-cell[data-row]');
    if (!cell) return;
    const tapes = e.currentTarget;
    // The cells each tape draws now.
    const cells = Array.from(
      tapes.querySelectorAll(':scope > .stream-tape'),
      (t) => t.querySelectorAll('.tape-cell[data-row]').length,
    );
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    let r = row;
    let c = col;
    if (e.key === 'ArrowLeft') c = Math.max(0, col - 1);
    else if (e.key === 'ArrowRight') c = Math.min((cells[row] ?? 1) - 1, col + 1);
    else if (e.key === 'Home') c = 0;
    else if (e.key === 'End') c = (cells[row] ?? 1) - 1;
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const step = e.key === 'ArrowUp' ? -1 : 1;
      // The next tape in that direction that shows a cell.
      do r += step;
      while (r >= 0 && r < cells.length && !cells[r]);
      if (r < 0 || r >= cells.length) return;
      c = Math.min(col, cells[r]! - 1);
    } else return;
    e.preventDefault();
    setFocus({ row: r, col: c });
    tapes.querySelector<HTMLElement>(`.tape-cell[data-row="${r}"][data-col="${c}"]`)?.focus();
  }, []);
  const focused = useCallback((e: FocusEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('.tape-cell[data-row]');
    if (cell) setFocus({ row: Number(cell.dataset.row), col: Number(cell.dataset.col) });
  }, []);
  return (
    <div className="stream-tapes" role="list" aria-label={t('tape.list')} onKeyDown={move} onFocus={focused}>
      {at.partitions.map((p, row) => (
        <TapeRow
          key={p.track.key}
          view={view}
          track={p.track}
          logEnd={p.logEnd}
          logStart={p.logStart}
          committed={p.committed}
          processedTo={p.processedTo}
          owners={p.owners.join(',')}
          leader={p.leader}
          lag={p.lag}
          down={down}
          t={p.track.transactional ? at.t : 0}
          selected={selected !== null && selected.key === p.track.key ? selected.record : null}
          row={row}
          tabCell={row === stopRow ? stopCol : null}
          onSelect={onSelect}
        />
      ))}
    </div>
  );
}
