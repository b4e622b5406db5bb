/**
 * Model serving (Cookbook 22.3: the stream applies the model the batch layer created): a service
 * that scores every reading it serves with the model deployed last (power predicted from load)
 * and passes it on. It watches the error of its latest `driftWindow` predictions (the reading
 * carries the power actually drawn); once their mean passes `driftMae` it has drifted (22.5:
 * models do not work forever): with `onDrift` 'alert' it records the drift, with 'retrain' it
 * also has the training jobs that deploy to it train a new model now, asking again until one
 * can (22.6: the loop of retraining). A new model starts a new watch.
 */
import { ModelTrainerPart, REDELIVER_MS, predict, type DeployedModel } from './modelTrainerPart';
import { PassThroughPart } from './serviceParts';

export class ModelServingPart extends PassThroughPart {
  private model: DeployedModel | null = null;
  /** The absolute errors of the latest predictions (a ring), their sum and count. */
  private ring: Float64Array | null = null;
  private next = 0;
  private filled = 0;
  private sum = 0;
  /** Drift already reported for the model serving now. */
  private flagged = false;

  override start(): void {
    this.ctx.ml.used = true;
  }

  get version(): number {
    return this.model?.version ?? 0;
  }

  /** Takes `model` unless it serves a newer one (or is down); says whether it did. */
  deploy(model: DeployedModel): boolean {
    if (!this.up || (this.model && this.model.version >= model.version)) return false;
    this.model = model;
    this.ring = null;
    this.next = 0;
    this.filled = 0;
    this.sum = 0;
    this.flagged = false;
    return true;
  }

  protected override served(ids: readonly number[]): void {
    const { load, power, keys } = this.ctx.ledger;
    const t = this.ctx.kernel.now;
    const size = this.num('driftWindow');
    for (const id of ids) {
      const p = this.model ? predict(this.model, keys[id]!, load[id]!) : Number.NaN;
      const err = Number.isNaN(p) || Number.isNaN(power[id]!) ? Number.NaN : Math.abs(power[id]! - p);
      this.ctx.ml.served(id, t, err);
      if (Number.isNaN(err)) continue;
      this.ring ??= new Float64Array(size);
      if (this.filled === size) this.sum -= this.ring[this.next]!;
      else this.filled++;
      this.ring[this.next] = err;
      this.sum += err;
      this.next = (this.next + 1) % size;
    }
    this.watch(size);
  }

  private watch(size: number): void {
    const action = this.word('onDrift');
    if (action === 'ignore' || this.flagged || this.filled < size) return;
    const mae = this.sum / this.filled;
    if (mae <= this.num('driftMae')) return;
    this.flagged = true;
    const t = this.ctx.kernel.now;
    const rounded = Math.round(mae * 1000) / 1000;
    const act = action === 'retrain' ? 'retrain' : 'alert';
    this.ctx.ml.drifts.push({ t, part: this.id, mae: rounded, version: this.version, action: act });
    this.ctx.emit({ t, type: 'drift', part: this.id, mae: rounded, action: act });
    if (act === 'retrain') this.askRetrain(this.version);
  }

  /**
   * Has the training jobs train now; when none can (one already training, down or out of reach),
   * asks again every REDELIVER_MS until one does or a newer model arrives.
   */
  private askRetrain(version: number): void {
    if (this.version !== version || !this.up) return;
    let started = false;
    for (const p of this.upstream())
      if (p instanceof ModelTrainerPart && p.canReach(this) && p.retrain()) started = true;
    if (!started) this.ctx.kernel.post(REDELIVER_MS, () => this.askRetrain(version));
  }
}
