/**
 * What every running part shares: its place (machine, index), whether it is up (its machine alive
 * and reachable, the part not stopped), an epoch that outdates the work of a crashed life, and the
 * way events move: `send` carries ids over the network and gets the receiver's reply, which says
 * which ids it refused (the sender keeps those, or hands the refusal up).
 */
import type { Kernel } from '../core';
import type { Cluster, ClusterNode, CostModel } from '../cluster';
import type { PipelineLedger } from './pipelineLedger';
import type { ResolvedPart } from './pipelineSpec';
import type { PipelineEvent } from './pipelineEvents';
import type { MlTracker } from './mlTracker';

/** Called once the receiver has taken responsibility for what it accepted; `refused` it did not take. */
export type Reply = (refused: number[]) => void;

/** The clients reach the cluster over the internet: a round trip's latency and a 100 Mbit/s line. */
export const CLIENT_LATENCY_MS = 20;
export const CLIENT_MBPS = 12.5;

export interface PipelineContext {
  kernel: Kernel;
  cluster: Cluster;
  cost: CostModel;
  ledger: PipelineLedger;
  parts: PartRuntime[];
  eventBytes: number;
  /** Models trained and served, drifts, the served predictions' errors. */
  ml: MlTracker;
  emit(event: PipelineEvent): void;
}

export abstract class PartRuntime {
  /** Incremented when the part goes down: work scheduled in an earlier life is dropped. */
  epoch = 0;
  private stopped = false;
  private wasUp = true;
  /** Simulated ms spent down, and since when it is down. */
  downMs = 0;
  private downSince = 0;
  /** Events taken in (each counted once, however often it comes again: a replay, a batch job's full re-read). */
  received = 0;
  /** Copies handed on (Kafka hands every event to each consumer group; a batch job re-delivers what it re-reads). */
  delivered = 0;
  /** Events refused to a sender (down, full) and copies dropped. */
  refused = 0;
  dropped = 0;
  /** Simulated ms of work begun (batches, requests, queries), each counted whole when it starts. */
  private busyBegun = 0;
  /** Work begun and not yet over: [start, end] in simulated ms (a turn at a time, or a few at once). */
  private busyOpen: [number, number][] = [];
  /** The most events it held at once. */
  maxHeld = 0;

  constructor(
    readonly spec: ResolvedPart,
    readonly ctx: PipelineContext,
  ) {}

  get index(): number {
    return this.spec.index;
  }
  get id(): string {
    return this.spec.id;
  }
  get node(): ClusterNode | null {
    return this.spec.node === null ? null : this.ctx.cluster.node(this.spec.node);
  }
  /** Its process runs: not stopped, its machine alive. A cut network does not stop it (`canReach` says who it can talk to). */
  get up(): boolean {
    const n = this.node;
    return !this.stopped && (n === null || n.alive);
  }
  num(key: string): number {
    return this.spec.settings[key] as number;
  }
  word(key: string): string {
    return this.spec.settings[key] as string;
  }
  downstream(): PartRuntime[] {
    return this.spec.feeds.map((i) => this.ctx.parts[i]!);
  }
  upstream(): PartRuntime[] {
    return this.spec.fedBy.map((i) => this.ctx.parts[i]!);
  }

  /** Schedules `work` after `ms`, unless the part went down meanwhile. */
  later(ms: number, work: () => void): void {
    const epoch = this.epoch;
    this.ctx.kernel.post(ms, () => {
      if (this.epoch === epoch && this.up) work();
    });
  }

  /** Starts its timers (triggers, refreshes, schedules). */
  start(): void {}

  /** Push input: take `ids` (or refuse some) and reply once responsible. By default refuses all. */
  accept(ids: number[], _from: PartRuntime, reply: Reply): void {
    reply(ids);
  }

  /** The events it holds (for the ledger's pending count at the end). */
  abstract forEachHeld(mark: (id: number) => void): void;
  abstract heldCount(): number;

  /** What a crash does to what it holds (memory is lost, disk kept). */
  protected onDown(): void {}
  protected onUp(): void {}

  stop(): void {
    this.stopped = true;
    this.refresh();
  }
  resume(): void {
    this.stopped = false;
    this.refresh();
  }

  /** Re-reads whether it is up after a node change, and goes down or up. */
  refresh(): void {
    const up = this.up;
    if (up === this.wasUp) return;
    this.wasUp = up;
    const t = this.ctx.kernel.now;
    if (!up) {
      this.epoch++;
      this.downSince = t;
      // The work it was doing is lost with its process: only what it did until now counts as busy.
      this.busyBegun = this.busyUntil(t);
      this.busyOpen = [];
      this.onDown();
      this.ctx.emit({ t, type: 'partDown', part: this.id });
    } else {
      this.downMs += t - this.downSince;
      this.onUp();
      this.ctx.emit({ t, type: 'partUp', part: this.id });
    }
  }

  /** Time down until now (for the report). */
  downUntil(t: number): number {
    return this.downMs + (this.wasUp ? 0 : t - this.downSince);
  }

  /** Work of `ms` simulated ms begins now (a slowed machine's turn may outlast the run). */
  addBusy(ms: number): void {
    const now = this.ctx.kernel.now;
    this.busyBegun += ms;
    if (this.busyOpen.length > 0) this.busyOpen = this.busyOpen.filter(([, end]) => end > now);
    this.busyOpen.push([now, now + ms]);
  }

  /** Simulated ms of work done by `t`: what work still running at `t` has not done yet is left out. */
  busyUntil(t: number): number {
    let ahead = 0;
    for (const [start, end] of this.busyOpen) if (end > t) ahead += end - Math.max(start, t);
    return this.busyBegun - ahead;
  }

  noteHeld(): void {
    const held = this.heldCount();
    if (held > this.maxHeld) this.maxHeld = held;
  }

  /** Network time for `bytes` from this part's machine (or the clients' line) to `to`'s. */
  networkMs(to: PartRuntime, bytes: number): number {
    const from = this.node;
    const dest = to.node!;
    if (from === null) return CLIENT_LATENCY_MS + (bytes / (CLIENT_MBPS * 1_048_576)) * 1000;
    return this.ctx.cost.networkMs(from, dest, bytes);
  }

  /** Whether this part can reach `to` now. */
  canReach(to: PartRuntime): boolean {
    if (!to.up) return false;
    const from = this.node;
    return from === null || this.ctx.cluster.canCommunicate(from, to.node!);
  }

  /** Sends `ids` (`bytes` on the wire) to `to`; `reply` hears what it refused. */
  send(to: PartRuntime, ids: number[], bytes: number, reply: Reply): void {
    if (!this.canReach(to)) {
      to.refused += ids.length;
      reply(ids);
      return;
    }
    this.ctx.kernel.post(this.networkMs(to, bytes), () => {
      if (!this.canReach(to)) {
        to.refused += ids.length;
        reply(ids);
      } else to.accept(ids, this, reply);
    });
  }

  /** Notes `ids` as taken in at now. */
  take(ids: readonly number[]): void {
    this.received += this.ctx.ledger.reach(this.index, ids, this.ctx.kernel.now);
  }

  /** Notes copies of `ids` lost with this part. */
  drop(ids: readonly number[]): void {
    if (ids.length === 0) return;
    this.dropped += ids.length;
    this.ctx.ledger.drop(this.index, ids);
    this.ctx.emit({ t: this.ctx.kernel.now, type: 'dropped', part: this.id, events: ids.length });
  }
}
