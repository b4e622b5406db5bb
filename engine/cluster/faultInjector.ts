/**
 * Fault injection on the simulated clock: kill and restart nodes, slow a node down (a
 * straggler), fail a disk, cut a rack off the network. Each fault is an event at a simulated
 * time; ids are checked when the fault is scheduled, so a typo fails at once, naming the field.
 */
import { ValidationError, check, type Kernel } from '../core';
import type { Cluster } from './cluster';

/** slowNode's factor: a node at most this many times slower (a failing disk, a throttled CPU). */
export const MAX_SLOW_FACTOR = 1000;

/** A fault as data (JSON-able), e.g. from a lab file or `--fail-node 2@5000`. */
export type FaultSpec =
  | { atMs: number; kind: 'killNode'; node: string }
  | { atMs: number; kind: 'restartNode'; node: string }
  | { atMs: number; kind: 'slowNode'; node: string; factor: number }
  | { atMs: number; kind: 'failDisk'; node: string }
  | { atMs: number; kind: 'partitionRack'; rack: string; durationMs?: number }
  | { atMs: number; kind: 'healRack'; rack: string };

export const FAULT_KINDS = ['killNode', 'restartNode', 'slowNode', 'failDisk', 'partitionRack', 'healRack'] as const;

export class FaultInjector {
  /**
   * The latest cut of each rack that is to heal by itself: a cut's `durationMs` heals the rack
   * only if no later cut or heal of that rack came meanwhile (the last word on a rack wins).
   */
  private readonly cuts = new Map<string, number>();
  private cutCount = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly cluster: Cluster,
  ) {}

  /** Kills `node` at simulated time `atMs` (default: now). */
  killNode(node: string, atMs = this.kernel.now): void {
    this.schedule({ atMs, kind: 'killNode', node });
  }

  restartNode(node: string, atMs = this.kernel.now): void {
    this.schedule({ atMs, kind: 'restartNode', node });
  }

  /** Makes everything on `node` take `factor` times as long (1 restores normal speed). */
  slowNode(node: string, factor: number, atMs = this.kernel.now): void {
    this.schedule({ atMs, kind: 'slowNode', node, factor });
  }

  failDisk(node: string, atMs = this.kernel.now): void {
    this.schedule({ atMs, kind: 'failDisk', node });
  }

  /** Cuts `rack` off the network; heals it after `durationMs` if given and no later cut or heal of it came first. */
  partitionRack(rack: string, atMs = this.kernel.now, durationMs?: number): void {
    this.schedule(
      durationMs === undefined
        ? { atMs, kind: 'partitionRack', rack }
        : { atMs, kind: 'partitionRack', rack, durationMs },
    );
  }

  healRack(rack: string, atMs = this.kernel.now): void {
    this.schedule({ atMs, kind: 'healRack', rack });
  }

  /** Validates and schedules a list of faults; errors name `path[i].field`. */
  plan(faults: readonly FaultSpec[], path = 'faults'): void {
    check.array(path, faults);
    const checked = faults.map((f, i) => this.validate(f, `${path}[${i}]`));
    for (const f of checked) this.schedule(f);
  }

  /** Validates one fault and schedules it. */
  schedule(fault: FaultSpec, path = 'fault'): void {
    const f = this.validate(fault, path);
    const c = this.cluster;
    const apply = (): void => {
      switch (f.kind) {
        case 'killNode':
          return c.killNode(f.node);
        case 'restartNode':
          return c.restartNode(f.node);
        case 'slowNode':
          return c.slowNode(f.node, f.factor);
        case 'failDisk':
          return c.failDisk(f.node);
        case 'partitionRack': {
          const cut = ++this.cutCount;
          this.cuts.set(f.rack, cut);
          c.partitionRack(f.rack);
          if (f.durationMs !== undefined)
            this.kernel.post(f.durationMs, () => {
              if (this.cuts.get(f.rack) === cut) c.healRack(f.rack);
            });
          return;
        }
        case 'healRack':
          this.cuts.delete(f.rack);
          return c.healRack(f.rack);
      }
    };
    this.kernel.postAt(f.atMs, apply, -10);
  }

  private validate(raw: FaultSpec, path: string): FaultSpec {
    const f = check.object(path, raw);
    const kind = check.oneOf(`${path}.kind`, f.kind, FAULT_KINDS);
    const atMs = check.nonNegativeNumber(`${path}.atMs`, f.atMs);
    if (atMs < this.kernel.now) {
      throw new ValidationError(`${path}.atMs`, `must not be in the past (now is ${this.kernel.now} ms), got ${atMs}`);
    }
    if (kind === 'partitionRack' || kind === 'healRack') {
      this.cluster.rack(check.string(`${path}.rack`, f.rack), `${path}.rack`);
    } else {
      this.cluster.node(check.string(`${path}.node`, f.node), `${path}.node`);
    }
    if (kind === 'slowNode' && check.positiveNumber(`${path}.factor`, f.factor) > MAX_SLOW_FACTOR)
      throw new ValidationError(
        `${path}.factor`,
        `must be at most ${MAX_SLOW_FACTOR} (a node a thousand times slower), got ${String(f.factor)}`,
      );
    if (kind === 'partitionRack' && f.durationMs !== undefined)
      check.positiveNumber(`${path}.durationMs`, f.durationMs);
    return raw;
  }
}
