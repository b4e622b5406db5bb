/**
 * Per-node heartbeats on the simulated clock, as a master (NameNode, ResourceManager) hears
 * them: every node that runs the master's daemon (`runsDaemon`: a DataNode, a NodeManager) and
 * is alive and reachable beats every `intervalMs` (staggered over one interval, as real daemons
 * drift apart); a node silent for `expiryMs` is declared expired, exactly `expiryMs` after its
 * last beat. Both are daemon events: they never keep a run alive. A node without the daemon
 * never beats and is never declared expired: the master does not know it.
 */
import type { Kernel } from '../core';
import type { Cluster, ClusterNode } from './cluster';

export interface HeartbeatOptions {
  intervalMs: number;
  expiryMs: number;
  /** Kernel priority of the beats; the expiry checks run at `priority + 1`. */
  priority: number;
  /** A beat arrived from node `i`; `rejoined` when the node had been declared expired. */
  onHeartbeat(i: number, rejoined: boolean): void;
  /** Node `i` has been silent for `expiryMs`. */
  onExpired(i: number): void;
  /** Whether the node runs the daemon this master hears (default: every node). */
  runsDaemon?: (node: ClusterNode) => boolean;
}

export class HeartbeatMonitor {
  /** The master's verdict per node index. */
  readonly expired: boolean[];
  private readonly lastHeartbeat: number[];

  constructor(
    private readonly kernel: Kernel,
    private readonly cluster: Cluster,
    private readonly options: HeartbeatOptions,
  ) {
    const n = cluster.nodes.length;
    this.expired = new Array<boolean>(n).fill(false);
    this.lastHeartbeat = new Array<number>(n).fill(kernel.now);
    const every = options.intervalMs;
    const beating: number[] = [];
    for (let i = 0; i < n; i++) {
      if (options.runsDaemon?.(cluster.nodes[i]!) === false) continue;
      beating.push(i);
      // Phases spread over every node, daemon or not, so a node's beats do not depend on the others' roles.
      const phase = Math.floor((i * every) / n);
      kernel.postDaemon(phase, this.next, options.priority);
      this.scheduleCheck(i, phase);
    }
    this.order = Int32Array.from(beating);
  }

  /**
   * The nodes in the order their beats come round: node order. Every beat is due `intervalMs`
   * after the node's last one, and the first ones are due in node order within one interval, so
   * each beat is due no earlier than every beat queued before it (ties run in scheduling order):
   * the beats keep this order for the whole run, and one shared handler serves them all.
   */
  private readonly order: Int32Array;
  private cursor = 0;
  private readonly next = (): void => {
    const i = this.order[this.cursor]!;
    this.cursor = this.cursor + 1 === this.order.length ? 0 : this.cursor + 1;
    this.beat(i);
    this.kernel.postDaemon(this.options.intervalMs, this.next, this.options.priority);
  };

  lastHeartbeatOf(i: number): number {
    return this.lastHeartbeat[i]!;
  }

  private beat(i: number): void {
    if (!this.cluster.isReachableAt(i)) return;
    this.lastHeartbeat[i] = this.kernel.now;
    const rejoined = this.expired[i]!;
    this.expired[i] = false;
    this.options.onHeartbeat(i, rejoined);
  }

  private scheduleCheck(i: number, from: number): void {
    this.kernel.postDaemon(from + this.options.expiryMs, () => this.check(i), this.options.priority + 1);
  }

  private check(i: number): void {
    const last = this.lastHeartbeat[i]!;
    if (this.kernel.now - last >= this.options.expiryMs) {
      if (!this.expired[i]) {
        this.expired[i] = true;
        this.options.onExpired(i);
      }
      this.scheduleCheck(i, 0);
    } else {
      this.scheduleCheck(i, last - this.kernel.now);
    }
  }
}
