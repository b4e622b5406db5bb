/**
 * Figure 19.1, HDFS Master and Data Nodes: the NameNode (the master) keeps the namespace and
 * where every block's replicas are; DataNodes on the worker machines hold the replicas and send
 * heartbeats. Lit: the namespace, the replicas, a DataNode down, the NameNode re-replicating, a
 * block being copied and, after that, the copy in place.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label, useLitSet } from './FigureSvg';
import type { FigureProps } from './figureProps';

const DN_X = [2, 78, 154, 230];
const DN_Y = 118;
const DN_W = 68;
const DN_H = 48;
/** Three replicas per block over four DataNodes; DataNode 3 is the one drawn going down, DataNode 4 gets its B3 back. */
const CHIPS = [
  ['B1', 'B2', 'B3'],
  ['B1', 'B3', 'B4'],
  ['B2', 'B3', 'B4'],
  ['B1', 'B2', 'B4'],
];

function Chip({ x, label, state }: { x: number; label: string; state: string }) {
  return (
    <g className={`fig-chip ${state}`}>
      <rect x={x} y={DN_Y + 24} width={16} height={18} rx={3} />
      <text x={x + 8} y={DN_Y + 36.5} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

function DataNode({ i }: { i: number }) {
  const lit = useLitSet();
  const down = lit.has('down') && i === 2;
  const stored = lit.has('datanodes');
  const x = DN_X[i]!;
  const chipState = down ? 'down' : stored ? 'live lit' : 'live';
  const extra = i === 3 ? (lit.has('copying') ? 'copying' : lit.has('restored') ? 'copied lit' : null) : null;
  return (
    <g data-part={i === 2 ? 'down' : undefined}>
      <rect
        x={x}
        y={DN_Y}
        width={DN_W}
        height={DN_H}
        rx={5}
        className={`fig-dn${stored && !down ? ' lit' : ''}${down ? ' down' : ''}`}
      />
      <text x={x + DN_W / 2} y={DN_Y + 16} textAnchor="middle" className="fig-label tiny">
        {tr('w.datanode')}
      </text>
      {CHIPS[i]!.map((c, k) => (
        <Chip key={c} x={x + 1 + k * 16.6} label={c} state={chipState} />
      ))}
      {extra && <Chip x={x + 1 + 3 * 16.6} label={tr('w.b3')} state={extra} />}
      {down && (
        <path
          className="fig-down"
          d={`M${x + 4},${DN_Y + 4} L${x + DN_W - 4},${DN_Y + DN_H - 4} M${x + DN_W - 4},${DN_Y + 4} L${x + 4},${DN_Y + DN_H - 4}`}
        />
      )}
    </g>
  );
}

export function HdfsArchitectureFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg id="19.1" width={300} height={214} lit={lit} t={t} description={tr('desc.19_1')}>
      <Box
        part="namespace"
        x={40}
        y={4}
        w={176}
        h={46}
        label={tr('w.namenode_master')}
        sub={tr('w.files_blocks_datanodes')}
      />
      <Arrow part="repair" d="M216,27 L224,27" />
      <Box part="repair" x={226} y={14} w={72} h={26} label={tr('w.repair')} small />
      {DN_X.map((x) => (
        <Arrow key={x} d={`M${x + DN_W / 2},${DN_Y - 2} L${128 + (x + DN_W / 2 - 150) * 0.5},${53}`} dashed />
      ))}
      <Label x={150} y={92} halo>
        {tr('w.heartbeats_block_reports')}
      </Label>
      {DN_X.map((_, i) => (
        <DataNode key={i} i={i} />
      ))}
      <Arrow
        part="copying"
        d={`M${DN_X[1]! + 24},${DN_Y + DN_H + 2} C${DN_X[1]! + 30},${DN_Y + 76} ${DN_X[3]! + 50},${DN_Y + 76} ${DN_X[3]! + 54},${DN_Y + DN_H + 3}`}
      />
      <Label x={150} y={208}>
        {tr('w.b1_b4_one_files_blocks_3_replicas_each')}
      </Label>
    </FigureSvg>
  );
}
