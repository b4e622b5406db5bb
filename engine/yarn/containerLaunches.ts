/**
 * Containers starting up: each launch is one kernel event `delay` ms after it, as ever, but the
 * launches with the same delay (every launch on nodes of one speed) share one handler and a FIFO
 * instead of a closure each. Events with the same delay run in the order they were scheduled (a
 * later one is due no earlier, and ties run in scheduling order), so the head of the FIFO is the
 * container whose event is running. Past `MAX_SHARED` distinct delays a launch gets its own closure.
 */
import type { Kernel } from '../core';
import type { Container } from './container';

const MAX_SHARED = 16;

/** One delay's launches in order: a ring buffer, so a queue that drains and fills again allocates nothing. */
class LaunchFifo {
  private ring: (Container | null)[] = new Array<Container | null>(64).fill(null);
  private head = 0;
  private size = 0;
  /** The kernel handler of this delay's launches: starts the container at the head. */
  readonly next = (): void => {
    const c = this.ring[this.head]!;
    this.ring[this.head] = null;
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.size--;
    this.started(c);
  };

  constructor(private readonly started: (c: Container) => void) {}

  push(c: Container): void {
    const ring = this.ring;
    if (this.size === ring.length) {
      // Double the ring (its length stays a power of two), the queue from its head first.
      const bigger = new Array<Container | null>(ring.length * 2).fill(null);
      for (let k = 0; k < this.size; k++) bigger[k] = ring[(this.head + k) & (ring.length - 1)]!;
      this.ring = bigger;
      this.head = 0;
    }
    this.ring[(this.head + this.size) & (this.ring.length - 1)] = c;
    this.size++;
  }
}

export class ContainerLaunches {
  private readonly delays: number[] = [];
  private readonly fifos: LaunchFifo[] = [];

  constructor(
    private readonly kernel: Kernel,
    /** Called `delay` ms after `launch(delay, c)`. */
    private readonly started: (c: Container) => void,
  ) {}

  launch(delay: number, c: Container): void {
    const delays = this.delays;
    let i = 0;
    while (i < delays.length && delays[i] !== delay) i++;
    if (i === delays.length) {
      if (i === MAX_SHARED) {
        this.kernel.post(delay, () => this.started(c));
        return;
      }
      delays.push(delay);
      this.fifos.push(new LaunchFifo(this.started));
    }
    const fifo = this.fifos[i]!;
    this.kernel.post(delay, fifo.next);
    fifo.push(c);
  }
}
