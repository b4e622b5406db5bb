/**
 * Figure 19.1, HDFS Master and Data Nodes: the NameNode (the master) keeps the namespace and
 * where every block's replicas are; DataNodes on the worker machines hold the replicas and send
 * heartbeats. Lit: the namespace, the replicas, a DataNode down, the NameNode re-replicating, a
 * block being copied and, once the repair is over, every lost replica back in place.
 */
import { tr } from '../../i18n/figureText';
import { Arrow, Box, FigureSvg, Label, useLitSet } from './FigureSvg';
import type { FigureProps } from './figureProps';

const DN_X = [1, 76.5, 152, 227.5];
const DN_Y = 118;
const DN_W = 71.5;
const DN_H = 48;
/** The NameNode's box, wide enough for its German line; the repair box fills the rest of the width. */
const NN_X = 14;
const NN_W = 188;
/** Three replicas per block over four DataNodes; DataNode 3 is the one drawn going down. */
const CHIPS = [
  ['B1', 'B2', 'B3'],
  ['B1', 'B3', 'B4'],
  ['B2', 'B3', 'B4'],
  ['B1', 'B2', 'B4'],
];
/**
 * Where the repair puts back DataNode 3's three replicas (B2, B3, B4), each on a DataNode that
 * lacks that block: all three, as the run restores every lost replica, not one.
 */
const RESTORED: readonly (string | null)[] = ['B4', 'B2', null, 'B3'];
const CHIP_W = 15;
const chipX = (x: number, k: number) => x + 3 + k * (CHIP_W + 2);

function Chip({ x, label, state }: { x: number; label: string; state: string }) {
  return (
    <g className={`fig-chip ${state}`}>
      <rect x={x} y={DN_Y + 24} width={CHIP_W} height={18} rx={3} />
      <text x={x + CHIP_W / 2} y={DN_Y + 36.5} textAnchor="middle">
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
  // Dashed while the NameNode repairs (copies in flight or still to come), in place once all are back.
  const restoring = lit.has('restored') ? 'copied lit' : lit.has('copying') || lit.has('repair') ? 'copying' : null;
  const extra = RESTORED[i] ? restoring : null;
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
        <Chip key={c} x={chipX(x, k)} label={c} state={chipState} />
      ))}
      {extra && <Chip x={chipX(x, 3)} label={RESTORED[i]!} state={extra} />}
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
        x={NN_X}
        y={4}
        w={NN_W}
        h={46}
        label={tr('w.namenode_master')}
        sub={tr('w.files_blocks_datanodes')}
      />
      <Arrow part="repair" d={`M${NN_X + NN_W},27 L${NN_X + NN_W + 8},27`} />
      <Box part="repair" x={NN_X + NN_W + 10} y={14} w={298 - NN_X - NN_W - 10} h={26} label={tr('w.repair')} small />
      {DN_X.map((x) => (
        <Arrow
          key={x}
          d={`M${x + DN_W / 2},${DN_Y - 2} L${NN_X + NN_W / 2 + (x + DN_W / 2 - 150) * 0.5},${53}`}
          dashed
        />
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
