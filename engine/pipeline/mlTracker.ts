/**
 * Machine learning in production, as the run saw it (Cookbook 22.3–22.7): the registry of every
 * model trained (when, on what data, with which parameters, its error on held-out readings,
 * whether it was deployed), the drifts the serving part detected, and the error of every
 * prediction served, per minute and per key.
 */

export interface ModelParams {
  /** The key (pump) the model is for; null for a fleet model. */
  key: number | null;
  slope: number;
  intercept: number;
  rows: number;
}

export interface ModelRecord {
  version: number;
  trainer: string;
  trainedAtMs: number;
  trigger: 'schedule' | 'drift';
  /** The creation times of the readings it was trained and tested on. */
  windowFromMs: number | null;
  windowToMs: number | null;
  /** The training job's settings that shaped it. */
  settings: { trainWindowMs: number; modelPer: 'fleet' | 'key'; maxHoldoutMae: number };
  rows: number;
  /** The fitted models (one per key, or one for the fleet; the first 100 listed). */
  models: ModelParams[];
  modelsLeftOut: number;
  /** Mean absolute error on the newest fifth of the readings, held out of the fit (null: none). */
  holdoutMae: number | null;
  /** Passed its test and was sent to model serving. */
  deployed: boolean;
  /** When model serving took it (null: refused, not reached yet, or a newer model came first). */
  deployedAtMs: number | null;
  /** Why it was not deployed. */
  rejected: string | null;
}

export interface DriftRecord {
  t: number;
  part: string;
  /** The mean absolute error of the latest predictions, and the model version that made them. */
  mae: number;
  version: number;
  action: 'alert' | 'retrain';
}

export interface MlReport {
  models: ModelRecord[];
  drifts: DriftRecord[];
  /** Served predictions per minute: how many were scored (or passed on without a model) and their mean absolute error. */
  served: { t: number; scored: number; unscored: number; mae: number | null }[];
  /** Per key, over the run's last `lastMs`: predictions scored and their mean absolute error. */
  lastMs: number;
  byKey: { key: number; scored: number; mae: number | null }[];
}

export const SERVED_BUCKET_MS = 60_000;
export const LAST_MS = 600_000;
const MAX_MODELS_LISTED = 100;

const round = (v: number) => Math.round(v * 1000) / 1000;

export class MlTracker {
  readonly models: ModelRecord[] = [];
  private lastVersion = 0;

  /** Model versions count across every training job of the run (one registry). */
  nextVersion(): number {
    return ++this.lastVersion;
  }

  readonly drifts: DriftRecord[] = [];
  /** Per event: the absolute error of its first prediction (NaN: none), and when. */
  private readonly error: Float64Array;
  private readonly servedAt: Float64Array;
  private unscored = new Map<number, number>();
  used = false;

  constructor(events: number) {
    this.error = new Float64Array(events).fill(Number.NaN);
    this.servedAt = new Float64Array(events).fill(Number.NaN);
  }

  listModels(models: ModelParams[]): { models: ModelParams[]; modelsLeftOut: number } {
    const listed = models.slice(0, MAX_MODELS_LISTED).map((m) => ({
      ...m,
      slope: round(m.slope),
      intercept: round(m.intercept),
    }));
    return { models: listed, modelsLeftOut: Math.max(0, models.length - MAX_MODELS_LISTED) };
  }

  /** A prediction for event `id` at `t` with absolute error `err` (NaN: no model to score it). */
  served(id: number, t: number, err: number): void {
    if (!Number.isNaN(this.servedAt[id]!)) return;
    this.servedAt[id] = t;
    if (Number.isNaN(err)) {
      const b = Math.floor(t / SERVED_BUCKET_MS);
      this.unscored.set(b, (this.unscored.get(b) ?? 0) + 1);
    } else this.error[id] = err;
  }

  report(keys: Uint32Array, endMs: number): MlReport {
    const buckets = new Map<number, { scored: number; sum: number }>();
    const byKey = new Map<number, { scored: number; sum: number }>();
    for (let id = 0; id < this.error.length; id++) {
      const t = this.servedAt[id]!;
      const e = this.error[id]!;
      if (Number.isNaN(t) || Number.isNaN(e)) continue;
      const b = Math.floor(t / SERVED_BUCKET_MS);
      const row = buckets.get(b) ?? { scored: 0, sum: 0 };
      row.scored++;
      row.sum += e;
      buckets.set(b, row);
      if (t >= endMs - LAST_MS) {
        const k = byKey.get(keys[id]!) ?? { scored: 0, sum: 0 };
        k.scored++;
        k.sum += e;
        byKey.set(keys[id]!, k);
      }
    }
    const all = new Set([...buckets.keys(), ...this.unscored.keys()]);
    return {
      models: this.models,
      drifts: this.drifts,
      served: [...all]
        .sort((a, b) => a - b)
        .map((b) => {
          const row = buckets.get(b);
          return {
            t: b * SERVED_BUCKET_MS,
            scored: row?.scored ?? 0,
            unscored: this.unscored.get(b) ?? 0,
            mae: row ? round(row.sum / row.scored) : null,
          };
        }),
      lastMs: LAST_MS,
      byKey: [...byKey.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([key, v]) => ({ key, scored: v.scored, mae: round(v.sum / v.scored) })),
    };
  }
}
