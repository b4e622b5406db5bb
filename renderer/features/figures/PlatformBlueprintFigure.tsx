/**
 * Figure 24.1, Platfrom Blueprint (the cookbook's spelling): the four areas of a data platform.
 * Sources send data to the API services in the ingest area, which push it into a temporary store
 * (publish/subscribe); analytics consumes it in streams and takes chunks of the store in batches,
 * writing back; the store keeps everything; the display has direct access to the data. Lit from a
 * pipeline run (pipelineLights): each area while its parts work, a cross on an area with a part
 * down. Areas the run has no part for are dashed.
 */
import type { PartType } from '../../../engine/pipeline';
import { Arrow, Box, DownMark, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

const USED_BY: Record<string, readonly PartType[]> = {
  ingest: ['api', 'flume'],
  buffer: ['kafka'],
  stream: ['spark-streaming'],
  batch: ['spark-batch'],
  store: ['hdfs', 'hbase', 'rdbms'],
  display: ['dashboard'],
};

export function PlatformBlueprintFigure({ lit, t, run }: FigureProps) {
  const types = run?.pipeline ? new Set(run.pipeline.result.parts.map((p) => p.type)) : null;
  const unused = (area: string) => types !== null && !USED_BY[area]!.some((type) => types.has(type));
  const area = (part: string, x: number, y: number, w: number, h: number, label: string, sub: string) => (
    <>
      <Box part={part} x={x} y={y} w={w} h={h} label={label} sub={sub} unused={unused(part)} small />
      <DownMark part={`down:${part}`} x={x} y={y} w={w} h={h} />
    </>
  );
  return (
    <FigureSvg
      id="24.1"
      width={300}
      height={222}
      lit={lit}
      t={t}
      description="The blueprint splits a data platform into four areas: ingest, analyse, store and display. Sources send their data to the API services in the ingest area, which push it into a temporary store, a publish/subscribe buffer such as Kafka. Analytics consumes the buffer as streams and takes big chunks of the store as batches, and writes its results back to the store. The store keeps everything. The display has direct access to the data in the store. Each area is a module with loose interfaces, so any of its parts can be swapped."
    >
      <Box x={2} y={46} w={42} h={40} label="Sources" tiny />
      <Arrow d="M44,66 L60,50" />
      <rect x={52} y={2} width={88} height={150} rx={6} className="fig-server" />
      <Label x={96} y={15}>
        Ingest
      </Label>
      {area('ingest', 58, 22, 76, 40, 'API', 'services')}
      <Arrow d="M96,62 L96,84" />
      {area('buffer', 58, 86, 76, 54, 'Buffer', 'temporary store')}
      <rect x={146} y={2} width={82} height={150} rx={6} className="fig-server" />
      <Label x={187} y={15}>
        Analyse
      </Label>
      <Arrow d="M134,104 L150,50" />
      {area('stream', 152, 22, 70, 40, 'Stream', 'live data')}
      {area('batch', 152, 86, 70, 54, 'Batch', 'big chunks')}
      <rect x={234} y={2} width={64} height={150} rx={6} className="fig-server" />
      <Label x={266} y={15}>
        Display
      </Label>
      {area('display', 238, 46, 56, 56, 'Display', 'UI, APIs')}
      <Arrow d="M222,42 L236,60" />
      <Arrow d="M187,62 L187,84" dashed />
      <Arrow d="M170,140 L170,166" />
      <Arrow d="M204,166 L204,142" />
      <Arrow d="M266,166 L266,104" />
      <Arrow d="M96,140 L96,166" dashed />
      {area('store', 52, 168, 246, 44, 'Store', 'big data storage: keep everything')}
    </FigureSvg>
  );
}
