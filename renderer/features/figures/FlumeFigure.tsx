/**
 * Figure 15.3, Flume Integration: a Flume agent between Kafka and HDFS, moving messages without a
 * program of one's own: its Kafka source consumes the topic, its channel holds the events, its
 * HDFS sink writes them into files, readable once closed; Flume can use YARN's resource
 * management (not simulated here: dashed). Lit from a pipeline run (pipelineLights), with the
 * files the agent has closed so far.
 */
import { Arrow, Box, DownMark, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';
import { flumeFilesAt } from '../../viz/figures/pipelineLights';

export function FlumeFigure({ lit, t, run }: FigureProps) {
  const closed = run?.pipeline && t !== null ? flumeFilesAt(run.pipeline, t) : null;
  const flume = lit.has('flume');
  return (
    <FigureSvg
      id="15.3"
      width={300}
      height={200}
      lit={lit}
      t={t}
      description="A Flume agent stores data from Kafka into HDFS without a program of one's own. The agent's Kafka source consumes the messages of a Kafka topic, its channel holds them, and its HDFS sink writes them into files in HDFS; a file becomes readable once the sink closes it. Flume can use Hadoop's YARN resource manager."
    >
      <Box part="kafka" x={4} y={48} w={60} h={50} label="Kafka" sub="topic" />
      <DownMark part="down:kafka" x={4} y={48} w={60} h={50} />
      <rect x={76} y={4} width={146} height={150} rx={6} className="fig-server" />
      <Label x={149} y={17}>
        Flume agent
      </Label>
      <DownMark part="down:flume" x={76} y={4} w={146} h={150} />
      <Arrow on={flume} d="M64,66 L84,44" />
      <Box part="flume" x={86} y={26} w={126} h={30} label="Kafka source" small />
      <Arrow on={flume} d="M149,56 L149,70" />
      <Box part="channel" x={86} y={72} w={126} h={30} label="channel" small />
      <Arrow on={flume} d="M149,102 L149,116" />
      <Box part="flume" x={86} y={118} w={126} h={30} label="HDFS sink" small />
      <Arrow on={flume} d="M212,133 L234,84" />
      <Box part="hdfs" x={236} y={48} w={60} h={50} label="HDFS" sub="open files" />
      <DownMark part="down:hdfs" x={236} y={48} w={60} h={50} />
      <Box
        part="closed"
        x={236}
        y={106}
        w={60}
        h={48}
        label="closed"
        sub={closed ? `${closed.files} file${closed.files === 1 ? '' : 's'}` : 'readable'}
        small
      />
      <Box x={4} y={166} w={292} h={28} label="YARN: Flume can use its resource management" unused small />
    </FigureSvg>
  );
}
