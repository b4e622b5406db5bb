/**
 * Figure 13.2, Scaling up a SQL Database: the same server with better parts, faster disks for
 * the extract, more memory to cache rows, more powerful processors for the transform, a faster
 * network for the load. The part that bounds the running phase is lit; below, the run's parts.
 */
import { tr } from '../../i18n/figureText';
import { CPUS, DISKS, NICS } from '../../../engine/server';
import { Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';
import type { ServerRunReport } from '../../../labs/labTypes';

/** The run's parts in two short lines (the platform is the same every night of a run). */
export function partsLines(report: ServerRunReport | undefined): [string, string] {
  const p = report?.nights[0]?.run.platform;
  if (!p) return [tr('box.runToSee1'), tr('box.runToSee2')];
  const s = p.server;
  const storage = s.disk === null ? tr('box.theSan') : `${s.disks} × ${DISKS[s.disk].name}`;
  const who =
    p.kind === 'single'
      ? tr('box.thisRun')
      : p.kind === 'san'
        ? tr('box.eachServer', { n: p.servers })
        : tr('box.eachNode', { n: p.nodes });
  return [`${who}: ${storage}`, `${s.ramGB} GB, ${CPUS[s.cpu].name.replace(/ \(.*\)$/, '')}, ${NICS[s.network].name}`];
}

export function ScaleUpFigure({ lit, t, run }: FigureProps) {
  return (
    <FigureSvg id="13.2" width={300} height={196} lit={lit} t={t} description={tr('desc.13_2')}>
      <rect x={2} y={2} width={296} height={150} rx={8} className="fig-server" />
      <Label x={150} y={17}>
        {tr('w.one_sql_server_scaled_up')}
      </Label>
      <Box part="disk" x={10} y={26} w={136} h={54} label={tr('w.disks')} sub={tr('w.faster_extract')} />
      <Box part="memory" x={154} y={26} w={136} h={54} label={tr('w.ram')} sub={tr('w.more_row_cache')} />
      <Box part="cpu" x={10} y={90} w={136} h={54} label={tr('w.cpu')} sub={tr('w.faster_transform')} />
      <Box part="network" x={154} y={90} w={136} h={54} label={tr('w.network')} sub={tr('w.faster_load')} />
      {partsLines(run?.server).map((line, i) => (
        <Label key={i} x={150} y={170 + i * 16}>
          {line}
        </Label>
      ))}
    </FigureSvg>
  );
}
