/**
 * Figure 20.6, Spark Resource Management With YARN: the Spark driver asks YARN's
 * ResourceManager for containers, NodeManagers on the workers launch them, and Spark's
 * executors run in those containers and run the driver's tasks. Lit: the driver while the
 * program runs, the ResourceManager until the containers it granted are launched, the
 * NodeManagers' containers while they run, the executors while they run tasks.
 */
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

const NM_X = [4, 104, 204];

export function SparkYarnFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg
      id="20.6"
      width={300}
      height={200}
      lit={lit}
      t={t}
      description="The Spark driver, which runs the program, asks YARN's ResourceManager for containers. The ResourceManager grants them on the worker machines, where NodeManagers launch them. A Spark executor runs in each container, and the driver sends its tasks to the executors. One resource manager, YARN, shares the machines between Spark and Hadoop's other jobs."
    >
      <Box part="driver" x={4} y={6} w={120} h={44} label="Spark driver" sub="SparkContext" />
      <Box part="resourcemanager" x={176} y={6} w={120} h={44} label="ResourceManager" sub="YARN" />
      <Arrow part="resourcemanager" d="M124,22 L174,22" />
      <Label x={150} y={16}>ask</Label>
      {NM_X.map((x) => (
        <g key={x}>
          <Arrow part="resourcemanager" d={`M236,50 L${x + 46},94`} />
          <rect x={x} y={96} width={92} height={84} rx={6} className="fig-server" />
          <Box part="nodemanagers" x={x + 4} y={100} w={84} h={28} label="NodeManager" small />
          <Box part="executors" x={x + 8} y={134} w={76} h={40} label="executor" sub="container" />
          <Arrow part="executors" d={`M40,50 C40,70 ${x + 30},110 ${x + 30},132`} dashed />
        </g>
      ))}
      <Label x={150} y={196}>
        dashed: the driver&apos;s tasks to its executors
      </Label>
    </FigureSvg>
  );
}
