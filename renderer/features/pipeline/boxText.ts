/**
 * The lines of a box of the pipeline diagram and how tall its boxes are: a part's id, its kind
 * ("Relational database") and its machine, then what it says at the playback's instant ("down since
 * 20.00 s"), each broken into lines that fit the box's width (wrapToWidth) instead of clipped. Every
 * box of a diagram is as tall as the tallest needs to be for the run, its widest statuses included
 * (its longest "down since 1 h 59 min 59 s", its largest "holds 12,345"), in the page's language, so
 * that no box grows or shrinks as the playback runs.
 */
import { i18n } from '../../i18n/i18n';
import { numberFormat } from '../../i18n/numberFormat';
import { PART_CATALOGUE, type PipelineResult } from '../../../engine/pipeline';
import { BOX_H, BOX_W } from '../../viz/pipeline/pipelineLayout';
import type { DrawnPart, DrawnPipeline } from '../../viz/pipeline/readPipelineText';
import { clipToWidth } from '../../viz/pipeline/clipToWidth';
import { wrapToWidth } from '../../viz/pipeline/wrapToWidth';
import { seconds } from '../../viz/views/durationWords';

/** The room for text in a box (its width less the margins), in px of the drawing. */
export const TEXT_W = BOX_W - 10;
/** The first line's baseline, the step between 12 px lines, between 11 px status lines, and the room below the last. */
const TOP = 17;
const LINE = 16;
const STATUS_LINE = 14;
const BOTTOM = 8;

const tr = (key: string, options?: Record<string, unknown>) => i18n.t(`pipeline:${key}`, options);
const n = (v: number) => numberFormat().format(v);

/** Where a part runs, as its box says it ("on n2", "outside"). */
export function whereText(part: DrawnPart): string {
  return part.type === 'clients' ? tr('box.outside') : tr('box.on', { node: part.node ?? '?' });
}

export interface BoxLine {
  className: 'pipeline-id' | 'pipeline-kind' | 'pipeline-node' | 'pipeline-status';
  text: string;
  /** Its baseline, in px of the drawing from the box's top. */
  y: number;
}

/** A box's lines, their baselines one under the other. */
export function boxLines(part: DrawnPart, status: string | null): BoxLine[] {
  const lines: BoxLine[] = [{ className: 'pipeline-id', text: clipToWidth(part.id, TEXT_W, 12, true), y: TOP }];
  let y = TOP;
  for (const text of wrapToWidth(PART_CATALOGUE[part.type].label, TEXT_W, 12))
    lines.push({ className: 'pipeline-kind', text, y: (y += LINE) });
  for (const text of wrapToWidth(whereText(part), TEXT_W, 12))
    lines.push({ className: 'pipeline-node', text, y: (y += LINE) });
  if (status === null) return lines;
  y += 1;
  wrapToWidth(status, TEXT_W, 11).forEach((text, i) =>
    lines.push({ className: 'pipeline-status', text, y: (y += i === 0 ? LINE : STATUS_LINE) }),
  );
  return lines;
}

/**
 * Times at least as wide as the widest `seconds` says up to `ms` ("119.99 s", "12 min 59 s",
 * "2 h 59 min 59 s"; its digits are as wide as one another).
 */
function widestTimes(ms: number): string[] {
  const min = Math.floor(ms / 60_000);
  const h = Math.floor(ms / 3_600_000);
  return [
    seconds(Math.min(ms, 119_990)),
    ...(ms >= 120_000 ? [seconds(min * 60_000 + 59_000)] : []),
    ...(ms >= 3_600_000 ? [seconds(h * 3_600_000 + 59 * 60_000 + 59_000)] : []),
  ];
}

/** The statuses a box can show in this run (PipelineDiagram's boxStatus), the widest of each kind. */
export function widestStatuses(result: PipelineResult): string[] {
  const most = Math.max(
    result.summary.produced,
    ...result.timeline.held.map((held) => held.reduce((a, b) => Math.max(a, b), 0)),
  );
  // A box says when its part went down only in a run where one did.
  const downs = result.timeline.up.some((up) => up.includes(false)) || result.events.some((e) => e.type === 'partDown');
  return [
    tr('box.notInRun'),
    ...(downs ? [tr('box.down'), ...widestTimes(result.simulatedMs).map((time) => tr('box.downSince', { time }))] : []),
    tr('box.shows', { n: n(most) }),
    tr('box.showsAtLeast', { n: n(most) }),
    tr('box.lag', { n: n(most) }),
    tr('box.holds', { n: n(most) }),
  ];
}

/** How tall every box of `pipeline` is: BOX_H, or taller for the lines its parts and its run's statuses need. */
export function diagramBoxHeight(pipeline: DrawnPipeline, result: PipelineResult | null): number {
  const statuses = result ? widestStatuses(result) : [null];
  const lastLine = Math.max(0, ...pipeline.parts.flatMap((p) => statuses.map((s) => boxLines(p, s).at(-1)!.y)));
  return Math.max(BOX_H, lastLine + BOTTOM);
}
