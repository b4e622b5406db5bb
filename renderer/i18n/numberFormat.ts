/**
 * Numbers per locale through Intl.NumberFormat, one formatter kept per locale and options (making one
 * costs far more than using it, and the playback formats thousands of numbers a second).
 * German uses a decimal comma and "1.234"; English "1,234.5".
 */
import { activeLocaleTag } from './activeLocale';

const cache = new Map<string, Intl.NumberFormat>();

export function numberFormat(
  options: Intl.NumberFormatOptions = {},
  tag: string = activeLocaleTag(),
): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, options);
    cache.set(key, format);
  }
  return format;
}

/** `value` with exactly `digits` fraction digits in the active locale ("1.5" / "1,5"): toFixed's replacement. */
export function fixed(value: number, digits: number): string {
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(
    value,
  );
}

/** A count with the locale's grouping ("12,345" / "12.345"). */
export function count(value: number): string {
  return numberFormat({ maximumFractionDigits: 0 }).format(value);
}

/**
 * A percentage (0–100) as the locale writes it, up to `digits` fraction digits: "50%" in English,
 * "50 %" in German (Intl's no-break space, as labs/germanFormat.ts's de-DE formatter gives).
 */
export function percent(value: number, digits = 0): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: digits }).format(value / 100);
}
