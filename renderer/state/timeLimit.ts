/**
 * The time limit for the learner's code: the wall-clock seconds one run may compute in the
 * sandbox before its workers are stopped (a loop still running a little before that is stopped
 * with its line). Chosen in Settings, saved with progress, sent with every run. The default is
 * the same as `clusterlab check`'s --timeout default.
 */
export const DEFAULT_TIME_LIMIT_SECONDS = 30;
export const MIN_TIME_LIMIT_SECONDS = 2;
export const MAX_TIME_LIMIT_SECONDS = 300;

/** A saved value, if it is a valid time limit (whole seconds in range). */
export function validTimeLimit(value: unknown): number | null {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_TIME_LIMIT_SECONDS &&
    value <= MAX_TIME_LIMIT_SECONDS
    ? value
    : null;
}

/** Reads what the learner typed: the limit, or what is wrong with the text. */
export function parseTimeLimit(text: string): { seconds: number } | { error: string; kind: 'format' | 'range' } {
  const trimmed = text.trim();
  const range = `between ${MIN_TIME_LIMIT_SECONDS} and ${MAX_TIME_LIMIT_SECONDS} seconds`;
  if (!/^\d+$/.test(trimmed)) return { error: `Enter a whole number of seconds, ${range}.`, kind: 'format' };
  const seconds = Number(trimmed);
  if (validTimeLimit(seconds) === null) return { error: `The time limit must be ${range}.`, kind: 'range' };
  return { seconds };
}
