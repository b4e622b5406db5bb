/**
 * Figure 19.1, HDFS Master and Data Nodes: the NameNode (the master) keeps the namespace and
 * where every block's replicas are; DataNodes on the worker machines hold the replicas and send
 * heartbeats. Lit: the namespace, the replicas, a DataNode down, the NameNode re-replicating and
 * a block being copied.
 */
import { Arrow, Box, FigureSvg, Label, useLit } from './FigureSvg';
import type { FigureProps } from './figureProps';

const DN_X = [8, 80, 152, 224];
const DN_Y = 122;
const DN_W = 68;
/** Three replicas per block over four DataNodes, one of them (DataNode 3) the one that goes down. */
const CHIPS = [
  ['B1', 'B2', 'B3'],
  ['B1', 'B3', 'B4'],
  ['B2', 'B3', 'B4'],
  ['B1', 'B2', 'B4'],
];

function DataNode({ i }: { i: number }) {
  const down = useLit('down') && i === 2;
  const stored = useLit('datanodes');
  const copying = useLit('copying') && i === 3;
  const x = DN_X[i]!;
  return (
    <g>
      <Box x={x} y={DN_Y} w={DN_W} h={58} label={`DataNode ${i + 1}`} on={stored && !down} />
      {CHIPS[i]!.map((c, k) => (
        <g key={c} className={`fig-chip${stored && !down ? ' lit' : ''}`}>
          <rect x={x + 5 + k * 20} y={DN_Y + 36} width={18} height={14} rx={3} />
          <text x={x + 14 + k * 20} y={DN_Y + 46} textAnchor="middle">
            {c}
          </text>
        </g>
      ))}
      {copying && (
        <g className="fig-chip copying">
          <rect x={x + 5 + 3 * 20 - 22} y={DN_Y - 2} width={22} height={14} rx={3} />
          <text x={x + 5 + 3 * 20 - 11} y={DN_Y + 8} textAnchor="middle">
            +B
          </text>
        </g>
      )}
      {i === 2 && down && (
        <g className="fig-down" data-part="down">
          <path d={`M${x + 4},${DN_Y + 4} L${x + DN_W - 4},${DN_Y + 54} M${x + DN_W - 4},${DN_Y + 4} L${x + 4},${DN_Y + 54}`} />
        </g>
      )}
    </g>
  );
}

export function HdfsArchitectureFigure({ lit, t }: FigureProps) {
  return (
    <FigureSvg
      id="19.1"
      width={300}
      height={206}
      lit={lit}
      t={t}
      description="The NameNode, the master, keeps the file system's namespace: every file, its blocks and which DataNodes hold each block's replicas. Four DataNodes on the worker machines hold the blocks, each block on three of them, and report to the NameNode with heartbeats. When a DataNode goes down, the NameNode has other DataNodes copy its blocks so that each has three replicas again."
    >
      <Box part="namespace" x={60} y={6} w={180} h={44} label="NameNode (master)" sub="namespace: files → blocks → DataNodes" />
      <Box part="repair" x={96} y={56} w={108} h={20} label="re-replicate" small />
      {DN_X.map((x, i) => (
        <Arrow key={x} d={`M${x + DN_W / 2},${DN_Y - 2} L${x + DN_W / 2 + (150 - x - DN_W / 2) * 0.55},${80}`} dashed />
      ))}
      <Label x={150} y={96}>
        heartbeats and block reports
      </Label>
      {DN_X.map((_, i) => (
        <DataNode key={i} i={i} />
      ))}
      <Arrow part="copying" d={`M${DN_X[1]! + 50},${DN_Y + 62} C${DN_X[1]! + 60},${DN_Y + 84} ${DN_X[3]! + 20},${DN_Y + 84} ${DN_X[3]! + 30},${DN_Y + 62}`} />
      <Label x={8} y={202} anchor="start">
        B1–B4: a file&apos;s blocks, three replicas each
      </Label>
    </FigureSvg>
  );
}
