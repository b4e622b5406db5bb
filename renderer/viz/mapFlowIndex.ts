/**
 * The transfers to draw at a playback instant: those moving at t (start <= t < end), plus those
 * that ended within the last `lingerMs` (so a transfer of a few simulated ms stays visible for a
 * moment of wall time at 64x), aggregated per pair of map endpoints (nodes, or racks when the map
 * summarises racks). Playing forward only adds and drops flows near t; going back rebuilds.
 */
import type { FlowScope } from './run/runViewTypes';
import type { MapFlow, MapFlowKind } from './mapFlows';

export interface FlowPair {
  /** `${from}>${to}` of the endpoints. */
  key: string;
  from: string;
  to: string;
  scope: FlowScope;
  /** Bytes per simulated second of the transfers moving at t (0 when only ended ones linger). */
  rate: number;
  /** Transfers moving at t. */
  active: number;
  /** 1 while something moves; fades to 0 over the linger window after the last one ended. */
  fade: number;
  kinds: MapFlowKind[];
}

const SCOPE_RANK: Record<FlowScope, number> = { local: 0, rack: 1, offRack: 2 };

export class MapFlowIndex {
  private cursor = 0;
  private live: number[] = [];
  private lastT = Number.NEGATIVE_INFINITY;
  private keep = 0;
  /** The highest bytes/s of one transfer (sizes line widths once for the run). */
  readonly peakRate: number;

  constructor(readonly flows: readonly MapFlow[]) {
    let peak = 0;
    for (const f of flows) if (f.end > f.start) peak = Math.max(peak, (f.bytes * 1000) / (f.end - f.start));
    this.peakRate = peak;
  }

  private firsts: Map<MapFlowKind, number> | null = null;

  /** When the first transfer of a kind starts (undefined: none in the run). */
  firstOf(kind: MapFlowKind): number | undefined {
    if (this.firsts === null) {
      this.firsts = new Map();
      for (const f of this.flows) if (!this.firsts.has(f.kind)) this.firsts.set(f.kind, f.start);
    }
    return this.firsts.get(kind);
  }

  /** Indices of the flows moving at t or ended within `lingerMs` before t. */
  visible(t: number, lingerMs: number): number[] {
    const flows = this.flows;
    if (t < this.lastT || lingerMs > this.keep) {
      this.keep = Math.max(lingerMs, this.keep);
      this.cursor = 0;
      this.live = [];
    }
    while (this.cursor < flows.length && flows[this.cursor]!.start <= t) this.live.push(this.cursor++);
    const keep = this.keep;
    this.live = this.live.filter((i) => flows[i]!.end + keep > t || flows[i]!.end > t);
    this.lastT = t;
    return this.live.filter((i) => flows[i]!.end > t || flows[i]!.end + lingerMs > t);
  }

  /** Flows moving at t: start <= t < end. */
  activeAt(t: number): MapFlow[] {
    return this.visible(t, 0)
      .map((i) => this.flows[i]!)
      .filter((f) => f.start <= t && t < f.end);
  }

  /** Visible flows summed per pair of endpoints (`endpoint` maps a node to what the map draws it as). */
  pairs(t: number, lingerMs: number, endpoint: (node: string) => string | null): FlowPair[] {
    const byKey = new Map<string, FlowPair>();
    for (const i of this.visible(t, lingerMs)) {
      const f = this.flows[i]!;
      const from = endpoint(f.from);
      const to = endpoint(f.to);
      if (from === null || to === null) continue;
      const key = `${from}>${to}`;
      let p = byKey.get(key);
      if (!p) {
        p = { key, from, to, scope: f.scope, rate: 0, active: 0, fade: 0, kinds: [] };
        byKey.set(key, p);
      }
      if (SCOPE_RANK[f.scope] > SCOPE_RANK[p.scope]) p.scope = f.scope;
      if (!p.kinds.includes(f.kind)) p.kinds.push(f.kind);
      if (f.start <= t && t < f.end) {
        p.active++;
        p.rate += (f.bytes * 1000) / (f.end - f.start);
        p.fade = 1;
      } else {
        const since = t - f.end;
        p.fade = Math.max(p.fade, lingerMs > 0 ? Math.max(0, 1 - since / lingerMs) : 0);
      }
    }
    return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
