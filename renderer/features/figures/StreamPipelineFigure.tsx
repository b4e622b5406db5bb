/**
 * Figure 25.2, Stream Processing Pipeline: the analytics works on the data as it comes in,
 * before storage, and sees only the fragment that just arrived. Here ingest is the run's API,
 * Kafka and Flume parts, the analytics its Spark Streaming jobs, storage the store they write and
 * the display the dashboard reading it. Lit from a pipeline run (lambdaLights); areas the run has
 * no part for are dashed.
 */
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
    <FigureSvg
      id="25.2"
      width={300}
      height={150}
      lit={lit}
      t={t}
      description="A stream processing pipeline: the analytics works on the data on the fly, as it comes in, before it is stored. It gives insight within seconds, but each step sees only the fragment of data that just arrived, not the big picture. Here the data comes in through the API and Kafka, a Spark Streaming job is the analytics, it writes its results into a store, and the dashboard displays them."
    >
      <Label x={4} y={12} anchor="start">
        events
      </Label>
      <Arrow d="M40,8 L48,8 L48,22" />
      {box('ingest', 4, 24, 88, 46, 'Ingest', 'data comes in')}
      <Arrow d="M92,47 L104,47" />
      {box('stream', 106, 24, 88, 46, 'Stream', 'Spark Streaming')}
      <Arrow d="M194,47 L206,47" />
      {box('storage', 208, 24, 88, 46, 'Storage', 'the results')}
      <Arrow d="M252,70 L252,92" />
      {box('display', 208, 94, 88, 46, 'Display', 'dashboard')}
      <Label x={10} y={100} anchor="start">
        Analytics before storage:
      </Label>
      <Label x={10} y={115} anchor="start">
        each micro-batch sees only
      </Label>
      <Label x={10} y={130} anchor="start">
        the events that just came in
      </Label>
    </FigureSvg>
  );
}
