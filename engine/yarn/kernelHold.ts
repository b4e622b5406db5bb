/**
 * A count of outstanding work that keeps `kernel.run()` going while it is above zero: the
 * ResourceManager holds the kernel while requests are pending or containers are live, so a run
 * does not stop with only heartbeats (daemon events) queued (see Kernel.retain).
 */
import type { Kernel } from '../core';

export class KernelHold {
  private outstanding = 0;
  private release: (() => void) | undefined;

  constructor(private readonly kernel: Kernel) {}

  /** Adds `delta` (negative to settle) to the outstanding count, retaining or releasing the kernel at zero. */
  add(delta: number): void {
    const before = this.outstanding;
    this.outstanding += delta;
    if (before === 0 && this.outstanding > 0) this.release = this.kernel.retain();
    else if (before > 0 && this.outstanding === 0) {
      this.release?.();
      this.release = undefined;
    }
  }
}
