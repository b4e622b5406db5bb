/**
 * A run's machine learning at an instant of playback (engine/pipeline mlTracker.ts): the model
 * serving then (the last deployed at or before it), the last full minute of served predictions,
 * the last drift, and that said in sentences that hold at that instant. Times as the lab's checks
 * print them (labs/checkKit `seconds`), kW with 2 decimals, counts en-US.
 */
import type { DriftRecord, MlReport, ModelParams, ModelRecord } from '../../../engine/pipeline';
import { seconds } from '../../../labs/checkKit';

export const SERVED_MINUTE_MS = 60_000;

export type ServedMinute = MlReport['served'][number];

export interface MlInstant {
  /** The model serving at t (the last deployed at or before it; null: none yet). */
  serving: ModelRecord | null;
  /** Models trained by t, and of those refused. */
  trained: number;
  refused: number;
  /** The last minute of served predictions that ended at or before t (null: none yet). */
  lastMinute: ServedMinute | null;
  /** Where the last minute that ended at or before t ends (the minute's boundary at or before t). */
  minuteEndMs: number;
  /** The last drift at or before t, and how many by then. */
  lastDrift: DriftRecord | null;
  drifts: number;
}

export const n = (v: number) => v.toLocaleString('en-US');
export const kw = (v: number) => `${(Math.round(v * 100) / 100).toFixed(2)} kW`;
/** An instant of the run ("0 s" for the start rather than "0.00 s"). */
export const at = (ms: number) => (ms === 0 ? '0 s' : seconds(ms));
const fixed = (v: number) => (Math.round(v * 100) / 100).toFixed(2);

/** power = slope × load + intercept, in kW. */
export function formula(p: Pick<ModelParams, 'slope' | 'intercept'>): string {
  const sign = p.intercept < 0 ? '−' : '+';
  return `power = ${fixed(p.slope)} × load ${sign} ${fixed(Math.abs(p.intercept))} kW`;
}

export function servingAt(ml: MlReport, t: number): ModelRecord | null {
  let best: ModelRecord | null = null;
  for (const m of ml.models)
    if (m.deployedAtMs !== null && m.deployedAtMs <= t && (!best || m.deployedAtMs >= best.deployedAtMs!)) best = m;
  return best;
}

export function mlAt(ml: MlReport, t: number): MlInstant {
  const trained = ml.models.filter((m) => m.trainedAtMs <= t);
  let lastMinute: ServedMinute | null = null;
  for (const b of ml.served) if (b.t + SERVED_MINUTE_MS <= t) lastMinute = b;
  const drifts = ml.drifts.filter((d) => d.t <= t);
  return {
    serving: servingAt(ml, t),
    trained: trained.length,
    refused: trained.filter((m) => m.rejected !== null).length,
    lastMinute,
    minuteEndMs: Math.floor(Math.max(0, t) / SERVED_MINUTE_MS) * SERVED_MINUTE_MS,
    lastDrift: drifts[drifts.length - 1] ?? null,
    drifts: drifts.length,
  };
}

/** What the model was trained on: "the readings sent from 0 s to 9 min 1 s (2,164 fit, the newest fifth held out)". */
export function trainedOn(m: ModelRecord): string {
  if (m.windowFromMs === null || m.windowToMs === null) return 'no readings';
  return `the readings sent from ${at(m.windowFromMs)} to ${at(m.windowToMs)} (${n(m.rows)} fit, the newest fifth held out)`;
}

/** One model for the fleet, or one per pump. */
export function perWords(m: ModelRecord): string {
  if (m.settings.modelPer === 'fleet') return 'one model for the fleet';
  const count = m.models.length + m.modelsLeftOut;
  return `one model per pump (${n(count)} pump${count === 1 ? '' : 's'})`;
}

/** The per-pump models' slopes and intercepts as ranges ("slope 29.23–46.72, intercept 4.48–5.26"). */
export function paramsSummary(m: ModelRecord): string {
  if (m.models.length === 0) return 'no model';
  if (m.models.length === 1) return formula(m.models[0]!);
  const range = (vs: number[]) => {
    const lo = Math.min(...vs);
    const hi = Math.max(...vs);
    return lo === hi ? fixed(lo) : `${fixed(lo)} to ${fixed(hi)}`;
  };
  return `slope ${range(m.models.map((p) => p.slope))}, intercept ${range(m.models.map((p) => p.intercept))} kW`;
}

export function whyWords(m: ModelRecord): string {
  return m.trigger === 'drift' ? 'after a drift' : 'on schedule';
}

/** The sentences of "At this moment", each true at t. */
export function mlNowLines(now: MlInstant): string[] {
  const lines: string[] = [];
  const s = now.serving;
  if (!s) {
    const sofar =
      now.trained === 0
        ? ''
        : ` (${n(now.trained)} trained so far${now.refused > 0 ? `, ${n(now.refused)} of them refused` : ''})`;
    lines.push(`No model serves yet${sofar}: model serving passes the readings on without a prediction.`);
  } else {
    const held = s.holdoutMae === null ? 'no held-out error' : `held-out error ${kw(s.holdoutMae)}`;
    lines.push(`Model v${s.version} serves, since ${at(s.deployedAtMs!)}: ${perWords(s)}, ${paramsSummary(s)}.`);
    lines.push(`Trained by ${s.trainer} at ${at(s.trainedAtMs)} ${whyWords(s)}, on ${trainedOn(s)}; ${held}.`);
  }
  const b = now.lastMinute;
  if (!b) lines.push('No minute of served readings has ended yet.');
  else {
    const span = `${at(b.t)} to ${at(b.t + SERVED_MINUTE_MS)}`;
    const scored =
      b.mae === null
        ? `no reading was scored`
        : `${n(b.scored)} prediction${b.scored === 1 ? ' was' : 's were'} off by ${kw(b.mae)} on average`;
    const unscored =
      b.unscored > 0 ? `; ${n(b.unscored)} reading${b.unscored === 1 ? '' : 's'} passed on without a prediction` : '';
    const quiet = b.t + SERVED_MINUTE_MS < now.minuteEndMs ? ' No reading was served since.' : '';
    const label = quiet ? 'Last minute with readings' : 'Last full minute';
    lines.push(`${label} (${span}): ${scored}${unscored}.${quiet}`);
  }
  const d = now.lastDrift;
  if (!d) lines.push('No drift detected so far.');
  else
    lines.push(
      `Last drift at ${at(d.t)} (${n(now.drifts)} so far), detected by ${d.part}: the latest predictions, by model v${d.version}, were off by ${kw(d.mae)} on average; ` +
        (d.action === 'retrain' ? 'it had a new model trained.' : 'it raised an alert.'),
    );
  return lines;
}
