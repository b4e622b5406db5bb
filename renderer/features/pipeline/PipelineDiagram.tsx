/**
 * The pipeline as the blueprint draws it (Cookbook 24, Figure 24.1): a column per stage, a box
 * per part with its id, its kind and its machine, and an arrow per wire (red and dashed when the
 * catalogue does not let that kind feed the other). During a run's playback each box also says
 * what it holds, whether it is down, and the dashboard what it has shown so far.
 */
import { i18n } from '../../i18n/i18n';
import { numberFormat } from '../../i18n/numberFormat';
import { Fragment, useId } from 'react';
import { PART_CATALOGUE } from '../../../engine/pipeline';
import { BOX_W, type LaidBox, type PipelineLayout } from '../../viz/pipeline/pipelineLayout';
import type { PipelineInstant } from '../../viz/pipeline/pipelineAt';
import { STAGE_TITLE } from '../../viz/pipeline/stageOrder';
import { seconds } from '../../viz/views/durationWords';
import { boxLines, whereText } from './boxText';

const n = (v: number) => numberFormat().format(v);
const tr = (key: string, options?: Record<string, unknown>) => i18n.t(`pipeline:${key}`, options);
/** How far the drawing may shrink to fit its pane (its 12 px text then reads as 9 px). */
const MIN_SCALE = 0.75;

export interface PipelineDiagramProps {
  layout: PipelineLayout;
  /** The run at the playback's instant, or null before a run. */
  at: PipelineInstant | null;
  selected: string | null;
  onSelect(id: string): void;
}

/** What a box says about its part at the instant (null before a run). */
export function boxStatus(box: LaidBox, at: PipelineInstant | null): { text: string; down: boolean } | null {
  if (!at) return null;
  const state = at.parts.get(box.part.id);
  if (!state) return { text: tr('box.notInRun'), down: false };
  if (!state.up)
    return {
      text: state.downSince !== null ? tr('box.downSince', { time: seconds(state.downSince) }) : tr('box.down'),
      down: true,
    };
  if (box.part.type === 'dashboard')
    return {
      text:
        state.shown !== null ? tr('box.shows', { n: n(state.shown) }) : tr('box.showsAtLeast', { n: n(at.displayed) }),
      down: false,
    };
  // A streaming job holds nothing of its own: its figure is its lag on Kafka, events the Kafka box
  // holds too (Kafka's own word, consumer lag), not more events beside them.
  if (box.part.type === 'spark-streaming') return { text: tr('box.lag', { n: n(state.held) }), down: false };
  return { text: tr('box.holds', { n: n(state.held) }), down: false };
}

export function PipelineDiagram({ layout, at, selected, onSelect }: PipelineDiagramProps) {
  const arrowId = `pipeline-arrow-${useId().replace(/:/g, '')}`;
  return (
    <svg
      className="pipeline-diagram"
      data-testid="pipeline-diagram"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      // Scaled down to fit a narrow pane, but never so far that its text cannot be read: it scrolls instead.
      style={{ minWidth: Math.round(layout.width * MIN_SCALE) }}
      role="group"
      aria-label={tr('diagram.label')}
    >
      <defs>
        <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="pipeline-arrowhead" />
        </marker>
      </defs>
      {layout.columns.map((c) => (
        <text key={c.stage} className="pipeline-stage" x={c.x + BOX_W / 2} y={14} textAnchor="middle">
          {STAGE_TITLE[c.stage]}
        </text>
      ))}
      {layout.arrows.map((a) => (
        <path
          key={`${a.from}>${a.to}`}
          d={a.d}
          className={`pipeline-wire${a.allowed ? '' : ' refused'}`}
          markerEnd={`url(#${arrowId})`}
          data-testid={`wire-${a.from}-${a.to}`}
        >
          <title>
            {a.allowed
              ? tr('diagram.feeds', { from: a.from, to: a.to })
              : tr('diagram.cannotFeed', {
                  from: a.from,
                  to: a.to,
                  kind: PART_CATALOGUE[layout.boxes.find((b) => b.part.id === a.from)!.part.type].label,
                })}
          </title>
        </path>
      ))}
      {layout.boxes.map((b) => {
        const def = PART_CATALOGUE[b.part.type];
        const status = boxStatus(b, at);
        const where = whereText(b.part);
        const lines = boxLines(b.part, status?.text ?? null);
        const statusLines = lines.filter((l) => l.className === 'pipeline-status');
        return (
          <g
            key={b.part.id}
            transform={`translate(${b.x},${b.y})`}
            className={`pipeline-box${status?.down ? ' down' : ''}${selected === b.part.id ? ' selected' : ''}`}
            data-testid={`part-${b.part.id}`}
            role="button"
            tabIndex={0}
            aria-pressed={selected === b.part.id}
            onClick={() => onSelect(b.part.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(b.part.id);
              }
            }}
          >
            {/* The whole id, kind and machine (the box clips a long id): its tooltip and its name. */}
            <title>{`${b.part.id}: ${def.label}, ${where}${status ? `, ${status.text}` : ''}`}</title>
            <rect width={BOX_W} height={layout.boxH} rx={6} />
            {/* One text, its lines spaced apart, so that the box's name (from its content) reads as it shows. */}
            <text x={8} y={17}>
              {lines
                .filter((l) => l.className !== 'pipeline-status')
                .map((l, i) => (
                  <Fragment key={i}>
                    {i > 0 && ' '}
                    <tspan x={8} y={l.y} className={l.className}>
                      {l.text}
                    </tspan>
                  </Fragment>
                ))}
              {status && ' '}
              {/* Its lines in one element: its text is the status as a sentence says it. */}
              {status && (
                <tspan className="pipeline-status" data-testid={`status-${b.part.id}`}>
                  {statusLines.map((l, i) => (
                    <Fragment key={i}>
                      {i > 0 && ' '}
                      <tspan x={8} y={l.y}>
                        {l.text}
                      </tspan>
                    </Fragment>
                  ))}
                </tspan>
              )}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
