/**
 * Figure 19.2, Distribution of Blocks for a 512MB File, drawn from the run: the file cut into
 * its blocks (HDFS's names and sizes), and every DataNode of the cluster, rack by rack, with the
 * replicas it holds at the playback instant (down while its node is down, dashed while being
 * copied). Before a run: the lab's file, 512 MB as four 128 MB blocks of three replicas, on an
 * example of four DataNodes in two racks, unlit.
 */
import { numberFormat } from '../../i18n/numberFormat';
import { tr } from '../../i18n/figureText';
import { seconds } from '../../viz/views/durationWords';
import { Box, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';
import { blockMapAt, type BlockMap } from '../../viz/figures/blockMapAt';
import { blockPart } from '../../viz/figures/blockLights';

const MB = 2 ** 20;
const W = 300;
/** More blocks than this are drawn as one bar. */
const MAX_BLOCKS = 12;

/** The cookbook's picture: four 128 MB blocks, three replicas each, one rack holding one and the other two. */
const EXAMPLE: BlockMap = {
  path: '/data/big.bin',
  bytes: 512 * MB,
  replication: 3,
  blocks: [
    ['dn1', 'dn3', 'dn4'],
    ['dn3', 'dn1', 'dn2'],
    ['dn2', 'dn3', 'dn4'],
    ['dn4', 'dn1', 'dn2'],
  ].map((nodes, index) => ({
    id: 1073741825 + index,
    index,
    bytes: 128 * MB,
    replicas: nodes.map((node) => ({ node, state: 'live' as const })),
  })),
};
const EXAMPLE_NODES = [
  { id: 'dn1', rack: 'rack A' },
  { id: 'dn2', rack: 'rack A' },
  { id: 'dn3', rack: 'rack B' },
  { id: 'dn4', rack: 'rack B' },
];

const size = (bytes: number) =>
  bytes >= 1024 * MB
    ? `${numberFormat({ maximumFractionDigits: 1 }).format(bytes / (1024 * MB))} GB`
    : `${numberFormat({ maximumFractionDigits: bytes < 10 * MB ? 1 : 0 }).format(bytes / MB)} MB`;

export function BlockDistributionFigure({ run, t, lit }: FigureProps) {
  const live = run && t !== null ? blockMapAt(run.trace, t) : null;
  const map = live ?? EXAMPLE;
  const nodes = live && run && run.nodes.length > 0 ? run.nodes : EXAMPLE_NODES;
  const racks = [...new Set(nodes.map((n) => n.rack))];
  const perRack = racks.map((r) => nodes.filter((n) => n.rack === r));
  const rows = Math.max(...perRack.map((r) => r.length));
  const colW = (W - 8) / racks.length;
  const rowH = 22;
  const top = 74;
  const height = top + 16 + rows * rowH + 22;
  const n = map.blocks.length;
  const blockW = n > 0 ? (W - 16) / Math.max(1, map.bytes) : 0;
  const label = (i: number) => `B${i + 1}`;
  // Each block as wide as its share of the file (a short last block is narrower), at least 18 wide.
  const widths = map.blocks.map((b) => Math.max(18, b.bytes * blockW));
  const scale = Math.min(1, (W - 16) / widths.reduce((a, b) => a + b, 0));
  const starts: number[] = [];
  widths.forEach((w, i) => {
    widths[i] = w * scale;
    starts.push(i === 0 ? 8 : starts[i - 1]! + widths[i - 1]!);
  });
  const replica = (r: { node: string; state: string }) =>
    r.state === 'live' || r.state === 'copied' ? r.node : tr(`blocks19.${r.state}`, { node: r.node });
  const description =
    tr('blocks19.stored', {
      path: map.path,
      size: size(map.bytes),
      count: n,
      of: n > 0 ? tr('blocks19.of', { size: size(map.blocks[0]!.bytes) }) : '',
      replication: map.replication,
    }) +
    (live
      ? tr('blocks19.now', {
          blocks: map.blocks
            .map((b) =>
              tr('blocks19.block', { n: b.index + 1, id: b.id, replicas: b.replicas.map(replica).join(', ') }),
            )
            .join('; '),
        })
      : tr('blocks19.example'));
  return (
    <FigureSvg id="19.2" width={W} height={height} lit={lit} t={t} description={description}>
      <Label x={8} y={14} anchor="start">
        {map.path} · {size(map.bytes)} · {map.replication} {tr('w.replicas')}
      </Label>
      {n > MAX_BLOCKS ? (
        <Box
          part={blockPart(0)}
          x={8}
          y={22}
          w={W - 16}
          h={34}
          label={tr('blocks', { n })}
          sub={tr('of', { size: size(map.blocks[0]!.bytes) })}
        />
      ) : (
        map.blocks.map((b, i) => (
          <Box
            key={b.id}
            part={blockPart(b.index)}
            x={starts[i]!}
            y={22}
            w={widths[i]! - 2}
            h={34}
            label={label(b.index)}
            sub={widths[i]! > 54 ? size(b.bytes) : undefined}
            small={widths[i]! <= 54}
          />
        ))
      )}
      {!live && (
        <Label x={8} y={68} anchor="start">
          {tr('w.an_example_run_the_step_to_see_the_real_')}
        </Label>
      )}
      {live && (
        <Label x={8} y={68} anchor="start">
          {/* The time as the HDFS lab's checks say it ("at 60.00 s"), not "60.0 s" beside them. */}
          {tr('w.datanodes_at', { time: seconds(t ?? 0) })}
        </Label>
      )}
      {perRack.map((rackNodes, ri) => {
        const cx = 4 + ri * colW;
        return (
          <g key={racks[ri]}>
            <Label x={cx + colW / 2} y={top + 10}>
              {racks[ri]}
            </Label>
            {rackNodes.map((node, k) => {
              const y = top + 16 + k * rowH;
              const held = map.blocks.flatMap((b) =>
                b.replicas.filter((r) => r.node === node.id).map((r) => ({ b, r })),
              );
              const down = held.some((h) => h.r.state === 'down');
              const maxChips = Math.floor((colW - 44) / 22);
              return (
                <g key={node.id} className={`fig-node${down ? ' down' : ''}`}>
                  <rect x={cx + 2} y={y} width={colW - 6} height={rowH - 3} rx={4} className="fig-node-bg" />
                  <text x={cx + 7} y={y + 13} className="fig-sub node-id">
                    {node.id}
                  </text>
                  {held.slice(0, maxChips).map(({ b, r }, c) => (
                    <g
                      key={b.id}
                      className={`fig-chip ${r.state}${live ? ' lit' : ''}`}
                      data-block={b.index}
                      data-state={r.state}
                    >
                      <rect x={cx + 38 + c * 22} y={y + 3} width={20} height={rowH - 9} rx={3} />
                      <text x={cx + 48 + c * 22} y={y + 13} textAnchor="middle">
                        {label(b.index)}
                      </text>
                    </g>
                  ))}
                  {held.length > maxChips && (
                    <text x={cx + colW - 8} y={y + 13} textAnchor="end" className="fig-sub">
                      +{held.length - maxChips}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
      <Label x={8} y={height - 6} anchor="start">
        {live ? tr('blockLive') : tr('blockWaiting')}
      </Label>
    </FigureSvg>
  );
}
