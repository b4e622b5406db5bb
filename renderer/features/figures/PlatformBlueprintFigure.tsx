/**
 * Figure 24.1, Platfrom Blueprint (the cookbook's spelling): the four areas of a data platform.
 * Sources send data to the API services in the ingest area, which push it into a temporary store
 * (publish/subscribe); analytics consumes it in streams and takes chunks of the store in batches,
 * writing back; the store keeps everything; the display has direct access to the data. Lit from a
 * pipeline run (pipelineLights): each area while its parts work, a cross on an area with a part
 * down. Areas the run has no part for are dashed.
 */
import { tr } from '../../i18n/figureText';
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
    <FigureSvg id="24.1" width={300} height={244} lit={lit} t={t} description={tr('desc.24_1')}>
      <Box x={7} y={2} w={90} h={22} label={tr('w.sources')} tiny />
      <Arrow d="M52,24 L52,50" />
      <rect x={2} y={30} width={100} height={150} rx={6} className="fig-server" />
      <Label x={8} y={44} anchor="start">
        {tr('w.ingest_')}
      </Label>
      {area('ingest', 7, 52, 90, 40, 'API', tr('box.services'))}
      <Arrow d="M52,92 L52,114" />
      {area('buffer', 7, 116, 90, 54, tr('box.buffer'), tr('box.temporaryStore'))}
      <rect x={108} y={30} width={96} height={150} rx={6} className="fig-server" />
      <Label x={114} y={44} anchor="start">
        {tr('w.analyse_')}
      </Label>
      <Arrow d="M97,132 L111,84" />
      {area('stream', 113, 52, 86, 40, 'Stream', tr('box.liveData'))}
      {area('batch', 113, 116, 86, 54, 'Batch', tr('box.bigChunks'))}
      <rect x={210} y={30} width={88} height={150} rx={6} className="fig-server" />
      <Label x={216} y={44} anchor="start">
        {tr('w.display_')}
      </Label>
      <Arrow d="M199,72 L213,92" />
      {area('display', 215, 76, 78, 56, tr('w.display_'), tr('box.uiApis'))}
      <Arrow d="M52,170 L52,194" dashed />
      <Arrow d="M140,170 L140,194" />
      <Arrow d="M172,194 L172,172" />
      <Arrow d="M254,194 L254,134" />
      {area('store', 2, 196, 296, 44, tr('box.storeTitle'), tr('box.keepEverything'))}
    </FigureSvg>
  );
}
