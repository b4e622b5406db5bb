/**
 * How close a compared value must be, in words a learner reads: a relative tolerance of 1e-9 is
 * "to within 1 part in a billion" ("auf ein Milliardstel genau"), 2e-6 "to within 2 parts in a
 * million" ("auf 2 Millionstel genau"), 0 "exactly" ("exakt"); one of no such shape is written out
 * in digits ("to within 0.00025 relative"), never in a programmer's exponent notation.
 */
import type { LabLocale } from './labTypes';

/** Powers of ten with their names: English's short scale, German's long one. */
const SCALES: readonly { power: number; en: string; de: string }[] = [
  { power: 3, en: 'thousand', de: 'Tausendstel' },
  { power: 6, en: 'million', de: 'Millionstel' },
  { power: 9, en: 'billion', de: 'Milliardstel' },
  { power: 12, en: 'trillion', de: 'Billionstel' },
];

/** The words of a relative tolerance, for "… match … (to within 1 part in a billion)". */
export function relativeTolerance(tolerance: number, locale: 'en' | LabLocale = 'en'): string {
  if (tolerance === 0) return locale === 'de' ? 'exakt' : 'exactly';
  for (const { power, en, de } of SCALES) {
    const parts = tolerance * 10 ** power;
    const whole = Math.round(parts);
    if (whole < 1 || whole > 999 || Math.abs(parts - whole) > 1e-6 * parts) continue;
    if (locale === 'de') return `auf ${whole === 1 ? 'ein' : String(whole)} ${de} genau`;
    return `to within ${whole} ${whole === 1 ? 'part' : 'parts'} in a ${en}`;
  }
  const digits = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-US', { maximumSignificantDigits: 6 });
  return locale === 'de'
    ? `relativ auf ${digits.format(tolerance)} genau`
    : `to within ${digits.format(tolerance)} relative`;
}
