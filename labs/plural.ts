/**
 * Counted nouns that agree with their count ("1 core", "2 cores", "1 retry", "11,299 task
 * attempts"). Labs' check messages and the renderer's labels share it, so no text says
 * "1 cores busy". English only: a noun ending in consonant + y becomes -ies, else -s is added,
 * unless an irregular plural is given.
 */

/** The noun alone, singular for exactly 1 (and -1), plural otherwise (0 cores, 2 cores). */
export function noun(count: number, singular: string, pluralForm?: string): string {
  if (Math.abs(count) === 1) return singular;
  if (pluralForm !== undefined) return pluralForm;
  return /[^aeiou]y$/.test(singular) ? `${singular.slice(0, -1)}ies` : `${singular}s`;
}

/**
 * One formatter for every count: `toLocaleString` builds a new one per call, and the cluster
 * map formats hundreds of counts per frame while it plays.
 */
const EN_US = new Intl.NumberFormat('en-US');

/** A count with thousands separators, as `count.toLocaleString('en-US')` writes it: "9,000", "0.5". */
export function count(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0) ? String(n) : EN_US.format(n);
}

/** The count with thousands separators and its agreeing noun: "1 block", "9,000 blocks". */
export function plural(n: number, singular: string, pluralForm?: string): string {
  return `${count(n)} ${noun(n, singular, pluralForm)}`;
}
