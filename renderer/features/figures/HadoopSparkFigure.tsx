/**
 * Figure 20.4, Hadoop vs Spark capabilities: Hadoop has storage (HDFS), analytics (MapReduce)
 * and resource management (YARN); Spark is analytics, with a standalone resource manager that
 * is seldom used on Hadoop. Lit: the parts the run uses at the instant (ClusterLab runs Spark on
 * YARN, so Spark's standalone manager is drawn dashed and never lights).
 */
import { Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

const COL_X = [54, 136, 218];
const COL_W = 80;

export function HadoopSparkFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg
      id="20.4"
      width={300}
      height={150}
      lit={lit}
      t={t}
      description="A table of capabilities. Hadoop: storage with the Hadoop Distributed File System (HDFS), analytics with MapReduce, resource management with YARN. Spark: no storage, analytics with Spark, resource management with Spark's standalone manager. Used together, HDFS stores the data, Spark or MapReduce analyses it and YARN manages the resources; this is how ClusterLab runs them, so Spark's standalone manager is not used."
    >
      <Label x={COL_X[0]! + COL_W / 2} y={14}>
        Storage
      </Label>
      <Label x={COL_X[1]! + COL_W / 2} y={14}>
        Analytics
      </Label>
      <Label x={COL_X[2]! + COL_W / 2} y={14}>
        Resources
      </Label>
      <Label x={4} y={48} anchor="start">
        Hadoop
      </Label>
      <Label x={4} y={100} anchor="start">
        Spark
      </Label>
      <Box part="hdfs" x={COL_X[0]!} y={24} w={COL_W} h={42} label="HDFS" sub="files" />
      <Box part="mapreduce" x={COL_X[1]!} y={24} w={COL_W} h={42} label="MapReduce" tiny />
      <Box part="yarn" x={COL_X[2]!} y={24} w={COL_W} h={42} label="YARN" sub="containers" />
      <Label x={COL_X[0]! + COL_W / 2} y={100}>
        —
      </Label>
      <Box part="spark" x={COL_X[1]!} y={76} w={COL_W} h={42} label="Spark" sub="in memory" />
      <Box x={COL_X[2]!} y={76} w={COL_W} h={42} label="standalone" sub="not used" unused tiny />
      <Label x={150} y={140}>
        HDFS + Spark (or MapReduce) + YARN
      </Label>
    </FigureSvg>
  );
}
