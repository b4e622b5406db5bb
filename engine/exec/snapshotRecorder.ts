/**
 * Keeps a bounded film of cluster snapshots for a UI to scrub through: a snapshot when a task
 * starts or ends, at most one per `intervalMs` of simulated time, at most `max` in all. When the
 * film is full, every other frame is dropped and the interval doubles, so a long run still
 * covers its whole length evenly. Deterministic: it depends on simulated time only.
 */
export interface SnapshotOptions {
  /** Minimum simulated ms between two snapshots (default 1000). */
  intervalMs?: number;
  /** Most snapshots kept (default 240). */
  max?: number;
  /**
   * Whether to keep the film (default true). false: only the run's final state, for a UI that
   * plays the run back from its trace and needs the end state alone (a large cluster's film of
   * HDFS states is most of what would cross to the page).
   */
  film?: boolean;
}

export class SnapshotRecorder<S extends { t: number }> {
  readonly frames: S[] = [];
  private intervalMs: number;
  private readonly max: number;
  private readonly film: boolean;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly take: () => S,
    options: SnapshotOptions = {},
  ) {
    this.intervalMs = Math.max(1, options.intervalMs ?? 1000);
    this.max = Math.max(2, options.max ?? 240);
    this.film = options.film ?? true;
  }

  /** Records a snapshot if one is due at `now`. */
  note(now: number): void {
    if (!this.film || now - this.last < this.intervalMs) return;
    this.last = now;
    this.frames.push(this.take());
    if (this.frames.length >= this.max) {
      const kept = this.frames.filter((_, i) => i % 2 === 0);
      this.frames.length = 0;
      for (const f of kept) this.frames.push(f);
      this.intervalMs *= 2;
    }
  }

  /** Always records the final state (the end of the run). */
  finish(now: number): void {
    if (this.frames.length > 0 && this.frames[this.frames.length - 1]!.t === now) return;
    this.frames.push(this.take());
  }
}

/** The frame showing the cluster at simulated time `t`: the last one taken at or before it. */
export function snapshotAt<S extends { t: number }>(frames: readonly S[], t: number): S | undefined {
  let lo = 0;
  let hi = frames.length - 1;
  let found: S | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid]!.t <= t) {
      found = frames[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? frames[0];
}
