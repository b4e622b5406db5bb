/**
 * The registry of models as it stood at an instant (Cookbook 22.7): every model trained by then,
 * newest first and capped, each with when and why it was trained, on which readings, one model for
 * the fleet or one per pump, its parameters, its error on the held-out readings, and whether it
 * was deployed (by then), refused (and why) or is still on its way.
 */
import type { MlReport, ModelParams, ModelRecord } from '../../../engine/pipeline';
import { at, kw, n, paramsSummary } from './mlAt';
import { refusedWords } from './refusedWords';
import { viewsText as say } from './viewsText';

export const REGISTRY_ROWS_SHOWN = 8;

export interface RegistryRow {
  version: number;
  trainer: string;
  trainedAt: string;
  why: 'schedule' | 'drift';
  /** The first and last reading's send times (null: no readings). */
  window: { from: string; to: string } | null;
  rows: string;
  per: 'fleet' | 'pump';
  /** The fleet's "29.52 × load + 5.07 kW", or the per-pump models' ranges. */
  power: string;
  /** Per pump: each model (empty for a fleet model). */
  pumps: ModelParams[];
  pumpsLeftOut: number;
  holdout: string;
  /** Serving at t, deployed earlier and replaced since, refused, or trained but not deployed yet. */
  status: 'serving' | 'replaced' | 'refused' | 'pending' | 'unreached';
  statusText: string;
}

export interface RegistryAt {
  rows: RegistryRow[];
  /** Models trained by t, and how many are not listed. */
  trained: number;
  more: number;
}

function statusOf(m: ModelRecord, t: number, serving: number | null): Pick<RegistryRow, 'status' | 'statusText'> {
  if (m.rejected !== null)
    return { status: 'refused', statusText: say('registry.refused', { why: refusedWords(m.rejected) }) };
  if (m.deployedAtMs !== null && m.deployedAtMs <= t)
    return m.version === serving
      ? { status: 'serving', statusText: say('registry.servingNow', { time: at(m.deployedAtMs) }) }
      : { status: 'replaced', statusText: say('registry.replaced', { time: at(m.deployedAtMs) }) };
  if (m.deployedAtMs === null && m.deployed) return { status: 'unreached', statusText: say('registry.unreached') };
  return { status: 'pending', statusText: say('registry.pending') };
}

export function mlRegistry(ml: MlReport, t: number, limit = REGISTRY_ROWS_SHOWN): RegistryAt {
  const trained = ml.models.filter((m) => m.trainedAtMs <= t);
  let serving: ModelRecord | null = null;
  for (const m of trained)
    if (m.deployedAtMs !== null && m.deployedAtMs <= t && (!serving || m.deployedAtMs >= serving.deployedAtMs!))
      serving = m;
  const newest = [...trained].sort((a, b) => b.trainedAtMs - a.trainedAtMs || b.version - a.version);
  const rows = newest.slice(0, limit).map((m): RegistryRow => ({
    version: m.version,
    trainer: m.trainer,
    trainedAt: at(m.trainedAtMs),
    why: m.trigger,
    window:
      m.windowFromMs === null || m.windowToMs === null ? null : { from: at(m.windowFromMs), to: at(m.windowToMs) },
    rows: n(m.rows),
    per: m.settings.modelPer === 'fleet' ? 'fleet' : 'pump',
    power: paramsSummary(m, true),
    pumps: m.settings.modelPer === 'fleet' ? [] : m.models,
    pumpsLeftOut: m.modelsLeftOut,
    holdout: m.holdoutMae === null ? '–' : kw(m.holdoutMae),
    ...statusOf(m, t, serving?.version ?? null),
  }));
  return { rows, trained: trained.length, more: Math.max(0, trained.length - rows.length) };
}
