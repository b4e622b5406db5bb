/**
 * How much of a run's console output is shown, the same for a job run (the sandbox pool) and a
 * streaming scenario (`clusterlab stream`): at most LOG_LIMITS, then one line says how many lines
 * were not shown.
 */
import { clipText } from '../core';

/** How much of a run's console output is shown; past it, one line says how many lines were not. */
export const LOG_LIMITS = { lines: 1_000, chars: 200_000 } as const;

/** Console output shown so far in a run, and lines not shown past LOG_LIMITS. */
export interface ConsoleShown {
  lines: number;
  chars: number;
  dropped: number;
}

/**
 * One line of a run's console output within LOG_LIMITS: the line to show (cut to the characters
 * left), or null when the run has shown all it may (the line is counted in `shown.dropped`).
 */
export function cappedConsoleLine(shown: ConsoleShown, text: string): string | null {
  if (shown.lines >= LOG_LIMITS.lines || shown.chars >= LOG_LIMITS.chars) {
    shown.dropped++;
    return null;
  }
  const room = LOG_LIMITS.chars - shown.chars;
  shown.lines++;
  shown.chars += Math.min(text.length, room);
  return clipText(text, room);
}

/** The line that ends a run's console output when some was not shown (null when all was). */
export function consoleDroppedNotice(shown: ConsoleShown): string | null {
  const n = shown.dropped;
  if (n === 0) return null;
  return `… ${n.toLocaleString('en')} more line${n === 1 ? '' : 's'} of console output not shown (at most ${LOG_LIMITS.lines.toLocaleString('en')} lines or ${LOG_LIMITS.chars.toLocaleString('en')} characters a run)`;
}
