/**
 * Clips a label to the width a diagram's box gives it, ending it with an ellipsis. Widths are
 * estimated from the characters (narrow, average, wide, in ems of the system sans-serif), so the
 * same label clips the same way in every browser and in tests; the estimate errs on the wide side.
 */
const NARROW = /[iljtfr!.,:;'|()[\] ]/;
const WIDE = /[mwMW@%]/;

/** Estimated width of `text` in ems (measured on DejaVu Sans, the widest of the fonts the app names; bold is 13% wider). */
export function textEms(text: string, bold = false): number {
  let ems = 0;
  for (const ch of text)
    ems += NARROW.test(ch) ? 0.32 : WIDE.test(ch) ? 0.95 : /[A-Z]/.test(ch) ? 0.72 : /\d/.test(ch) ? 0.64 : 0.58;
  return bold ? ems * 1.13 : ems;
}

/** `text` when it fits in `maxPx` at `fontPx`, else its longest start that fits with '…' after it. */
export function clipToWidth(text: string, maxPx: number, fontPx: number, bold = false): string {
  const maxEms = maxPx / fontPx;
  if (textEms(text, bold) <= maxEms) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && textEms(`${chars.slice(0, n).join('')}…`, bold) > maxEms) n--;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}
