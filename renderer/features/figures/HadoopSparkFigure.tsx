/**
 * Figure 20.4, Hadoop vs Spark capabilities: Hadoop has storage (HDFS), analytics (MapReduce)
 * and resource management (YARN); Spark is analytics, with a standalone resource manager that
 * is seldom used on Hadoop. Lit: the parts the run uses at the instant (Spark's standalone
 * manager only while executors it launched run: a job asks for it with spark.master).
 */
import { tr } from '../../i18n/figureText';
import { Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

const COL_X = [54, 136, 218];
const COL_W = 80;

export function HadoopSparkFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg id="20.4" width={300} height={150} lit={lit} t={t} description={tr('desc.20_4')}>
      <Label x={COL_X[0]! + COL_W / 2} y={14}>
        {tr('w.storage')}
      </Label>
      <Label x={COL_X[1]! + COL_W / 2} y={14}>
        {tr('w.analytics')}
      </Label>
      <Label x={COL_X[2]! + COL_W / 2} y={14}>
        {tr('w.resources')}
      </Label>
      <Label x={4} y={48} anchor="start">
        {tr('w.hadoop')}
      </Label>
      <Label x={4} y={100} anchor="start">
        {tr('w.spark')}
      </Label>
      <Box part="hdfs" x={COL_X[0]!} y={24} w={COL_W} h={42} label={tr('w.hdfs')} sub={tr('w.files')} />
      <Box part="mapreduce" x={COL_X[1]!} y={24} w={COL_W} h={42} label={tr('w.mapreduce')} tiny />
      <Box part="yarn" x={COL_X[2]!} y={24} w={COL_W} h={42} label={tr('w.yarn')} sub={tr('w.containers')} />
      <Label x={COL_X[0]! + COL_W / 2} y={100}>
        —
      </Label>
      <Box part="spark" x={COL_X[1]!} y={76} w={COL_W} h={42} label={tr('w.spark')} sub={tr('w.in_memory')} />
      <Box
        part="standalone"
        x={COL_X[2]!}
        y={76}
        w={COL_W}
        h={42}
        label={tr('w.standalone')}
        sub={tr('w.seldom_used')}
        tiny
      />
      <Label x={150} y={140}>
        {tr('w.hdfs_spark_or_mapreduce_yarn')}
      </Label>
    </FigureSvg>
  );
}
