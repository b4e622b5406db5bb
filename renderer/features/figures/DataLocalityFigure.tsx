/**
 * Figure 20.5, Spark Using Hadoop Data Locality: Spark executors run on the machines where HDFS
 * DataNodes run, so a task reads its block from the disk of its own machine (NODE_LOCAL) instead
 * of over the network (RACK_LOCAL, ANY); a cached partition is read from the executor's own
 * memory (PROCESS_LOCAL). Lit while the run's tasks read that way.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

const SERVER_X = [4, 104, 204];
const SERVER_W = 92;

export function DataLocalityFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg id="20.5" width={300} height={196} lit={lit} t={t} description={tr('desc.20_5')}>
      {SERVER_X.map((x, i) => (
        <g key={x}>
          <rect x={x} y={4} width={SERVER_W} height={148} rx={6} className="fig-server" />
          <Label x={x + SERVER_W / 2} y={18}>
            {tr('server', { n: i + 1 })}
          </Label>
          <Box
            part="executors"
            x={x + 6}
            y={26}
            w={SERVER_W - 12}
            h={40}
            label={tr('w.executor')}
            sub={tr('w.spark')}
          />
          {i === 0 && <Box part="memory" x={x + 4} y={72} w={42} h={20} label={tr('w.cache')} small />}
          <Arrow part="local" d={`M${x + SERVER_W / 2 + 8},106 L${x + SERVER_W / 2 + 8},68`} />
          <Box
            part="blocks"
            x={x + 6}
            y={108}
            w={SERVER_W - 12}
            h={38}
            label={tr('w.datanode')}
            sub={tr('w.hdfs_blocks')}
          />
        </g>
      ))}
      <Arrow part="remote" d="M40,146 C60,184 240,184 258,68" dashed />
      <Label x={150} y={190}>
        {tr('w.solid_local_read_dashed_network')}
      </Label>
    </FigureSvg>
  );
}
