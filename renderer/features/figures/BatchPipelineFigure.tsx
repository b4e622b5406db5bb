/**
 * Figure 25.1, Batch Processing Pipeline: data comes in and is stored; batch analytics loads it
 * from storage and creates an output, the insight. Here ingest is the run's API, Kafka and Flume
 * parts, storage its HDFS, the analytics its Spark batch jobs, and the output the store they
 * write and the dashboard reading it. Lit from a pipeline run (lambdaLights); areas the run has
 * no part for are dashed.
 */
import { tr } from '../../i18n/figureText';
import { lambdaAreas } from '../../viz/figures/lambdaLights';
import { missingAreas } from '../../viz/figures/pipelineSpans';
import { AreaBox } from './AreaBox';
import { Arrow, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

export function BatchPipelineFigure({ lit, t, run }: FigureProps) {
  const missing = run?.pipeline ? missingAreas(lambdaAreas('25.1', run.pipeline)) : new Set<string>();
  const box = (part: string, x: number, y: number, w: number, h: number, label: string, sub: string) => (
    <AreaBox part={part} x={x} y={y} w={w} h={h} label={label} sub={sub} missing={missing.has(part)} />
  );
  return (
    <FigureSvg id="25.1" width={300} height={168} lit={lit} t={t} description={tr('desc.25_1')}>
      {box('ingest', 4, 8, 88, 46, tr('w.ingest_'), tr('box.dataComesIn'))}
      <Arrow d="M92,31 L104,31" />
      {box('storage', 106, 8, 88, 46, tr('w.storage'), 'HDFS')}
      <Arrow d="M194,31 L206,31" />
      {box('batch', 208, 8, 88, 46, tr('w.analytics'), tr('box.sparkBatch'))}
      <rect x={4} y={66} width={292} height={98} rx={6} className="fig-server" />
      <Label x={10} y={80} anchor="start">
        {tr('w.output_the_insight')}
      </Label>
      <Arrow d="M252,54 L252,90" />
      {box('serving', 190, 92, 100, 50, tr('box.servingStore'), tr('box.batchView'))}
      <Arrow d="M190,117 L134,117" />
      {box('insight', 10, 92, 122, 50, tr('box.dashboard'), tr('box.showsResult'))}
      <Label x={150} y={158}>
        {tr('w.as_new_as_the_latest_batch_run')}
      </Label>
    </FigureSvg>
  );
}
