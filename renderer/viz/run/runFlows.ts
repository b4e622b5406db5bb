/**
 * Shuffle bytes moved between nodes. When the trace has shuffle fetch events (`shuffleFetched`:
 * from, to, bytes) they are used as they are. Otherwise the flows are estimated from where tasks ran: every
 * successful consumer attempt of a shuffle fetches from the nodes of the producing stage's
 * successful attempts, weighted by the consumer's shuffle time, and the result is scaled so the
 * same-node and cross-node totals equal the engine's measured shuffleBytesLocal / Remote.
 */
import type { JobRunReport } from '../../../engine/api';
import type { Bar, Flow, FlowScope, StageEdge, StageView } from './runViewTypes';

export function flowScope(from: string, to: string, rackOf: ReadonlyMap<string, string>): FlowScope {
  if (from === to) return 'local';
  const a = rackOf.get(from);
  return a !== undefined && a === rackOf.get(to) ? 'rack' : 'offRack';
}

export function deriveFlows(
  report: JobRunReport,
  bars: readonly Bar[],
  nodes: readonly { id: string; rack: string }[],
  stages: readonly StageView[],
  edges: readonly StageEdge[],
): { flows: Flow[]; estimated: boolean } {
  const rackOf = new Map(nodes.map((n) => [n.id, n.rack]));
  const real: Flow[] = [];
  for (const e of report.trace) {
    if (e.type !== 'shuffleFetched') continue;
    real.push({ t: e.t, from: e.from, to: e.to, bytes: e.bytes, scope: flowScope(e.from, e.to, rackOf) });
  }
  if (real.length > 0) return { flows: real.sort((a, b) => a.t - b.t), estimated: false };
  return { flows: estimateFlows(report, bars, rackOf, stages, edges), estimated: true };
}

function succeededByTask(stage: StageView, bars: readonly Bar[]): Bar[] {
  const byTask = new Map<string, Bar>();
  for (const i of stage.bars) {
    const b = bars[i]!;
    if (b.status === 'succeeded') byTask.set(b.task, b);
  }
  return [...byTask.values()];
}

function estimateFlows(
  report: JobRunReport,
  bars: readonly Bar[],
  rackOf: Map<string, string>,
  stages: readonly StageView[],
  edges: readonly StageEdge[],
): Flow[] {
  const byId = new Map(stages.map((s) => [s.id, s]));
  const raw = new Map<string, Flow>();
  for (const edge of edges) {
    if (edge.kind !== 'wide') continue;
    const producer = byId.get(edge.from);
    const consumer = byId.get(edge.to);
    if (!producer || !consumer || producer.skipped) continue;
    const sources = succeededByTask(producer, bars);
    const sinks = succeededByTask(consumer, bars);
    if (sources.length === 0) continue;
    const perNode = new Map<string, number>();
    for (const p of sources) perNode.set(p.node, (perNode.get(p.node) ?? 0) + 1);
    for (const c of sinks) {
      const shuffle = c.phases.find((p) => p.phase === 'shuffle');
      const weight = shuffle ? shuffle.end - shuffle.start : 1;
      const at = shuffle ? shuffle.end : c.start;
      for (const [from, count] of perNode) {
        const key = `${at}|${from}|${c.node}`;
        const flow = raw.get(key) ?? { t: at, from, to: c.node, bytes: 0, scope: flowScope(from, c.node, rackOf) };
        flow.bytes += (weight * count) / sources.length;
        raw.set(key, flow);
      }
    }
  }
  const flows = [...raw.values()];
  const local = report.metrics?.shuffleBytesLocal ?? 0;
  const remote = report.metrics?.shuffleBytesRemote ?? 0;
  const sumLocal = flows.filter((f) => f.scope === 'local').reduce((s, f) => s + f.bytes, 0);
  const sumRemote = flows.filter((f) => f.scope !== 'local').reduce((s, f) => s + f.bytes, 0);
  for (const f of flows) {
    if (f.scope === 'local') f.bytes = sumLocal > 0 ? (f.bytes / sumLocal) * local : 0;
    else f.bytes = sumRemote > 0 ? (f.bytes / sumRemote) * remote : 0;
  }
  return flows
    .filter((f) => f.bytes > 0)
    .sort((a, b) => a.t - b.t || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export interface FlowMatrix {
  /** bytes[from * n + to], node indices as in RunView.nodes. */
  bytes: Float64Array;
  n: number;
  max: number;
  local: number;
  rack: number;
  offRack: number;
}

/** Bytes moved between each pair of nodes up to time t (flows are sorted by t). */
export function flowMatrixAt(flows: readonly Flow[], nodes: readonly { id: string }[], t: number): FlowMatrix {
  const n = nodes.length;
  const at = new Map(nodes.map((node, i) => [node.id, i]));
  const bytes = new Float64Array(n * n);
  const out: FlowMatrix = { bytes, n, max: 0, local: 0, rack: 0, offRack: 0 };
  for (const f of flows) {
    if (f.t > t) break;
    const i = at.get(f.from);
    const j = at.get(f.to);
    if (i === undefined || j === undefined) continue;
    bytes[i * n + j] = bytes[i * n + j]! + f.bytes;
    const cell = bytes[i * n + j]!;
    if (cell > out.max) out.max = cell;
    if (f.scope === 'local') out.local += f.bytes;
    else if (f.scope === 'rack') out.rack += f.bytes;
    else out.offRack += f.bytes;
  }
  return out;
}
