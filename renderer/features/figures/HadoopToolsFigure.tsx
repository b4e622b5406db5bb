/**
 * Figure 15.2, Connections between tools: the blueprint's stages filled by the Hadoop ecosystem.
 * Kafka ingests, HDFS stores, Spark analyses (consuming from Kafka, reading and writing HDFS) and
 * writes its results into HBase, the back end of the display; YARN manages resources and
 * ZooKeeper configures Kafka and HBase underneath (not simulated here: drawn dashed). Lit from a
 * pipeline run (pipelineLights); the display only when it reads HBase.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, DownMark, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

export function HadoopToolsFigure({ lit, t }: FigureProps) {
  const tool = (part: string, x: number, y: number, w: number, h: number, label: string, sub: string) => (
    <>
      <Box part={part} x={x} y={y} w={w} h={h} label={label} sub={sub} />
      <DownMark part={`down:${part}`} x={x} y={y} w={w} h={h} />
    </>
  );
  return (
    <FigureSvg id="15.2" width={300} height={216} lit={lit} t={t} description={tr('desc.15_2')}>
      <Label x={40} y={12}>
        {tr('w.ingest')}
      </Label>
      <Label x={150} y={12}>
        {tr('w.analyse')}
      </Label>
      <Label x={260} y={12}>
        {tr('w.display')}
      </Label>
      {tool('kafka', 4, 18, 72, 42, 'Kafka', tr('box.messages'))}
      <Arrow d="M76,39 L106,39" />
      {tool('spark', 108, 18, 84, 42, 'Spark', tr('box.analytics'))}
      <Arrow d="M192,39 L222,39" />
      {tool('hbase', 224, 18, 72, 42, 'HBase', tr('box.results'))}
      <Arrow d="M260,60 L260,82" />
      {tool('display', 224, 84, 72, 42, tr('w.display_'), tr('box.frontEnd'))}
      <Arrow d="M40,60 L106,100" />
      <Arrow d="M140,60 L140,82" />
      <Arrow d="M160,82 L160,62" />
      {tool('hdfs', 108, 84, 84, 42, 'HDFS', tr('box.store'))}
      <Box x={4} y={138} w={292} h={34} label={tr('w.yarn')} sub={tr('w.resource_management')} unused small />
      <Box
        x={4}
        y={178}
        w={292}
        h={34}
        label={tr('w.zookeeper')}
        sub={tr('w.configuration_for_kafka_and_hbase')}
        unused
        small
      />
    </FigureSvg>
  );
}
