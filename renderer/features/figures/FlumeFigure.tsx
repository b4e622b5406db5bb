/**
 * Figure 15.3, Flume Integration: a Flume agent between Kafka and HDFS, moving messages without a
 * program of one's own: its Kafka source consumes the topic, its channel holds the events, its
 * HDFS sink writes them into files, readable once closed; Flume can use YARN's resource
 * management (not simulated here: dashed). Lit from a pipeline run (pipelineLights), with the
 * files the agent has closed so far.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, DownMark, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';
import { flumeFilesAt } from '../../viz/figures/pipelineLights';

export function FlumeFigure({ lit, t, run }: FigureProps) {
  const closed = run?.pipeline && t !== null ? flumeFilesAt(run.pipeline, t) : null;
  const flume = lit.has('flume');
  return (
    <FigureSvg id="15.3" width={300} height={200} lit={lit} t={t} description={tr('desc.15_3')}>
      <Box part="kafka" x={4} y={48} w={56} h={50} label={tr('w.kafka')} sub={tr('w.topic')} />
      <DownMark part="down:kafka" x={4} y={48} w={56} h={50} />
      <rect x={66} y={4} width={150} height={150} rx={6} className="fig-server" />
      <Label x={141} y={17}>
        {tr('w.flume_agent')}
      </Label>
      <DownMark part="down:flume" x={66} y={4} w={150} h={150} />
      <Arrow on={flume} d="M60,66 L74,44" />
      <Box part="flume" x={76} y={26} w={130} h={30} label={tr('w.kafka_source')} small />
      <Arrow on={flume} d="M141,56 L141,70" />
      <Box part="channel" x={76} y={72} w={130} h={30} label={tr('w.channel')} small />
      <Arrow on={flume} d="M141,102 L141,116" />
      <Box part="flume" x={76} y={118} w={130} h={30} label={tr('w.hdfs_sink')} small />
      <Arrow on={flume} d="M206,133 L222,84" />
      <Box part="hdfs" x={224} y={48} w={72} h={50} label={tr('w.hdfs')} sub={tr('w.open_files')} />
      <DownMark part="down:hdfs" x={224} y={48} w={72} h={50} />
      <Box
        part="closed"
        x={224}
        y={106}
        w={72}
        h={48}
        label={tr('w.closed')}
        sub={closed ? tr('box.files', { count: closed.files }) : tr('box.readable')}
        small
      />
      <Box
        x={4}
        y={162}
        w={292}
        h={34}
        label={tr('w.yarn')}
        sub={tr('w.flume_can_use_its_resource_management')}
        unused
        small
      />
    </FigureSvg>
  );
}
