/**
 * Figure 25.2, Stream Processing Pipeline: the analytics works on the data as it comes in,
 * before storage, and sees only the fragment that just arrived. Here ingest is the run's API,
 * Kafka and Flume parts, the analytics its Spark Streaming jobs, storage the store they write and
 * the display the dashboard reading it. Lit from a pipeline run (lambdaLights); areas the run has
 * no part for are dashed.
 */
import { tr } from '../../i18n/figureText';
import { lambdaAreas } from '../../viz/figures/lambdaLights';
import { missingAreas } from '../../viz/figures/pipelineSpans';
import { AreaBox } from './AreaBox';
import { Arrow, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

export function StreamPipelineFigure({ lit, t, run }: FigureProps) {
  const missing = run?.pipeline ? missingAreas(lambdaAreas('25.2', run.pipeline)) : new Set<string>();
  const box = (part: string, x: number, y: number, w: number, h: number, label: string, sub: string) => (
    <AreaBox part={part} x={x} y={y} w={w} h={h} label={label} sub={sub} missing={missing.has(part)} />
  );
  return (
    <FigureSvg id="25.2" width={300} height={130} lit={lit} t={t} description={tr('desc.25_2')}>
      {box('ingest', 4, 8, 86, 46, tr('w.ingest_'), tr('box.dataComesIn'))}
      <Arrow d="M90,31 L100,31" />
      {box('stream', 102, 8, 102, 46, tr('w.analytics'), 'Spark Streaming')}
      <Arrow d="M204,31 L214,31" />
      {box('storage', 216, 8, 80, 46, tr('w.storage'), tr('box.theResults'))}
      <Arrow d="M256,54 L256,76" />
      {box('display', 216, 78, 80, 46, tr('w.display_'), tr('box.dashboardLower'))}
      <Label x={8} y={86} anchor="start">
        {tr('w.analytics_before_storage')}
      </Label>
      <Label x={8} y={101} anchor="start">
        {tr('w.each_micro_batch_sees_only')}
      </Label>
      <Label x={8} y={116} anchor="start">
        {tr('w.the_events_that_just_came_in')}
      </Label>
    </FigureSvg>
  );
}
