/**
 * Clips a label to the width a diagram's box gives it, ending it with an ellipsis. Widths are
 * estimated from the characters (narrow, average, wide, in ems of the system sans-serif), so the
 * same label clips the same way in every browser and in tests; the estimate errs on the wide side.
 */
const NARROW = /[ijl!.,:;'| ]/;
const SLIM = /[tfr\-()[\]]/;
const WIDE = /[mwMW@%]/;

/** Estimated width of `text` in ems (measured on DejaVu Sans, the widest of the fonts the app names; bold is 12% wider). */
export function textEms(text: string, bold = false): number {
  let ems = 0;
  for (const ch of text) {
    if (ch === '…') ems += 1;
    else if (NARROW.test(ch)) ems += 0.32;
    else if (SLIM.test(ch)) ems += 0.42;
    else if (WIDE.test(ch)) ems += 0.95;
    else if (/[A-Z]/.test(ch)) ems += 0.72;
    else if (/\d/.test(ch)) ems += 0.64;
    else ems += 0.6;
  }
  return bold ? ems * 1.12 : ems;
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
