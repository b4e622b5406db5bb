/**
 * The transfers to draw at a playback instant: those moving at t (start <= t < end), plus those
 * that ended within the last `lingerMs` of simulated time (the run's `lingerMs`, a fixed share of
 * its transfers' span, so a short transfer stays visible for a moment of playback, and the
 * picture at an instant is the same paused or playing, at any speed), aggregated per pair of map
 * endpoints (nodes, or racks when the map summarises racks). The legend says how many of those
 * just ended (`justEnded`). Playing forward only adds and drops flows near t; going back rebuilds.
 */

/** How long an ended transfer stays drawn, fading: this share of the simulated span of the run's transfers. */
export const FLOW_LINGER_SHARE = 0.04;
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
  /** Flows moving at lastT (start <= lastT < end). */
  private live: number[] = [];
  /** Per node pair `${from}>${to}`: the latest end among its flows ended by lastT, and that flow. */
  private lastEnded = new Map<string, number>();
  private lastT = Number.NEGATIVE_INFINITY;
  private firsts: Map<MapFlowKind, number> | null = null;
  /** Pair keys by their endpoints (see pairKey). */
  private readonly keys = new Map<string, Map<string, string>>();
  /** The highest bytes/s of one transfer (sizes line widths once for the run). */
  readonly peakRate: number;
  /** Simulated ms an ended transfer stays drawn, fading (FLOW_LINGER_SHARE of the transfers' span). */
  readonly lingerMs: number;
  /** The transfers' ends, ascending (justEnded counts them by binary search). */
  private readonly ends: Float64Array;

  constructor(readonly flows: readonly MapFlow[]) {
    let peak = 0;
    for (const f of flows) if (f.end > f.start) peak = Math.max(peak, (f.bytes * 1000) / (f.end - f.start));
    this.peakRate = peak;
    this.ends = Float64Array.from(flows, (f) => f.end).sort();
    const first = flows.reduce((m, f) => Math.min(m, f.start), Number.POSITIVE_INFINITY);
    const last = this.ends.length > 0 ? this.ends[this.ends.length - 1]! : first;
    this.lingerMs = flows.length > 0 ? Math.max(1, (last - first) * FLOW_LINGER_SHARE) : 0;
  }

  /** How many transfers ended within the linger window before t (t - lingerMs < end <= t): the ones drawn fading. */
  justEnded(t: number, lingerMs: number = this.lingerMs): number {
    if (lingerMs <= 0) return 0;
    return this.endsUpTo(t) - this.endsUpTo(t - lingerMs);
  }

  /** How many transfers ended at or before t. */
  private endsUpTo(t: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** When the first transfer of a kind starts (undefined: none in the run). */
  firstOf(kind: MapFlowKind): number | undefined {
    if (this.firsts === null) {
      this.firsts = new Map();
      for (const f of this.flows) if (!this.firsts.has(f.kind)) this.firsts.set(f.kind, f.start);
    }
    return this.firsts.get(kind);
  }

  /**
   * Brings the sweep to t: flows that started join the live set, those that ended leave it and
   * note their end on their pair. Forward playback touches only flows near t; going back rebuilds.
   */
  private advance(t: number): void {
    if (t === this.lastT) return;
    const flows = this.flows;
    if (t < this.lastT) {
      this.cursor = 0;
      this.live = [];
      this.lastEnded.clear();
    }
    const ended = (i: number) => {
      const f = flows[i]!;
      const key = `${f.from}>${f.to}`;
      const prev = this.lastEnded.get(key);
      if (prev === undefined || flows[prev]!.end < f.end) this.lastEnded.set(key, i);
    };
    let kept = 0;
    for (const i of this.live) {
      if (flows[i]!.end > t) this.live[kept++] = i;
      else ended(i);
    }
    this.live.length = kept;
    while (this.cursor < flows.length && flows[this.cursor]!.start <= t) {
      const i = this.cursor++;
      if (flows[i]!.end > t) this.live.push(i);
      else ended(i);
    }
    this.lastT = t;
  }

  /** Flows moving at t: start <= t < end. */
  activeAt(t: number): MapFlow[] {
    this.advance(t);
    return this.live.map((i) => this.flows[i]!);
  }

  /** Moving flows summed per pair of endpoints (`endpoint` maps a node to what the map draws it as), and pairs whose last transfer ended within `lingerMs`, fading. */
  pairs(t: number, lingerMs: number, endpoint: (node: string) => string | null): FlowPair[] {
    this.advance(t);
    const byKey = new Map<string, FlowPair>();
    const pairOf = (i: number): FlowPair | null => {
      const f = this.flows[i]!;
      const from = endpoint(f.from);
      const to = endpoint(f.to);
      if (from === null || to === null) return null;
      const key = this.pairKey(from, to);
      let p = byKey.get(key);
      if (!p) {
        p = { key, from, to, scope: f.scope, rate: 0, active: 0, fade: 0, kinds: [] };
        byKey.set(key, p);
      }
      if (SCOPE_RANK[f.scope] > SCOPE_RANK[p.scope]) p.scope = f.scope;
      if (!p.kinds.includes(f.kind)) p.kinds.push(f.kind);
      return p;
    };
    for (const i of this.live) {
      const f = this.flows[i]!;
      const p = pairOf(i);
      if (!p) continue;
      p.active++;
      p.rate += (f.bytes * 1000) / (f.end - f.start);
      p.fade = 1;
    }
    if (lingerMs > 0)
      for (const i of this.lastEnded.values()) {
        const f = this.flows[i]!;
        const since = t - f.end;
        if (since >= lingerMs) continue;
        const p = pairOf(i);
        if (p) p.fade = Math.max(p.fade, 1 - since / lingerMs);
      }
    return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The key of the pair `from`>`to`, made once per pair for the whole playback (not per frame). */
  private pairKey(from: string, to: string): string {
    let row = this.keys.get(from);
    if (!row) this.keys.set(from, (row = new Map()));
    let key = row.get(to);
    if (key === undefined) row.set(to, (key = `${from}>${to}`));
    return key;
  }
}
