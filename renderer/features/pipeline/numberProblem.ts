import type { NumberSetting } from '../../../engine/pipeline';

const n = (v: number) => v.toLocaleString('en-US');

/** Why `text` is not a value of `s`, or null when it is. */
export function numberProblem(text: string, s: NumberSetting): string | null {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) return 'a number, please';
  if (v < s.min || v > s.max) return `from ${n(s.min)} to ${n(s.max)}`;
  if (s.integer && !Number.isInteger(v)) return 'a whole number';
  return null;
}
