/**
 * The discrete-event kernel: a virtual clock and an event queue. All state changes of a
 * simulation happen inside handlers that the kernel calls in (time, priority, seq) order.
 * No wall clock and no timers: `run` advances simulated time only.
 *
 * Daemon events (heartbeats, periodic monitors) never keep a run alive on their own: `run()`
 * without `until` returns once only daemon events are left and nobody `retain`s the kernel,
 * like daemon threads in a JVM. Layers that wait for a daemon-driven outcome (an application
 * waiting for a lost node to be detected) call `retain()` and release it when done.
 */
import { EventQueue, MAX_EVENT_TIME, MAX_PRIORITY, MIN_PRIORITY, keyTime, lastKeyBy } from './eventQueue';
import { grownArray } from './grownArray';
import { KernelHandle, SeriesHandle, type ScheduledHandle, type SlotCanceller } from './kernelHandles';

export type { ScheduledHandle } from './kernelHandles';

/**
 * The kernel's constants, a const enum so that the compiler writes them into the code as literals
 * (a module-level const is read from the module's context at each use and its type checked, on
 * the paths every event takes). Checked against eventQueue's once, as the module loads.
 */
const enum KernelConstant {
  /** MAX_EVENT_TIME in whole microseconds. */
  MaxEventUs = 1e14,
  /** MIN_PRIORITY..MAX_PRIORITY: the low part of a queue key (queueKey). */
  PrioritySlots = 64,
  MinPriority = -32,
  /** 1 / PrioritySlots: a key times this, rounded down, is its time in microseconds. */
  KeyToUs = 0.015625,
}
if (
  KernelConstant.MaxEventUs !== MAX_EVENT_TIME * 1000 ||
  KernelConstant.PrioritySlots !== MAX_PRIORITY - MIN_PRIORITY + 1 ||
  KernelConstant.MinPriority !== MIN_PRIORITY ||
  KernelConstant.KeyToUs !== 1 / KernelConstant.PrioritySlots
) {
  throw new Error('kernel.ts: KernelConstant disagrees with eventQueue.ts');
}

export interface RunOptions {
  /** Stop before the first event later than this simulated time (ms); the clock then moves to it. */
  until?: number;
  /** Stop after this many events (a guard against runaway simulations). */
  maxEvents?: number;
  /**
   * Called every `every` events (default 4096): a wall-clock budget check that throws to end the
   * run (the kernel itself knows no wall clock). Without it the loop has no extra work at all.
   */
  check?: () => void;
  every?: number;
}

/**
 * A time on the kernel's clock, which keeps whole microseconds: sums of costs drift by float
 * error (7328.0650000000005), and such a time survives no decimal round trip. Whoever compares
 * a computed deadline with `kernel.now` rounds it with this first.
 */
