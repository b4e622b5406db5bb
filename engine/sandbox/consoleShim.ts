/**
 * The `console` a learner's code sees inside a sandbox worker, the same in the CLI's child
 * processes, the browser's Web Workers and the in-process runner: each call becomes one `log`
 * message with the line's text (consoleLine). Output is capped here already (LOG_LIMITS a run, as
 * the pool shows it): a loop that logs forever must not queue millions of messages that a blocked
 * worker cannot send. Lines past the cap are counted, not even formatted, and the count goes to the
 * pool as `logDropped` before the next reply.
 */
import { cappedConsoleLine, type ConsoleShown } from './consoleCap';
import type { SandboxReply } from './sandboxMessages';

/** The longest console line a worker sends (a run shows at most LOG_LIMITS, consoleCap.ts). */
export const MAX_CONSOLE_LINE = 200_000;

/**
 * The text of a learner's `console.log(...args)`, as the workers' console shims send it: strings
 * as they are, other values as JSON (a BigInt as its digits with `n`, a Symbol or function by
 * name). Never throws: a value that cannot be shown (a cycle, a Proxy whose traps throw) is a note.
 */
export function consoleLine(args: unknown[]): string {
  const parts: string[] = [];
  let length = 0;
  for (const arg of args) {
    const part = consoleValue(arg);
    parts.push(part);
    length += part.length + 1;
    if (length > MAX_CONSOLE_LINE) break;
  }
  const line = parts.join(' ');
  return line.length > MAX_CONSOLE_LINE ? `${line.slice(0, MAX_CONSOLE_LINE)}…` : line;
}

function consoleValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string':
        return value;
      case 'bigint':
        return `${value}n`;
      case 'symbol':
        return value.toString();
      case 'function':
        return `[function ${typeof value.name === 'string' && value.name ? value.name : '(anonymous)'}]`;
      case 'undefined':
        return 'undefined';
    }
    const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return typeof text === 'string' ? text : String(text);
  } catch {
    return '[a value that cannot be shown: it refers to itself, or reading it throws]';
  }
}

/** The learner's console and the bookkeeping of its cap. */
export interface ConsoleShim {
  /**
   * What the current run's code gets as `console` (log, info, warn and error each print a line), a
   * new object for each run: a run's console that outlives its run prints nothing in a later one.
   */
  readonly console: Readonly<Record<'log' | 'info' | 'warn' | 'error', (...args: unknown[]) => void>>;
  /** A run begins (its `load`): a new console, and the cap counts from zero again. */
  reset(): void;
  /** Sends the count of lines dropped since the last call, if any; called before every other reply. */
  flushDropped(): void;
  /** Runs `fn` with the console silent (a MapReduce task's fresh copy of the module's top level: it printed at load). */
  silently<T>(fn: () => T): T;
}

/**
 * A console whose lines are sent as `log` replies through `send`, capped at LOG_LIMITS a run. A
 * call to an earlier run's console (code of that run still running: a callback the browser or V8
 * called after its run ended) prints nothing and calls `onStale`.
 */
export function createConsoleShim(send: (reply: SandboxReply) => void, onStale: () => void = () => {}): ConsoleShim {
  let shown: ConsoleShown = { lines: 0, chars: 0, dropped: 0 };
  let droppedSent = 0;
  let run = 0;
  let silent = false;
  const consoleOf = (own: number) => {
    const log = (...args: unknown[]) => {
      if (own !== run) return onStale();
      if (silent) return;
      if (shown.dropped > 0) {
        shown.dropped++; // past the cap: not even formatted
        return;
      }
      const text = cappedConsoleLine(shown, consoleLine(args));
      if (text !== null) send({ type: 'log', text });
    };
    return Object.freeze({ log, info: log, warn: log, error: log });
  };
  let current = consoleOf(run);
  return {
    get console() {
      return current;
    },
    reset() {
      current = consoleOf(++run);
      shown = { lines: 0, chars: 0, dropped: 0 };
      droppedSent = 0;
    },
    silently(fn) {
      const was = silent;
      silent = true;
      try {
        return fn();
      } finally {
        silent = was;
      }
    },
    flushDropped() {
      if (shown.dropped <= droppedSent) return;
      const count = shown.dropped - droppedSent;
      droppedSent = shown.dropped;
      send({ type: 'logDropped', count });
    },
  };
}
