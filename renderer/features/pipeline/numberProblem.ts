import type { NumberSetting } from '../../../engine/pipeline';
import { i18n } from '../../i18n/i18n';
import { count as n } from '../../i18n/numberFormat';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`pipeline:number.${key}`, options);

/** Why `text` is not a value of `s`, or null when it is. */
export function numberProblem(text: string, s: NumberSetting): string | null {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) return say('notNumber');
  if (v < s.min || v > s.max) return say('range', { min: n(s.min), max: n(s.max) });
  if (s.integer && !Number.isInteger(v)) return say('whole');
  return null;
}