export function onClock(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * An event due at no finite time, or past the kernel's range (MAX_EVENT_TIME, about three years):
 * not a bug of the engine but settings that make a step take that long (a speed near 0, a cost
 * or a data scale far too large). A job's run turns it into a message about the settings.
 */
export class SimulatedTimeRangeError extends RangeError {
  override name = 'SimulatedTimeRangeError';
}

/** `delay` when it is a finite number >= 0; else a RangeError naming `method`. */
function checkedDelay(method: string, delay: number): number {
  if (!(delay >= 0)) throw new RangeError(`${method}: delay must be a finite number >= 0, got ${delay}`);
  if (!Number.isFinite(delay))
    throw new SimulatedTimeRangeError(`${method}: delay must be a finite number >= 0, got ${delay}`);
  return delay;
}

/** Per-slot flags, the low three bits of a slot's state (the rest is its generation). */
const enum Flag {
  Cancelled = 1,
  Daemon = 2,
  /** The event's handler takes the argument in `args` (postWith). */
  WithArg = 4,
}

export class Kernel implements SlotCanceller {
  private queue = new EventQueue();
  /**
   * Per queue slot: the handler, and its state: generation × 8 + flags (Flag), one
   * number, so taking an event on a big queue reads one more cache line, not two. A postWith
   * event's argument is in `args` (read only for those).
   */
  private handlers: (((arg: never) => void) | null)[] = new Array<((arg: never) => void) | null>(64).fill(null);
  private states = new Int32Array(64);
  private args: unknown[] = new Array<unknown>(64).fill(undefined);
  /** The argument of the event just taken (undefined but for a postWith event). */
  private arg: unknown = undefined;
  private clock = 0;
  /** The clock in whole microseconds. */
  private clockUs = 0;
  private processed = 0;
  private stopped = false;
  /** Non-daemon events queued and not cancelled. */
  private live = 0;
  private holds = 0;

  /** Current simulated time in milliseconds. */
  get now(): number {
    return this.clock;
  }

  /** Events processed so far. */
  get eventCount(): number {
    return this.processed;
  }

  /** Events waiting in the queue (cancelled ones included until they surface). */
  get pending(): number {
    return this.queue.size;
  }

  /** True when only daemon events are queued and nobody retains the kernel. */
  get idle(): boolean {
    return this.live === 0 && this.holds === 0;
  }

  /** Runs `handler` `delay` ms from now. Lower priority numbers run first at equal times. */
  schedule(delay: number, handler: () => void, priority = 0): ScheduledHandle {
    return this.handle(this.enqueue(this.clock + checkedDelay('schedule', delay), handler, priority, false));
  }

  /** Runs `handler` at absolute simulated time `time` (>= now). */
  scheduleAt(time: number, handler: () => void, priority = 0): ScheduledHandle {
    return this.handle(this.enqueue(this.checkedTime('scheduleAt', time), handler, priority, false));
  }

  /**
   * `scheduleAt(times[k], handler)` for each k in order, the same events queued the same way, with
   * one handler and one handle for all of them (a reducer's shuffle: a fetch per map, 33,000 at
   * 1 KB blocks, each with a closure and a handle before). `times` must not decrease: then, as a
   * tie runs in the order it was queued, the k-th call of `handler` is the event at `times[k]`.
   * The handle's `time` is the last event's.
   */
  scheduleSeriesAt(times: readonly number[], handler: () => void): ScheduledHandle {
    // Every time checked before any is queued (a refused series leaves nothing behind), in order and
    // with scheduleAt's checks and words: a run reports them as the cluster settings' doing.
    for (let k = 0; k < times.length; k++) {
      this.eventUs(this.checkedTime('scheduleAt', times[k]!));
      if (k > 0 && !(times[k]! >= times[k - 1]!))
        throw new RangeError(`scheduleSeriesAt: times must not decrease, got ${times[k]} after ${times[k - 1]}`);
    }
    const slots = new Int32Array(times.length);
    const generations = new Int32Array(times.length);
    for (let k = 0; k < times.length; k++) {
      const slot = this.enqueue(times[k]!, handler, 0, false);
      slots[k] = slot;
      generations[k] = this.states[slot]! >> 3;
    }
    const last = times.length === 0 ? this.clock : keyTime(this.queue.key(slots[times.length - 1]!));
    return new SeriesHandle(this, slots, generations, last);
  }

  /** Like `schedule`, for background work (heartbeats, monitors) that must not keep `run()` going. */
  scheduleDaemon(delay: number, handler: () => void, priority = 0): ScheduledHandle {
    return this.handle(this.enqueue(this.clock + checkedDelay('scheduleDaemon', delay), handler, priority, true));
  }

  /**
   * `schedule` without a handle, for an event nobody will cancel: the same event at the same place
   * in the order, and no object made for it (most of the engine's events, millions in a big run).
   */
  post(delay: number, handler: () => void, priority = 0): void {
    this.enqueue(this.clock + checkedDelay('post', delay), handler, priority, false);
  }

  /** `scheduleAt` without a handle. */
  postAt(time: number, handler: () => void, priority = 0): void {
    this.enqueue(this.checkedTime('postAt', time), handler, priority, false);
  }

  /** `scheduleDaemon` without a handle. */
  postDaemon(delay: number, handler: () => void, priority = 0): void {
    this.enqueue(this.clock + checkedDelay('postDaemon', delay), handler, priority, true);
  }

  /**
   * `post` for a handler shared by many events, each with its own `arg` (the container the event is
   * about, say): `handler(arg)` runs `delay` ms from now, with no closure made for the event. On a
   * 10,000-node cluster, where 75,000 container ends wait at once, a closure each (a function and
   * its context, spread over the heap and copied by every scavenge) was a third of a task's cost.
   */
  postWith<T>(delay: number, handler: (arg: T) => void, arg: T, priority = 0): void {
    this.withArg(this.enqueue(this.clock + checkedDelay('postWith', delay), handler, priority, false), arg);
  }

  /** `postWith` at absolute simulated time `time` (>= now). */
  postAtWith<T>(time: number, handler: (arg: T) => void, arg: T, priority = 0): void {
    this.withArg(this.enqueue(this.checkedTime('postAtWith', time), handler, priority, false), arg);
  }

  private withArg(at: number, arg: unknown): void {
    this.args[at] = arg;
    this.states[at]! |= Flag.WithArg;
  }

  /** Keeps `run()` going (through daemon events) until the returned function is called. */
  retain(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
    };
  }

  private checkedTime(method: string, time: number): number {
    if (!(time >= this.clock)) {
      throw new RangeError(`${method}: time must be finite and >= now (${this.clock}), got ${time}`);
    }
    if (!Number.isFinite(time)) {
      throw new SimulatedTimeRangeError(`${method}: time must be finite and >= now (${this.clock}), got ${time}`);
    }
    return time;
  }

  /** A handle on the event just queued in `slot`. */
  private handle(slot: number): ScheduledHandle {
    return new KernelHandle(this, slot, this.states[slot]! >> 3, this.queue.key(slot));
  }

  /** The event's time in whole microseconds, not before now; past the kernel's range it throws. */
  private eventUs(time: number): number {
    let us = Math.round(time * 1000);
    if (us < this.clockUs) us = this.clockUs;
    if (us > KernelConstant.MaxEventUs) {
      throw new SimulatedTimeRangeError(
        `schedule: time ${us / 1000} ms is past the kernel's range (${MAX_EVENT_TIME} ms)`,
      );
    }
    return us;
  }

  /** Queues the event; returns its slot. */
  private enqueue(time: number, handler: (arg: never) => void, priority: number, daemon: boolean): number {
    // In whole microseconds (onClock): a UI's scrubber at the end of a run read 7328.065, just
    // before the last tasks ended at 7328.0650000000005.
    const us = this.eventUs(time);
    const slot = priority - KernelConstant.MinPriority;
    if (slot >>> 0 !== slot || slot >= KernelConstant.PrioritySlots) {
      throw new RangeError(
        `schedule: priority must be a whole number in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`,
      );
    }
    // The key is queueKey(time, priority), computed from the microseconds already at hand.
    const key = us * KernelConstant.PrioritySlots + slot;
    const at = this.queue.push(key);
    if (at >= this.states.length) this.growSlots();
    this.handlers[at] = handler;
    // A freed slot's flags are clear (take moved its generation on).
    if (daemon) {
      this.states[at]! |= Flag.Daemon;
    } else {
      this.live++;
    }
    return at;
  }

  private growSlots(): void {
    this.states = grownArray(this.states, this.states.length + 1);
    for (let i = this.handlers.length; i < this.states.length; i++) {
      this.handlers.push(null);
      this.args.push(undefined);
    }
  }

  /** @internal a handle's cancel: drops the event if it is still the one in `slot` and has not run. */
  cancelSlot(slot: number, generation: number): void {
    const state = this.states[slot]!;
    if (state >> 3 !== generation || (state & Flag.Cancelled) !== 0) return;
    this.states[slot] = state | Flag.Cancelled;
    if ((state & Flag.Daemon) === 0) this.live--;
  }

  /**
   * Takes the next event to run (skipping cancelled ones) and frees its slot; returns its handler
   * with the clock moved to it, or null when none is due by `lastKey`.
   */
  private take(lastKey: number): ((arg: unknown) => void) | null {
    const queue = this.queue;
    for (;;) {
      const at = queue.pop(lastKey);
      if (at < 0) return null;
      const flags = this.states[at]!;
      const handler = this.handlers[at] as (arg: unknown) => void;
      this.handlers[at] = null;
      // The next generation, its flags clear (29 bits of generation: a slot's generations repeat after 2^29).
      this.states[at] = ((flags >> 3) + 1) << 3;
      if ((flags & Flag.WithArg) !== 0) {
        this.arg = this.args[at];
        this.args[at] = undefined;
      } else this.arg = undefined;
      queue.release(at);
      if ((flags & Flag.Cancelled) !== 0) continue;
      if ((flags & Flag.Daemon) === 0) this.live--;
      this.clockUs = Math.floor(queue.key(at) * KernelConstant.KeyToUs); // exact: a power of two
      this.clock = this.clockUs / 1000;
      this.processed++;
      return handler;
    }
  }

  /** Processes the next event; returns false when nothing is left (or `until` was reached). */
  step(until = Number.POSITIVE_INFINITY): boolean {
    const handler = this.take(lastKeyBy(until));
    if (handler === null) return false;
    handler(this.arg);
    this.arg = undefined;
    return true;
  }

  /**
   * Runs events until `until` is reached, `maxEvents` ran, or `stop()` is called. Without `until`
   * it also returns when the kernel is idle (only daemon events left, nothing retained).
   */
  run(options: RunOptions = {}): number {
    const until = options.until ?? Number.POSITIVE_INFINITY;
    const lastKey = lastKeyBy(until);
    const bounded = until !== Number.POSITIVE_INFINITY;
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    const check = options.check;
    const every = options.every ?? 4096;
    if (check !== undefined && !(Number.isInteger(every) && every > 0))
      throw new RangeError(`run: every must be a whole number > 0, got ${every}`);
    this.stopped = false;
    let count = 0;
    let untilCheck = every;
    while (!this.stopped && count < maxEvents) {
      if (!bounded && this.live === 0 && this.holds === 0) break;
      if (check !== undefined && --untilCheck === 0) {
        untilCheck = every;
        check();
      }
      const handler = this.take(lastKey);
      if (handler === null) break;
      count++;
      handler(this.arg);
    }
    // The last postWith event's argument is not kept past the run (after a handler threw, until the next event).
    this.arg = undefined;
    if (bounded && !this.stopped && count < maxEvents && until > this.clock) {
      // On the clock's whole microseconds, as every event time is (enqueue).
      this.clock = Math.max(this.clock, onClock(until));
      this.clockUs = Math.round(this.clock * 1000);
    }
    return count;
  }

  /** Ends the current `run` after the handler in progress returns. */
  stop(): void {
    this.stopped = true;
  }
}
