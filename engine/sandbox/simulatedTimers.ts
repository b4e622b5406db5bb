/**
 * `setTimeout`, `setInterval` and their `clear` functions as a streaming program sees them: on the
 * simulation's clock, so `await new Promise((r) => setTimeout(r, 1000))` waits one simulated
 * second (a producer paced to when events happen) and the same program gives the same run. A
 * callback that throws ends the program with its error, as an uncaught exception would.
 */
import type { KafkaTransport } from '../streaming/kafkajs';

/** Timers waiting at once, at most: a loop that makes more is stopped with a message. */
export const MAX_TIMERS = 10_000;

export interface SimulatedTimers {
  setTimeout(fn: unknown, ms?: unknown, ...args: unknown[]): number;
  clearTimeout(id: unknown): void;
  setInterval(fn: unknown, ms?: unknown, ...args: unknown[]): number;
  clearInterval(id: unknown): void;
}

export function simulatedTimers(transport: KafkaTransport): SimulatedTimers {
  let client: number | null = null;
  let next = 1;
  const live = new Set<number>();
  const delayOf = (ms: unknown, least: number) => {
    const n = Number(ms);
    return Number.isFinite(n) ? Math.max(least, Math.floor(n)) : least;
  };
  const schedule = (name: string, fn: unknown, ms: number, args: unknown[], repeat: boolean): number => {
    if (typeof fn !== 'function')
      throw new TypeError(`${name}(fn, ms): fn must be a function (a string of code is not run here)`);
    if (live.size >= MAX_TIMERS)
      throw new RangeError(
        `${name}: ${MAX_TIMERS} timers are already waiting; a loop keeps making them (clear the ones you no longer need)`,
      );
    const id = next++;
    live.add(id);
    client ??= transport.open('admin', 'timers');
    const tick = () => {
      transport.call(client!, { op: 'sleep', ms }).then(
        () => {
          if (!live.has(id)) return;
          if (!repeat) live.delete(id);
          try {
            (fn as (...a: unknown[]) => unknown)(...args);
          } catch (error) {
            live.delete(id);
            transport.fatal?.(error);
            return;
          }
          if (repeat && live.has(id)) tick();
        },
        () => live.delete(id),
      );
    };
    tick();
    return id;
  };
  return Object.freeze({
    setTimeout: (fn: unknown, ms?: unknown, ...args: unknown[]) =>
      schedule('setTimeout', fn, delayOf(ms, 0), args, false),
    clearTimeout: (id: unknown) => void live.delete(id as number),
    // An interval of 0 ms would never let the clock move: as browsers do, it waits at least 1 ms.
    setInterval: (fn: unknown, ms?: unknown, ...args: unknown[]) =>
      schedule('setInterval', fn, delayOf(ms, 1), args, true),
    clearInterval: (id: unknown) => void live.delete(id as number),
  });
}
