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

/** The count with thousands separators and its agreeing noun: "1 block", "9,000 blocks". */
export function plural(count: number, singular: string, pluralForm?: string): string {
  return `${count.toLocaleString('en-US')} ${noun(count, singular, pluralForm)}`;
}
