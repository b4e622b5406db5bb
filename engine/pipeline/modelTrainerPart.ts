/**
 * A Spark batch job that trains a model (op `trainRegression`, Cookbook 22.3): on its schedule,
 * or when the serving part it deploys to reports drift, it starts on YARN, reads the pumps'
 * readings of the last `trainWindowMs` from the closed files in HDFS, fits power = slope × load +
 * intercept by least squares (one model for the fleet, or one per pump, each from at least 10
 * readings) on the older four fifths,
 * measures the mean absolute error on the newest fifth (held out), and deploys the model to the
 * serving part only if that error is at most `maxHoldoutMae` (and it can score every held-out
 * reading); a serving part out of reach gets the newest such model once it can be reached again.
 * Every model it trains is recorded with the data and settings it came from (22.7).
 */
import type { HdfsPart } from './hdfsPart';
import type { ModelParams, ModelRecord } from './mlTracker';
import { PartRuntime } from './partRuntime';
import type { ModelServingPart } from './modelServingPart';

/** The share of the window's newest readings held out of the fit to test the model. */
export const HOLDOUT_SHARE = 0.2;
/** Bytes of a model on the wire (a few numbers per key and their names). */
const MODEL_BYTES_PER_KEY = 64;
/** The fewest readings a model is fit to. */
export const MIN_FIT_ROWS = 10;
/** How long a training job waits before sending its newest model again to a serving part it could not reach. */
export const REDELIVER_MS = 10_000;

export interface DeployedModel {
  version: number;
  fleet: ModelParams | null;
  byKey: Map<number, ModelParams>;
}

/** Least squares of power on load over `ids`; null when the loads do not vary. */
function fit(ids: readonly number[], load: Float64Array, power: Float64Array, key: number | null): ModelParams | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const id of ids) {
    const x = load[id]!;
    const y = power[id]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const varX = n * sxx - sx * sx;
  if (n < MIN_FIT_ROWS || varX <= 1e-12 * n * n) return null;
  const slope = (n * sxy - sx * sy) / varX;
  return { key, slope, intercept: (sy - slope * sx) / n, rows: n };
}

export function predict(model: DeployedModel, key: number, load: number): number {
  const m = model.byKey.get(key) ?? model.fleet;
  return m ? m.slope * load + m.intercept : Number.NaN;
}

export class ModelTrainerPart extends PartRuntime {
  private running = false;
  runs = 0;
  /** The newest model that passed its test, and its registry record: what serving should have. */
  private latest: { model: DeployedModel; record: ModelRecord } | null = null;

  override start(): void {
    this.ctx.ml.used = true;
    this.ctx.kernel.post(this.num('everyMs'), () => this.tick());
  }

  private tick(): void {
    this.ctx.kernel.post(this.num('everyMs'), () => this.tick());
    this.train('schedule');
  }

  /** Trains now because the serving part saw drift; false when it cannot (running, down). */
  retrain(): boolean {
    if (this.running || !this.up) return false;
    this.train('drift');
    return true;
  }

  private train(trigger: ModelRecord['trigger']): void {
    if (this.running || !this.up) return;
    const hdfs = this.upstream()[0] as HdfsPart;
    if (!hdfs.canReach(this)) {
      this.ctx.emit({ t: this.ctx.kernel.now, type: 'batch', part: this.id, events: 0, durationMs: 0, ok: false });
      return;
    }
    const { created } = this.ctx.ledger;
    const windowMs = this.num('trainWindowMs');
    const from = windowMs > 0 ? this.ctx.kernel.now - windowMs : Number.NEGATIVE_INFINITY;
    const ids = hdfs.visible.filter((id) => created[id]! >= from).sort((a, b) => a - b);
    const executors = this.num('executors');
    const share = hdfs.visible.length > 0 ? ids.length / hdfs.visible.length : 0;
    const ms =
      this.num('startupMs') +
      hdfs.readMs(hdfs.files, hdfs.bytes, hdfs.visible.length, executors) +
      hdfs.networkMs(this, (hdfs.bytes * share) / executors) +
      this.ctx.cost.cpuMs(this.node!, { records: ids.length * 2 }) / executors;
    const started = this.ctx.kernel.now;
    this.running = true;
    this.addBusy(ms);
    const epoch = this.epoch;
    this.later(ms, () => {
      this.running = false;
      this.runs++;
      this.take(ids);
      const record = this.fitAndTest(ids, trigger);
      this.ctx.emit({
        t: this.ctx.kernel.now,
        type: 'batch',
        part: this.id,
        events: ids.length,
        durationMs: this.ctx.kernel.now - started,
        ok: true,
      });
      this.ctx.emit({
        t: this.ctx.kernel.now,
        type: 'model',
        part: this.id,
        version: record.version,
        deployed: record.deployed,
        holdoutMae: record.holdoutMae,
      });
      if (record.deployed && epoch === this.epoch) this.deploy(record);
    });
  }

