/**
 * A Structured Streaming query on the playback clock: the strip of its micro-batches (each one
 * that has ended by now, as tall as the rows it read, its late rows in red), and its windows in
 * event time, one lane per key: cells written to the sink filled, cells still open in the state
 * outlined, each row read a dot at its event time (late ones red, crossed), the watermark and the
 * latest event time as lines. A dot is a button of sorts: a click shows the record's path.
 */
import { useTranslation } from 'react-i18next';
import { memo, useMemo } from 'react';
import type { StreamView } from '../../viz/stream/streamViewTypes';
import { batchesEndedBy, formatEventTime, windowsAfter, type MicroBatchView } from '../../viz/stream/microBatchView';
import {
  batchLabel,
  describeWindows,
  layoutStrip,
  layoutWindowChart,
  MB_WIDTH,
  type WindowChartLayout,
} from '../../viz/stream/microBatchLayout';
import { seconds } from '../../viz/views/durationWords';
import { useElementWidth } from '../run/useElementWidth';

type Select = (record: string | null, label: string, key: string) => void;

/** Draws again only when the batches ended, the width or the selected record change (not every frame). */
const WindowChart = memo(function WindowChart({
  mb,
  chart,
  label,
  partitionKey,
  selected,
  onSelect,
}: {
  mb: MicroBatchView;
  chart: WindowChartLayout;
  label: string;
  partitionKey: (topic: string, partition: number) => string;
  selected: string | null;
  onSelect: Select;
}) {
  const { left, right, lanesTop, lanesBottom } = chart;
  const { t } = useTranslation('stream');
  return (
    <svg className="mb-windows" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={label}>
      {chart.band && (
        <rect className="mb-band" x={chart.band.x} y={lanesTop} width={chart.band.w} height={lanesBottom - lanesTop}>
          <title>{t('mb.band')}</title>
        </rect>
      )}
      {chart.lanes.map((l) => (
        <g key={l.key} className="mb-lane">
          <line x1={left} x2={right} y1={l.y + chart.laneHeight} y2={l.y + chart.laneHeight} />
          <text x={left - 6} y={l.y + chart.laneHeight / 2 + 4}>
            {l.label}
          </text>
        </g>
      ))}
      {/* The lines under the cells, so that a cell's value reads over them; their labels on top. */}
      {chart.latest && <line className="mb-latest" x1={chart.latest.x} x2={chart.latest.x} y1={4} y2={lanesBottom} />}
      {chart.watermark && (
        <g className={`mb-watermark${chart.watermark.before ? ' before' : ''}`} data-testid="mb-watermark">
          <title>
            {chart.watermark.before
              ? t('mb.wmBefore', { time: chart.watermark.label.text.replace('watermark ', '') })
              : t('mb.wm')}
          </title>
          <line x1={chart.watermark.x} x2={chart.watermark.x} y1={16} y2={lanesBottom} />
        </g>
      )}
      {chart.cells.map((c) => {
        const w = c.window;
        const state = w.written ? 'written' : 'open';
        return (
          <g
            key={`${w.start} ${w.end} ${w.key}`}
            className={`mb-cell ${state}${w.written && !w.final ? ' not-final' : ''}`}
            data-testid="mb-window"
            data-state={state}
          >
            <title>
              {t('mb.cell', {
                key: w.key === '' ? '' : `${w.key}, `,
                from: formatEventTime(w.start),
                to: formatEventTime(w.end),
                value: w.value,
                state: w.written
                  ? t(w.final ? 'mb.writtenFinal' : 'mb.writtenOpen', { time: seconds(w.writtenAt ?? 0) })
                  : t('mb.held'),
              })}
            </title>
            <rect x={c.x} y={c.y} width={c.w} height={c.h} rx={2} />
            {c.text !== null && (
              <text x={c.x + c.w / 2} y={c.y + 10}>
                {c.text}
              </text>
            )}
          </g>
        );
      })}
      {chart.dots.map(({ x, y, row }) => {
        const where = t('tape.selected', { name: `${row.topic}-${row.partition}`, offset: row.offset });
        const title = t(row.late ? 'mb.dotLate' : 'mb.dot', {
          record: row.record ?? t('mb.aRow'),
          time: formatEventTime(row.eventTime),
          where,
          batch: row.batchId,
        });
        const pick = () => onSelect(row.record, where, partitionKey(row.topic, row.partition));
        const sel = row.record !== null && row.record === selected;
        return row.late ? (
          <g
            key={`${row.topic} ${row.partition} ${row.offset} ${row.batchId}`}
            className={`mb-dot late${sel ? ' selected' : ''}`}
            data-testid="mb-late"
            onClick={pick}
            // The late rows are few and what the step is about: each is a tab stop that opens its path.
            tabIndex={0}
            role="button"
            aria-label={title}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              pick();
            }}
          >
            <title>{title}</title>
            <circle cx={x} cy={y} r={4} />
            <path d={`M${x - 3},${y - 3}L${x + 3},${y + 3}M${x - 3},${y + 3}L${x + 3},${y - 3}`} />
          </g>
        ) : (
          <circle
            key={`${row.topic} ${row.partition} ${row.offset} ${row.batchId}`}
            className={`mb-dot${sel ? ' selected' : ''}`}
            cx={x}
            cy={y}
            r={2.5}
            onClick={pick}
          >
            <title>{title}</title>
          </circle>
        );
      })}
      {chart.latest && (
        <text className="mb-latest-label" x={chart.latest.label.x} y={11} textAnchor={chart.latest.label.anchor}>
          {chart.latest.label.text}
        </text>
      )}
      {chart.watermark && (
        <text
          className="mb-watermark-label"
          x={chart.watermark.label.x}
          y={24}
          textAnchor={chart.watermark.label.anchor}
        >
          {chart.watermark.before ? `◂ ${chart.watermark.label.text}` : chart.watermark.label.text}
        </text>
      )}
      <g className="mb-axis">
        <line x1={left} x2={right} y1={lanesBottom} y2={lanesBottom} />
        {chart.ticks.map((tk) => (
          <g key={tk.x}>
            <line x1={tk.x} x2={tk.x} y1={lanesBottom} y2={lanesBottom + 4} />
            <text x={tk.x} y={lanesBottom + 14} textAnchor={tk.anchor}>
              {tk.text}
            </text>
          </g>
        ))}
        <text className="mb-axis-title" x={(left + right) / 2} y={lanesBottom + 28} textAnchor="middle">
          {mb.keys.some((k) => k.startsWith('car')) ? t('mb.axisPosition') : t('mb.axisRow')}
        </text>
      </g>
    </svg>
  );
});

