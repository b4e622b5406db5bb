/**
 * Draws the stage DAG into an SVG with d3: one box per stage with its task progress at time t
 * (done / running / total and a bar), wide (shuffle) dependencies as solid arrows and narrow
 * ones dashed, skipped stages greyed and labelled. Boxes are focusable buttons: click, Enter
 * or Space selects a stage.
 */
import { select } from 'd3';
import type { RunView, StageProgress, StageView } from './runViewTypes';
import { STAGE_H, STAGE_W, type DagLayout } from './dagLayout';
import { stageProgressAt } from './runStages';
import { plural } from '../../../labs/plural';

interface Datum {
  stage: StageView;
  p: StageProgress;
  x: number;
  y: number;
}

export function stageAriaLabel(s: StageView, p: StageProgress): string {
  if (p.state === 'skipped') return `${s.label}: skipped, its shuffle output was reused`;
  return `${s.label}: ${p.state}, ${p.done} of ${plural(p.total, 'task')} done, ${p.running} running${p.failed ? `, ${plural(p.failed, 'failed or killed attempt')}` : ''}`;
}

export function drawDag(
  svgEl: SVGSVGElement,
  view: RunView,
  layout: DagLayout,
  t: number,
  selected: string | null,
  onSelect: (id: string) => void,
): void {
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height);
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
        .attr('markerWidth', 7)
        .attr('markerHeight', 7)
        .attr('orient', 'auto')
        .append('path')
        .attr('d', 'M0,0 L10,5 L0,10 z')
        .attr('class', `dag-arrowhead ${kind}`);
    }
  }
  const edgeLayer = svg.selectAll<SVGGElement, null>('g.dag-edges').data([null]).join('g').attr('class', 'dag-edges');
  edgeLayer
    .selectAll<SVGGElement, DagLayout['paths'][number]>('g.dag-edge')
    .data(layout.paths, (d) => `${d.edge.from}->${d.edge.to}`)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'dag-edge');
      g.append('path');
      g.append('text').attr('text-anchor', 'middle');
      return g;
    })
    .attr('class', (d) => `dag-edge ${d.edge.kind}`)
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
        .text((d) => d.edge.label),
    );

  const data: Datum[] = view.stages.flatMap((stage) => {
    const box = layout.boxes.get(stage.id);
    return box ? [{ stage, p: stageProgressAt(stage, view.bars, t), x: box.x, y: box.y }] : [];
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
      g.append('rect').attr('class', 'box').attr('width', STAGE_W).attr('height', STAGE_H).attr('rx', 8);
      g.append('text').attr('class', 'title').attr('x', 10).attr('y', 18);
      g.append('text').attr('class', 'count').attr('x', 10).attr('y', 38);
      g.append('rect')
        .attr('class', 'track')
        .attr('x', 10)
        .attr('y', 50)
        .attr('width', STAGE_W - 20)
        .attr('height', 8)
        .attr('rx', 3);
      g.append('rect').attr('class', 'done').attr('x', 10).attr('y', 50).attr('height', 8).attr('rx', 3);
      g.append('rect').attr('class', 'running').attr('y', 50).attr('height', 8);
      return g;
    })
    .attr('class', (d) => `dag-stage ${d.p.state}${d.stage.id === selected ? ' selected' : ''}`)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .attr('aria-label', (d) => stageAriaLabel(d.stage, d.p))
    .attr('aria-pressed', (d) => String(d.stage.id === selected))
    .on('click', (_e, d) => onSelect(d.stage.id))
    .on('keydown', (e: KeyboardEvent, d) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(d.stage.id);
      }
    });
  const frac = (d: Datum, n: number) => (d.p.total > 0 ? (Math.min(n, d.p.total) / d.p.total) * (STAGE_W - 20) : 0);
  nodes
    .select('text.title')
    .text((d) => (d.stage.label.length > 30 ? `${d.stage.label.slice(0, 29)}…` : d.stage.label));
  nodes
    .select('text.count')
    .text((d) =>
      d.p.state === 'skipped' ? 'skipped: output reused' : `${d.p.done}/${d.p.total} done, ${d.p.running} running`,
    );
  nodes.select('rect.done').attr('width', (d) => frac(d, d.p.done));
  nodes
    .select('rect.running')
    .attr('x', (d) => 10 + frac(d, d.p.done))
    .attr('width', (d) => Math.max(0, Math.min(frac(d, d.p.running), STAGE_W - 20 - frac(d, d.p.done))));
}