  private fitAndTest(ids: number[], trigger: ModelRecord['trigger']): ModelRecord {
    const { load, power, keys, created } = this.ctx.ledger;
    const cut = Math.floor(ids.length * (1 - HOLDOUT_SHARE));
    const trainIds = ids.slice(0, cut);
    const testIds = ids.slice(cut);
    const per = this.word('modelPer') as 'fleet' | 'key';
    const model: DeployedModel = { version: this.ctx.ml.nextVersion(), fleet: null, byKey: new Map() };
    if (per === 'fleet') model.fleet = fit(trainIds, load, power, null);
    else {
      const groups = new Map<number, number[]>();
      for (const id of trainIds) {
        const list = groups.get(keys[id]!) ?? [];
        list.push(id);
        groups.set(keys[id]!, list);
      }
      for (const [key, list] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
        const m = fit(list, load, power, key);
        if (m) model.byKey.set(key, m);
      }
    }
    let sum = 0;
    let n = 0;
    let unscorable = 0;
    for (const id of testIds) {
      const p = predict(model, keys[id]!, load[id]!);
      if (Number.isNaN(power[id]!)) continue;
      if (Number.isNaN(p)) {
        unscorable++;
        continue;
      }
      sum += Math.abs(power[id]! - p);
      n++;
    }
    const holdoutMae = n > 0 ? Math.round((sum / n) * 1000) / 1000 : null;
    const params = model.fleet ? [model.fleet] : [...model.byKey.values()];
    const maxMae = this.num('maxHoldoutMae');
    const rejected =
      params.length === 0
        ? `no readings to train on in its window (a model needs ${MIN_FIT_ROWS} readings from closed files)`
        : unscorable > 0
          ? `${unscorable} of its held-out readings belong to keys it has no model for (fewer than ${MIN_FIT_ROWS} readings to train on)`
          : holdoutMae === null
            ? 'no held-out readings to test it on'
            : holdoutMae > maxMae
              ? `its error on the held-out readings, ${holdoutMae} kW, is above maxHoldoutMae (${maxMae} kW)`
              : null;
    const record: ModelRecord = {
      version: model.version,
      trainer: this.id,
      trainedAtMs: this.ctx.kernel.now,
      trigger,
      windowFromMs: ids.length ? created[ids[0]!]! : null,
      windowToMs: ids.length ? created[ids[ids.length - 1]!]! : null,
      settings: { trainWindowMs: this.num('trainWindowMs'), modelPer: per, maxHoldoutMae: maxMae },
      rows: trainIds.length,
      ...this.ctx.ml.listModels(params),
      holdoutMae,
      deployed: rejected === null,
      deployedAtMs: null,
      rejected,
    };
    this.ctx.ml.models.push(record);
    if (rejected === null) this.latest = { model, record };
    return record;
  }

  /** Sends the newest passing model to every serving part; one out of reach gets it again every REDELIVER_MS. */
  private deploy(record: ModelRecord): void {
    for (const to of this.downstream() as ModelServingPart[]) this.deliver(to, record.version);
  }

  private deliver(to: ModelServingPart, version: number): void {
    const latest = this.latest;
    // A newer model supersedes this one: it is delivered instead.
    if (!latest || latest.model.version !== version) return;
    if (!this.canReach(to)) {
      this.ctx.kernel.post(REDELIVER_MS, () => this.deliver(to, version));
      return;
    }
    const bytes = MODEL_BYTES_PER_KEY * Math.max(1, latest.model.byKey.size);
    this.ctx.kernel.post(this.networkMs(to, bytes), () => {
      if (!this.canReach(to)) return this.deliver(to, version);
      if (to.deploy(latest.model)) latest.record.deployedAtMs ??= this.ctx.kernel.now;
    });
  }

  protected override onDown(): void {
    this.running = false;
  }

  forEachHeld(): void {}

  heldCount(): number {
    return 0;
  }
}
