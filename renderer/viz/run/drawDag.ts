/**
 * Draws the stage DAG into an SVG with d3, as Spark's UI draws a job: one box per stage listing
 * the RDD operations it pipelines (a dot each, linked in order, green when the RDD is cached), its task progress
 * at time t (done / running / total and a bar), shuffle dependencies as solid arrows and narrow
 * ones dashed, skipped stages greyed and labelled "skipped", a stage attempt that failed (a fetch
 * failure) named with what followed ("attempt 0 failed: fetch failure, resubmitted"). Boxes are focusable buttons: click,
 * Enter or Space selects a stage. Each box carries data-stage, data-state and data-running-tasks.
 */
import { select } from 'd3';
import type { RunView, StageProgress, StageView } from './runViewTypes';
import { OP_H, opLines, type DagLayout, type StageBox } from './dagLayout';
import { stageProgressAt } from './runStages';
import { i18n } from '../../i18n/i18n';
import { stageFailureText } from './fetchFailures';

interface Datum {
  stage: StageView;
  p: StageProgress;
  box: StageBox;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** The DAG's words, in the page's language (the panel draws again when the language changes). */
const say = (key: string, options?: Record<string, unknown>) => i18n.t(`run:view.dag.${key}`, options);
const opName = (o: { name: string; cached: boolean }) => (o.cached ? say('cached', { op: o.name }) : o.name);

export function stageTitle(s: StageView): string {
  if (s.stageId === null || s.stageId === undefined) return s.label;
  return say(s.skipped ? 'stageSkipped' : 'stage', { stage: s.stageId });
}

/** The stage's latest failed attempt known at t, in words ("attempt 0 failed: fetch failure, resubmitted"), or ''. */
export function stageFailureAt(s: StageView, t: number, short = false): string {
  const failed = (s.failures ?? []).filter((f) => f.at <= t);
  return failed.length > 0 ? stageFailureText(failed.at(-1)!, t, short) : '';
}

export function stageAriaLabel(s: StageView, p: StageProgress, t = Infinity): string {
  const ops = (s.ops ?? []).map(opName).join(', ');
  const what = ops ? ` (${ops})` : s.stageId !== null && s.stageId !== undefined ? ` ${s.label}` : '';
  const name = `${stageTitle(s)}${what}`;
  if (p.state === 'skipped') return say('ariaSkipped', { name });
  const failure = stageFailureAt(s, t);
  const state = say(`state.${p.state}`);
  const tasks = say('tasks', { count: p.total });
  return (
    say('aria', { name, state, done: p.done, tasks, running: p.running }) +
    (p.failed ? say('ariaFailed', { count: p.failed }) : '') +
    (failure ? say('ariaFailure', { failure }) : '')
  );
}

function countText(d: Datum): string {
  if (d.p.state === 'skipped') return say('reused');
  if (d.p.state === 'waiting') return say('waiting', { tasks: say('tasks', { count: d.p.total }) });
  return say('count', { done: d.p.done, total: d.p.total, running: d.p.running });
}

export function drawDag(
  svgEl: SVGSVGElement,
  view: RunView,
  stages: readonly StageView[],
  layout: DagLayout,
  t: number,
  selected: string | null,
  onSelect: (id: string) => void,
): void {
  const svg = select(svgEl).attr('viewBox', `0 0 ${layout.width} ${layout.height}`);
  let defs = svg.select<SVGDefsElement>('defs');
  if (defs.empty()) {
    defs = svg.append('defs');
    for (const kind of ['wide', 'narrow']) {
      defs
        .append('marker')
        .attr('id', `dag-arrow-${kind}`)
        .attr('viewBox', '0 0 10 10')
        .attr('refX', 9)
        .attr('refY', 5)
        .attr('markerUnits', 'userSpaceOnUse')
        .attr('markerWidth', 10)
        .attr('markerHeight', 10)
        .attr('orient', 'auto')
        .append('path')
        .attr('d', 'M0,0 L10,5 L0,10 z')
        .attr('class', `dag-arrowhead ${kind}`);
    }
  }
  const labelled = view.kind === 'mapreduce';
  // Dependencies on a skipped stage are drawn light: that output exists, nothing flows now.
  const skipped = new Set(stages.filter((x) => x.skipped).map((x) => x.id));
  svg
    .selectAll<SVGGElement, null>('g.dag-edges')
    .data([null])
    .join('g')
    .attr('class', 'dag-edges')
    .selectAll<SVGGElement, DagLayout['paths'][number]>('g.dag-edge')
    .data(layout.paths, (d) => `${d.edge.from}->${d.edge.to}`)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'dag-edge');
      g.append('path');
      g.append('text');
      return g;
    })
    .attr('class', (d) => `dag-edge ${d.edge.kind}${skipped.has(d.edge.from) ? ' from-skipped' : ''}`)
    .call((g) =>
      g
        .select('path')
        .attr('d', (d) => d.d)
        .attr('marker-end', (d) => `url(#dag-arrow-${d.edge.kind})`),
    )
    .call((g) =>
      g
        .select('text')
        .attr('x', (d) => d.labelX)
        .attr('y', (d) => d.labelY)
        .text((d) => (labelled ? d.edge.label : '')),
    );

  const data: Datum[] = stages.flatMap((stage) => {
    const box = layout.boxes.get(stage.id);
    return box ? [{ stage, p: stageProgressAt(stage, view.bars, t), box }] : [];
  });
  const nodes = svg
    .selectAll<SVGGElement, null>('g.dag-stages')
    .data([null])
    .join('g')
    .attr('class', 'dag-stages')
    .selectAll<SVGGElement, Datum>('g.dag-stage')
    .data(data, (d) => d.stage.id)
    .join((enter) => {
      const g = enter.append('g').attr('tabindex', 0).attr('role', 'button');
      g.append('rect').attr('class', 'box').attr('rx', 8);
      g.append('text').attr('class', 'title').attr('x', 10).attr('y', 18);
      g.each(function (d) {
        const ops = d.stage.ops ?? [];
        const host = select(this);
        if (d.stage.skipped) {
          const cached = ops.some((o) => o.cached);
          if (cached) host.append('circle').attr('class', 'op-dot cached').attr('cx', 14).attr('cy', 32).attr('r', 4);
          host
            .append('text')
            .attr('class', 'ops-line')
            .attr('x', cached ? 24 : 10)
            .attr('y', 36)
            .text(clip(ops.map((o) => o.name.split(' ')[0]).join(' → ') || d.stage.label, cached ? 32 : 34));
          return;
        }
        // Each operation on as many rows as its name needs (opLines), within the rows the layout gave.
        let row = 0;
        let shown = 0;
        let lastY = 0;
        for (const o of ops) {
          const lines = opLines(opName(o));
          // Whole operations only, in the rows the layout counted (opRows).
          if (row + lines.length > d.box.ops) break;
          const y = 30 + row * OP_H;
          // Spark's UI links each RDD to the next one it feeds inside the stage.
          if (shown > 0)
            host
              .append('line')
              .attr('class', 'op-edge')
              .attr('x1', 16)
              .attr('x2', 16)
              .attr('y1', lastY + 8)
              .attr('y2', y);
          host
            .append('circle')
            .attr('class', `op-dot${o.cached ? ' cached' : ''}`)
            .attr('cx', 16)
            .attr('cy', y + 4)
            .attr('r', 4);
          const text = host
            .append('text')
            .attr('class', 'op')
            .attr('x', 26)
            .attr('y', y + 8);
          lines.forEach((line, k) =>
            text
              .append('tspan')
              .attr('x', 26)
              .attr('dy', k === 0 ? 0 : OP_H)
              .text(line),
          );
          // The whole name on hover, whatever the rows show.
          text.append('title').text(opName(o));
          row += lines.length;
          lastY = y;
          shown++;
        }
        if (ops.length > shown)
          host
            .append('text')
            .attr('class', 'op more')
            .attr('x', 26)
            .attr('y', 30 + d.box.ops * OP_H)
            .text(say('more', { n: ops.length - shown }));
        const base = d.box.height - 34;
        if ((d.stage.failures?.length ?? 0) > 0)
          host
            .append('text')
            .attr('class', 'failure')
            .attr('x', 10)
            .attr('y', base - 4);
        host
          .append('text')
          .attr('class', 'count')
          .attr('x', 10)
          .attr('y', base + 10);
        host
          .append('rect')
          .attr('class', 'track')
          .attr('x', 10)
          .attr('y', base + 18)
          .attr('width', d.box.width - 20)
          .attr('height', 8)
          .attr('rx', 3);
        host
          .append('rect')
          .attr('class', 'done')
          .attr('x', 10)
          .attr('y', base + 18)
          .attr('height', 8)
          .attr('rx', 3);
        host
          .append('rect')
          .attr('class', 'running')
          .attr('y', base + 18)
          .attr('height', 8);
      });
      return g;
    })
    .attr('class', (d) => `dag-stage ${d.p.state}${d.stage.id === selected ? ' selected' : ''}`)
    .attr('transform', (d) => `translate(${d.box.x},${d.box.y})`)
    .attr('data-stage', (d) => String(d.stage.stageId ?? d.stage.id))
    .attr('data-state', (d) => d.p.state)
    .attr('data-running-tasks', (d) => d.p.running)
    .attr('data-ops', (d) => (d.stage.ops ?? []).map((o) => o.name.split(' ')[0]).join(','))
    .attr('data-failure', (d) => stageFailureAt(d.stage, t) || null)
    .attr('aria-label', (d) => stageAriaLabel(d.stage, d.p, t))
    .attr('aria-pressed', (d) => String(d.stage.id === selected))
    .on('click', (_e, d) => onSelect(d.stage.id))
    .on('keydown', (e: KeyboardEvent, d) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(d.stage.id);
      }
    });
  nodes
    .select('rect.box')
    .attr('width', (d) => d.box.width)
    .attr('height', (d) => d.box.height);
  nodes.select('text.title').text((d) => clip(stageTitle(d.stage), 34));
  const frac = (d: Datum, n: number) => (d.p.total > 0 ? (Math.min(n, d.p.total) / d.p.total) * (d.box.width - 20) : 0);
  nodes.select('text.count').text(countText);
  nodes.select('text.failure').text((d) => clip(stageFailureAt(d.stage, t, true), 40));
  nodes.select('rect.done').attr('width', (d) => frac(d, d.p.done));
  nodes
    .select('rect.running')
    .attr('x', (d) => 10 + frac(d, d.p.done))
    .attr('width', (d) => Math.max(0, Math.min(frac(d, d.p.running), d.box.width - 20 - frac(d, d.p.done))));
  svg.attr(
    'data-running-tasks',
    data.reduce((n, d) => n + d.p.running, 0),
  );
}
