/**
 * The served predictions' error pump by pump over the run's last 10 minutes (the report's
 * `byKey`): an end-of-run figure, so it is folded until the playback reaches that stretch; pumps
 * above 3 kW (the lab's bound per pump) are highlighted.
 */
import type { MlReport } from '../../../engine/pipeline';
import { kw, n } from './mlAt';
import { viewsText as say } from './viewsText';

export const PUMP_HIGHLIGHT_KW = 3;

export interface PumpRow {
  key: number;
  scored: string;
  mae: string;
  over: boolean;
}

export function mlByKey(ml: MlReport): PumpRow[] {
  return ml.byKey.map((k) => ({
    key: k.key,
    scored: n(k.scored),
    mae: k.mae === null ? '–' : kw(k.mae),
    over: k.mae !== null && k.mae > PUMP_HIGHLIGHT_KW,
  }));
}

/** When the run's last stretch begins, and whether the playback is in it. */
export function lastStretch(ml: MlReport, endMs: number, t: number): { fromMs: number; reached: boolean } {
  const fromMs = Math.max(0, endMs - ml.lastMs);
  return { fromMs, reached: t >= fromMs };
}

/** The whole stretch in a sentence: predictions and their mean absolute error over all pumps. */
export function byKeySentence(ml: MlReport): string {
  const scored = ml.byKey.reduce((a, k) => a + k.scored, 0);
  if (scored === 0) return say('pumps.none');
  const sum = ml.byKey.reduce((a, k) => a + (k.mae ?? 0) * k.scored, 0);
  const over = ml.byKey.filter((k) => k.mae !== null && k.mae > PUMP_HIGHLIGHT_KW).length;
  return say('pumps.sentence', {
    predictions: n(scored),
    error: kw(sum / scored),
    pumps:
      over === 0
        ? say('pumps.allWithin', { limit: PUMP_HIGHLIGHT_KW })
        : say('pumps.over', { over: n(over), all: n(ml.byKey.length), limit: PUMP_HIGHLIGHT_KW }),
  });
}
