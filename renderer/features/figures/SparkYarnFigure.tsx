/**
 * Figure 20.6, Spark Resource Management With YARN: the Spark driver asks YARN's
 * ResourceManager for containers, NodeManagers on the workers launch them, and Spark's
 * executors run in those containers and run the driver's tasks. Lit: the driver while the
 * program runs, the ResourceManager until the containers it granted are launched, the
 * NodeManagers' containers while they run, the executors while they run tasks.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

const NM_X = [16, 111, 206];
const NM_W = 94;
const BUS_Y = 188;

export function SparkYarnFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg id="20.6" width={316} height={214} lit={lit} t={t} description={tr('desc.20_6')}>
      <Box part="driver" x={4} y={6} w={104} h={44} label={tr('w.spark_driver')} sub={tr('w.sparkcontext')} />
      <Box part="resourcemanager" x={174} y={6} w={138} h={44} label={tr('w.resourcemanager')} sub={tr('w.yarn')} />
      {/* The gap between the two boxes holds the arrow's word in every language (German "anfragen"). */}
      <Arrow part="resourcemanager" d="M108,28 L172,28" />
      <Label x={140} y={20}>
        {tr('w.ask')}
      </Label>
      {NM_X.map((x) => (
        <g key={x}>
          <Arrow part="resourcemanager" d={`M243,50 L${x + NM_W / 2},90`} />
          <rect x={x} y={92} width={NM_W} height={86} rx={6} className="fig-server" />
          <Box part="nodemanagers" x={x + 1} y={96} w={NM_W - 2} h={28} label={tr('w.nodemanager')} tiny />
          <Box
            part="executors"
            x={x + 8}
            y={132}
            w={NM_W - 16}
            h={40}
            label={tr('w.executor')}
            sub={tr('w.container')}
          />
          <Arrow part="executors" d={`M${x + NM_W / 2},${BUS_Y} L${x + NM_W / 2},174`} dashed />
        </g>
      ))}
      <Arrow part="executors" d={`M4,50 L4,${BUS_Y} L${NM_X[2]! + NM_W / 2},${BUS_Y}`} dashed />
      <Label x={158} y={208}>
        {tr('w.dashed_the_drivers_tasks_to_executors')}
      </Label>
    </FigureSvg>
  );
}