export function StreamMicroBatches({
  view,
  t,
  selected,
  onSelect,
}: {
  view: StreamView;
  t: number;
  selected: string | null;
  onSelect: Select;
}) {
  const mb = view.microBatches;
  const { t: text, i18n } = useTranslation('stream');
  // Laid out at the width it has, so that its text keeps its size in a narrow pane too.
  const [hostRef, hostWidth] = useElementWidth<HTMLDetailsElement>(MB_WIDTH);
  const width = Math.max(360, Math.min(900, hostWidth));
  const ended = mb ? batchesEndedBy(mb, t) : 0;
  const at = useMemo(() => (mb ? windowsAfter(mb, ended) : null), [mb, ended]);
  // The chart's labels are read in the page's language: laid out again when it changes.
  const language = i18n.language;
  const chart = useMemo(
    () => (mb && at ? layoutWindowChart(mb, at, width) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the language is read inside (i18n.t)
    [mb, at, width, language],
  );
  const partitionKey = useMemo(() => {
    const keys = new Map(view.partitions.map((p) => [`${p.topic}-${p.partition}`, p.key]));
    return (topic: string, partition: number) => keys.get(`${topic}-${partition}`) ?? '';
  }, [view]);
  if (!mb || !at || !chart) return null;
  const strip = layoutStrip(mb, at, t, view.activeUntil, width);
  const b = at.batch;
  const wm =
    at.watermark === null ? text('mb.noWatermark') : text('mb.watermark', { time: formatEventTime(at.watermark) });
  return (
    <details className="stream-micro-batches" data-testid="stream-micro-batches" open ref={hostRef}>
      <summary>
        <strong>{mb.query}</strong>{' '}
        <span data-testid="mb-summary">
          {b === null
            ? text('mb.none')
            : text('mb.batch', { id: b.id, time: seconds(b.startedAt), count: b.rows, late: b.late, wm })}
        </span>{' '}
        <span className="muted">{text('mb.windows', { count: at.written, open: at.open })}</span>
      </summary>
      {mb.otherQueries.length > 0 && (
        <p className="muted small-print">
          {text('mb.others', { others: mb.otherQueries.join(', '), query: mb.query })}
        </p>
      )}
      <svg
        className="mb-strip"
        viewBox={`0 0 ${strip.width} ${strip.height}`}
        role="img"
        aria-label={
          b ? text('mb.stripLatest', { n: at.ended, latest: batchLabel(b) }) : text('mb.strip', { n: at.ended })
        }
      >
        <text className="mb-strip-title" x={strip.left - 6} y={strip.baseline - 10}>
          {text('mb.batches')}
        </text>
        {strip.blocks.map((k) => (
          <g
            key={k.batch.id}
            className={`mb-batch${k.latest ? ' latest' : ''}`}
            data-testid="mb-batch"
            data-batch={k.batch.id}
          >
            <title>
              {text('mb.block', {
                label: batchLabel(k.batch),
                from: seconds(k.batch.startedAt),
                to: seconds(k.batch.t),
                count: k.batch.emitted,
                held: k.batch.stateSize,
              })}
            </title>
            <rect x={k.x} y={k.y} width={k.w} height={k.h} />
            {k.lateH > 0 && <rect className="mb-batch-late" x={k.x} y={k.lateY} width={k.w} height={k.lateH} />}
            {k.idLabel && (
              <text x={k.x + k.w / 2} y={strip.baseline + 11}>
                {k.idLabel}
              </text>
            )}
          </g>
        ))}
        {strip.latestLabel && (
          <text className="mb-batch-label" x={strip.latestLabel.x} y={11} textAnchor={strip.latestLabel.anchor}>
            {strip.latestLabel.text}
          </text>
        )}
        <line className="mb-axis-line" x1={strip.left} x2={strip.right} y1={strip.baseline} y2={strip.baseline} />
        <line className="mb-cursor" x1={strip.cursorX} x2={strip.cursorX} y1={4} y2={strip.baseline + 14} />
        <g className="mb-axis">
          {strip.ticks.map((tk) => (
            <text key={tk.x} x={tk.x} y={strip.baseline + 26} textAnchor={tk.anchor}>
              {tk.text}
            </text>
          ))}
        </g>
      </svg>
      <WindowChart
        mb={mb}
        chart={chart}
        label={describeWindows(at)}
        partitionKey={partitionKey}
        selected={selected}
        onSelect={onSelect}
      />
      <p className="muted small-print mb-legend">
        <span className="mb-key written" aria-hidden="true" /> {text('mb.keyWritten')}{' '}
        <span className="mb-key open" aria-hidden="true" /> {text('mb.keyOpen')}{' '}
        <span className="mb-key dot" aria-hidden="true" /> {text('mb.keyRow')}{' '}
        <span className="mb-key late" aria-hidden="true">
          ✕
        </span>{' '}
        {text('mb.keyLate')} <span className="mb-key watermark" aria-hidden="true" /> {text('mb.keyWatermark')}{' '}
        <span className="mb-key latest" aria-hidden="true" /> {text('mb.keyLatest')} {text(`mb.mode.${mb.outputMode}`)}{' '}
        {text('mb.follow')}
      </p>
    </details>
  );
}
