/**
 * Figure 13.3, Scaling out a SQL Database: up to eight SQL servers attached to one storage area
 * network. During the ETL the run's servers are lit, answering read-only; during the refresh the
 * first one is attached read-write and loads the day's rows while the others are detached.
 * Servers a run does not use are dashed.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';
import { MAX_SAN_SERVERS } from '../../../engine/server';

const W = 33;
const xOf = (i: number) => 5 + i * 37;

export function ScaleOutFigure({ lit, t, run }: FigureProps) {
  const platform = run?.server?.nights[0]?.run.platform;
  const used = platform?.kind === 'san' ? platform.servers : MAX_SAN_SERVERS;
  const refreshing = lit.has('readwrite');
  return (
    <FigureSvg id="13.3" width={300} height={206} lit={lit} t={t} description={tr('desc.13_3')}>
      <text x={4} y={12} className="fig-note">
        {tr('w.days_new_rows')}
      </text>
      <Arrow part="readwrite" d="M22,16 L22,30" />
      {Array.from({ length: MAX_SAN_SERVERS }, (_, i) => {
        const on = lit.has(`server:${i}`);
        const detached = refreshing && i > 0 && i < used;
        return (
          <g key={i}>
            <Box
              x={xOf(i)}
              y={32}
              w={W}
              h={40}
              label={tr('w.sql')}
              sub={String(i + 1)}
              on={on}
              unused={i >= used || detached}
              tiny
            />
            <Arrow
              on={on}
              d={`M${xOf(i) + W / 2},74 L${xOf(i) + W / 2},${detached || i >= used ? 84 : 106}`}
              dashed={!on}
            />
          </g>
        );
      })}
      <Box
        part="san"
        x={5}
        y={108}
        w={292}
        h={36}
        label={tr('w.san')}
        sub={tr('w.storage_area_network_one_shared_database')}
      />
      <Box part="readonly" x={5} y={158} w={92} h={28} label={tr('w.read_only')} small />
      <Box part="detached" x={105} y={158} w={92} h={28} label={tr('w.detached')} small />
      <Box part="readwrite" x={205} y={158} w={92} h={28} label={tr('w.read_write')} small />
      <Label x={150} y={200}>
        {platform?.kind === 'san' ? tr('thisRun', { n: used }) : tr('upToEight')}
      </Label>
    </FigureSvg>
  );
}
