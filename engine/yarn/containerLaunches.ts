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

class LaunchFifo {
  private items: Container[] = [];
  private head = 0;
  /** The kernel handler of this delay's launches: starts the container at the head. */
  readonly next = (): void => {
    const items = this.items;
    const c = items[this.head++]!;
    if (this.head === items.length) {
      items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > items.length) {
      items.copyWithin(0, this.head);
      items.length -= this.head;
      this.head = 0;
    }
    this.started(c);
  };

  constructor(private readonly started: (c: Container) => void) {}

  push(c: Container): void {
    this.items.push(c);
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
        this.kernel.schedule(delay, () => this.started(c));
        return;
      }
      delays.push(delay);
      this.fifos.push(new LaunchFifo(this.started));
    }
    const fifo = this.fifos[i]!;
    this.kernel.schedule(delay, fifo.next);
    fifo.push(c);
  }
}
