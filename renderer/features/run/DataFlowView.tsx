/**
 * Bytes moved between nodes during the shuffle up to time t, as a node × node matrix (canvas),
 * with totals: shuffle bytes on the same node, same rack and across racks, and HDFS input read
 * from a local replica versus over the network. The largest flows are also listed as text.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useRef } from 'react';
import type { RunView } from '../../viz/run/runViewTypes';
import { flowMatrixAt } from '../../viz/run/runFlows';
import { drawFlowMatrix, type FlowColours } from '../../viz/run/drawFlow';
import { formatBytes } from '../../viz/run/format';
import { percent } from '../../i18n/numberFormat';

function colours(el: Element): FlowColours {
  const css = getComputedStyle(el);
  const v = (n: string, f: string) => css.getPropertyValue(n).trim() || f;
  return {
    text: v('--text', '#16202c'),
    muted: v('--muted', '#4f5f73'),
    border: v('--border', '#cdd6e1'),
    local: v('--flow-local', '#137a4b'),
    rack: v('--flow-rack', '#0b6bcb'),
    offRack: v('--flow-offrack', '#c2410c'),
  };
}

function Share({
  label,
  a,
  b,
  aLabel,
  bLabel,
}: {
  label: string;
  a: number;
  b: number;
  aLabel: string;
  bLabel: string;
}) {
  const total = a + b;
  const pct = total > 0 ? Math.round((a / total) * 100) : 0;
  return (
    <div className="run-share">
      <div className="run-share-head">
        <strong>{label}</strong> <span className="muted">{formatBytes(total)}</span>
      </div>
      <div className="run-share-bar" aria-hidden="true" style={total > 0 ? undefined : { background: 'var(--border)' }}>
        <div className="a" style={{ width: `${pct}%` }} />
      </div>
      <div className="run-share-legend">
        <span className="a">
          {aLabel} {formatBytes(a)} ({percent(pct)})
        </span>
        <span className="b">
          {bLabel} {formatBytes(b)} ({percent(total > 0 ? 100 - pct : 0)})
        </span>
      </div>
    </div>
  );
}

export function DataFlowView({ view, t }: { view: RunView; t: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const matrix = useMemo(() => flowMatrixAt(view.flows, view.nodes, t), [view, t]);
  const { t: text } = useTranslation('run');
  useEffect(() => {
    if (canvasRef.current)
      drawFlowMatrix(canvasRef.current, matrix, view.nodes, colours(canvasRef.current), formatBytes);
  }, [matrix, view]);
  const top = useMemo(() => {
    const out: { from: string; to: string; bytes: number; scope: string }[] = [];
    const n = matrix.n;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const bytes = matrix.bytes[i * n + j]!;
        if (bytes > 0)
          out.push({
            from: view.nodes[i]!.id,
            to: view.nodes[j]!.id,
            bytes,
            scope:
              i === j
                ? text('flow.sameNode')
                : view.nodes[i]!.rack === view.nodes[j]!.rack
                  ? text('flow.sameRack')
                  : text('flow.otherRack'),
          });
      }
    return out.sort((a, b) => b.bytes - a.bytes || a.from.localeCompare(b.from)).slice(0, 8);
  }, [matrix, view, text]);
  const remote = matrix.rack + matrix.offRack;
  return (
    <div className="run-flow">
      <div className="run-flow-totals">
        <Share
          label={text('flow.shuffleSoFar')}
          a={matrix.local}
          b={remote}
          aLabel={text('flow.sameNode')}
          bLabel={text('flow.network')}
        />
        <p className="muted run-note">
          {text('flow.overNetwork', { rack: formatBytes(matrix.rack), offRack: formatBytes(matrix.offRack) })}
        </p>
        <Share
          label={text('flow.input')}
          a={view.totals.readLocal}
          b={view.totals.readRemote}
          aLabel={text('flow.localReplica')}
          bLabel={text('flow.remoteReplica')}
        />
        {view.flowsEstimated && view.flows.length > 0 && <p className="muted run-note">{text('flow.estimated')}</p>}
        {top.length > 0 && (
          <table className="grid run-top-flows" aria-label={text('flow.largest')}>
            <thead>
              <tr>
                <th scope="col">{text('flow.from')}</th>
                <th scope="col">{text('flow.to')}</th>
                <th scope="col">{text('flow.where')}</th>
                <th scope="col" className="num">
                  {text('flow.bytes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((f) => (
                <tr key={`${f.from}-${f.to}`}>
                  <td>{f.from}</td>
                  <td>{f.to}</td>
                  <td>{f.scope}</td>
                  <td className="num">{formatBytes(f.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <figure className="run-flow-figure">
        <canvas
          ref={canvasRef}
          role="img"
          data-testid="run-flow"
          aria-label={text('flow.matrix', { local: formatBytes(matrix.local), remote: formatBytes(remote) })}
        />
        <figcaption className="legend run-legend">
          <span style={{ ['--swatch' as string]: 'var(--flow-local)' }}>{text('flow.diagonal')}</span>
          <span style={{ ['--swatch' as string]: 'var(--flow-rack)' }}>{text('flow.sameRack')}</span>
          <span style={{ ['--swatch' as string]: 'var(--flow-offrack)' }}>{text('flow.otherRack')}</span>
          <span className="muted">{text('flow.key')}</span>
        </figcaption>
        {matrix.max === 0 && <p className="muted">{text('flow.none')}</p>}
      </figure>
    </div>
  );
}
