/**
 * A run's machine learning at an instant of playback (engine/pipeline mlTracker.ts): the model
 * serving then (the last deployed at or before it), the last full minute of served predictions,
 * the last drift, and that said in sentences that hold at that instant, in the page's language.
 * Times as the lab's checks print them (`seconds`), kW with 2 decimals, counts with the page's grouping.
 */
import type { DriftRecord, MlReport, ModelParams, ModelRecord } from '../../../engine/pipeline';
import { count, fixed as fixedDigits } from '../../i18n/numberFormat';
import { seconds } from './durationWords';
import { viewsText as say } from './viewsText';

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

export const n = (v: number): string => count(v);
const fixed = (v: number) => fixedDigits(Math.round(v * 100) / 100, 2);
export const kw = (v: number): string => `${fixed(v)} kW`;
/** An instant of the run ("0 s" for the start rather than "0.00 s"). */
export const at = (ms: number): string => (ms === 0 ? '0 s' : seconds(ms));

/** slope × load + intercept, in kW: the right-hand side of `formula`. */
export function power(p: Pick<ModelParams, 'slope' | 'intercept'>): string {
  return say('ml.power', {
    slope: fixed(p.slope),
    sign: p.intercept < 0 ? '−' : '+',
    intercept: fixed(Math.abs(p.intercept)),
  });
}

/** power = slope × load + intercept, in kW. */
export function formula(p: Pick<ModelParams, 'slope' | 'intercept'>): string {
  return say('ml.formula', { power: power(p) });
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
  if (m.windowFromMs === null || m.windowToMs === null) return say('ml.noReadings');
  return say('ml.trainedOn', { from: at(m.windowFromMs), to: at(m.windowToMs), rows: n(m.rows) });
}

/** One model for the fleet, or one per pump. */
export function perWords(m: ModelRecord): string {
  if (m.settings.modelPer === 'fleet') return say('ml.fleet');
  const pumps = m.models.length + m.modelsLeftOut;
  return say('ml.perPump', { pumps: say('ml.pumps', { count: pumps, n: n(pumps) }) });
}

/**
 * The model's parameters: the fleet's formula ("power = 29.52 × load + 5.07 kW"; `bare`: without
 * "power ="), or the per-pump models' slopes and intercepts as ranges ("slope 29.23 to 46.72, intercept 4.48 to 5.26 kW").
 */
export function paramsSummary(m: ModelRecord, bare = false): string {
  if (m.models.length === 0) return say('ml.noModel');
  if (m.models.length === 1) return bare ? power(m.models[0]!) : formula(m.models[0]!);
  const range = (vs: number[]) => {
    const lo = Math.min(...vs);
    const hi = Math.max(...vs);
    return lo === hi ? fixed(lo) : say('ml.range', { lo: fixed(lo), hi: fixed(hi) });
  };
  return say('ml.ranges', {
    slope: range(m.models.map((p) => p.slope)),
    intercept: range(m.models.map((p) => p.intercept)),
  });
}

export function whyWords(m: ModelRecord): string {
  return m.trigger === 'drift' ? say('ml.afterDrift') : say('ml.onSchedule');
}

/** The sentences of "At this moment", each true at t. */
export function mlNowLines(now: MlInstant): string[] {
  const lines: string[] = [];
  const s = now.serving;
  if (!s) {
    const sofar =
      now.trained === 0
        ? ''
        : now.refused > 0
          ? say('ml.soFarRefused', { trained: n(now.trained), refused: n(now.refused) })
          : say('ml.soFar', { trained: n(now.trained) });
    lines.push(say('ml.noneServes', { sofar }));
  } else {
    const held = s.holdoutMae === null ? say('ml.noHeldOut') : say('ml.heldOut', { error: kw(s.holdoutMae) });
    lines.push(
      say('ml.serves', { version: s.version, time: at(s.deployedAtMs!), per: perWords(s), params: paramsSummary(s) }),
    );
    lines.push(
      say('ml.trainedBy', { trainer: s.trainer, time: at(s.trainedAtMs), why: whyWords(s), on: trainedOn(s), held }),
    );
  }
  const b = now.lastMinute;
  if (!b) lines.push(say('ml.noMinute'));
  else {
    const scored =
      b.mae === null ? say('ml.noneScored') : say('ml.scored', { count: b.scored, n: n(b.scored), error: kw(b.mae) });
    const unscored = b.unscored > 0 ? say('ml.unscored', { count: b.unscored, n: n(b.unscored) }) : '';
    const quiet = b.t + SERVED_MINUTE_MS < now.minuteEndMs;
    lines.push(
      say(quiet ? 'ml.lastWithReadings' : 'ml.lastFull', {
        from: at(b.t),
        to: at(b.t + SERVED_MINUTE_MS),
        scored,
        unscored,
      }),
    );
  }
  const d = now.lastDrift;
  if (!d) lines.push(say('ml.noDrift'));
  else
    lines.push(
      say(d.action === 'retrain' ? 'ml.driftRetrain' : 'ml.driftAlert', {
        time: at(d.t),
        drifts: n(now.drifts),
        part: d.part,
        version: d.version,
        error: kw(d.mae),
      }),
    );
  return lines;
}
