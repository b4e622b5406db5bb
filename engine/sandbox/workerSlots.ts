/**
 * The live workers of a SandboxPoolCore: spawned up to the platform's `size`, never more, and
 * terminated here only. In the browser (PoolPlatform.sqlWorkersApart) the workers are of one of
 * two kinds, without DuckDB or with it; from the first job that names sql on they are the SQL kind.
 */
import type { PoolPlatform } from './poolPlatform';
import { newSlot, type Slot } from './poolState';

export interface WorkerEvents {
  /** A worker posted a message. */
  onPost(slot: Slot, raw: unknown): void;
  /** A worker failed (an error its code threw, a crash); called for live workers only. */
  onError(slot: Slot, error: unknown): void;
}

export class WorkerSlots {
  private live: Slot[] = [];
  /** The workers are (to be) of the SQL kind. */
  private sql = false;

  constructor(
    private readonly platform: PoolPlatform,
    private readonly events: WorkerEvents,
  ) {}

  /** The live workers, in the order they were spawned. */
  get list(): readonly Slot[] {
    return this.live;
  }

  get length(): number {
    return this.live.length;
  }

  /** The worker is alive (not terminated): its posts and errors count. */
  has(slot: Slot): boolean {
    return this.live.includes(slot);
  }

  /** Spawns workers until there are `size`. */
  fill(): void {
    while (this.live.length < this.platform.size) {
      const slot = newSlot();
      slot.endpoint = this.platform.spawn(
        (reply) => this.events.onPost(slot, reply),
        (error) => {
          if (this.has(slot)) this.events.onError(slot, error);
        },
        this.sql,
      );
      this.live.push(slot);
    }
  }

  /** From now on the workers can open DuckDB: the ones without it are terminated (call it between tasks). */
  useSql(): void {
    if (!this.platform.sqlWorkersApart || this.sql) return;
    this.sql = true;
    this.terminateAll();
  }

  /** Terminates one worker. */
  remove(slot: Slot): void {
    slot.endpoint.terminate();
    this.live = this.live.filter((s) => s !== slot);
  }

  /** Terminates every worker that `keep` refuses. */
  keepOnly(keep: (slot: Slot) => boolean): void {
    for (const slot of this.live) if (!keep(slot)) slot.endpoint.terminate();
    this.live = this.live.filter(keep);
  }

  terminateAll(): void {
    for (const slot of this.live) slot.endpoint.terminate();
    this.live = [];
  }
}
