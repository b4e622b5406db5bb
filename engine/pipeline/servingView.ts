/**
 * A serving store's view: counts by key, built from what its counting Spark jobs wrote (Cookbook
 * 25; Marz's lambda architecture). A batch job's run replaces the batch view with a full
 * recomputation over the files it read; a streaming job's micro-batches add to the realtime
 * (speed) view. A query answers batch view + realtime view. Once a batch run has absorbed
 * events, their realtime counts must be discarded, or the query counts them twice: with
 * `realtimeViews: 'discardAbsorbed'` the store drops every realtime count of an event created
 * up to the newest event the batch view holds (and ignores such late ones): the batch view's
 * horizon, as a lambda serving layer merges by time, so an event the lake had not made readable
 * by then counts again only once a later batch run reads it, with `'keep'` it
 * keeps them. Counts are kept per event, so the view is exact: an event is counted once per view
 * that holds it, and never twice by one view (a replayed micro-batch rewrites its counts).
 */
import type { PipelineLedger } from './pipelineLedger';

export class ServingView {
  /** Which events each view holds, and their number. */
  private readonly inBatch: Uint8Array;
  private readonly inSpeed: Uint8Array;
  private speedIds: number[] = [];
  batchCount = 0;
  /** The newest creation time the batch view holds (-1: no batch run yet). */
  batchCutoffMs = -1;
  /** Events held by both views (counted twice by a query). */
  private both = 0;
  /** Bumped whenever an event leaves the view (a readers' cursor over covered events must start again). */
  shrunk = 0;
  /** When the view last changed (-1: never). */
  changedAtMs = -1;
  /** The newest creation time the realtime view holds (-1: none). */
  private speedNewestMs = -1;
  /**
   * A realtime view being rebuilt from the log (Kappa: the new version of the job writes a new
   * table; queries read the old one until the new one has caught up, then switch).
   */
  private shadow: { inSpeed: Uint8Array; ids: number[]; newestMs: number } | null = null;

  constructor(
    private readonly ledger: PipelineLedger,
    private readonly discardAbsorbed: boolean,
  ) {
    this.inBatch = new Uint8Array(ledger.events);
    this.inSpeed = new Uint8Array(ledger.events);
  }

  get speedCount(): number {
    return this.speedIds.length;
  }

  /** Events counted twice by a query now. */
  get doubleCounted(): number {
    return this.both;
  }

  covers(id: number): boolean {
    return this.inBatch[id] === 1 || this.inSpeed[id] === 1;
  }

  /** A batch run's result: the new batch view holds exactly `ids`. */
  replaceBatch(ids: readonly number[], t: number): void {
    const created = this.ledger.created;
    // A run that read exactly what the last one read changes nothing (its ids are distinct).
    let newcomers = 0;
    for (const id of ids) if (this.inBatch[id] !== 1) newcomers++;
    if (newcomers === 0 && ids.length === this.batchCount && this.batchCutoffMs >= 0) return;
    this.changedAtMs = t;
    if (this.batchCount > 0) {
      this.inBatch.fill(0);
      this.shrunk++;
    }
    let cutoff = this.batchCutoffMs;
    for (const id of ids) {
      this.inBatch[id] = 1;
      if (created[id]! > cutoff) cutoff = created[id]!;
    }
    this.batchCount = ids.length;
    this.batchCutoffMs = cutoff;
    if (this.discardAbsorbed && this.shadow) {
      const shadow = this.shadow;
      shadow.ids = shadow.ids.filter((id) => {
        const keep = created[id]! > cutoff;
        if (!keep) shadow.inSpeed[id] = 0;
        return keep;
      });
    }
    if (this.discardAbsorbed && this.speedIds.length > 0) {
      const kept = this.speedIds.filter((id) => created[id]! > cutoff);
      if (kept.length !== this.speedIds.length) {
        for (const id of this.speedIds) this.inSpeed[id] = 0;
        for (const id of kept) this.inSpeed[id] = 1;
        this.speedIds = kept;
        this.shrunk++;
      }
    }
    this.recountBoth();
  }

  /** A micro-batch's counts added to the realtime view (and to the one being rebuilt, if any). */
  addSpeed(ids: readonly number[], t: number): void {
    const created = this.ledger.created;
    const shadow = this.shadow;
    for (const id of ids) {
      if (this.discardAbsorbed && created[id]! <= this.batchCutoffMs) continue;
      if (shadow && shadow.inSpeed[id] !== 1) {
        shadow.inSpeed[id] = 1;
        shadow.ids.push(id);
        if (created[id]! > shadow.newestMs) shadow.newestMs = created[id]!;
      }
      if (this.inSpeed[id] === 1) continue;
      this.changedAtMs = t;
      this.inSpeed[id] = 1;
      this.speedIds.push(id);
      if (created[id]! > this.speedNewestMs) this.speedNewestMs = created[id]!;
      if (this.inBatch[id] === 1) this.both++;
    }
  }

  /** Whether a new realtime view is being rebuilt from the log. */
  get rebuilding(): boolean {
    return this.shadow !== null;
  }

  /** Starts rebuilding the realtime view into a new one (again from nothing, if one was under way). */
  beginRebuild(): void {
    this.shadow = { inSpeed: new Uint8Array(this.inSpeed.length), ids: [], newestMs: -1 };
  }

  /** The rebuilt view has caught up: queries read it from now on, the old one is dropped. Returns the events it holds. */
  switchToRebuilt(t: number): number {
    const shadow = this.shadow;
    if (!shadow) return this.speedIds.length;
    this.shadow = null;
    for (const id of this.speedIds) this.inSpeed[id] = 0;
    for (const id of shadow.ids) this.inSpeed[id] = 1;
    this.speedIds = shadow.ids;
    this.speedNewestMs = shadow.newestMs;
    this.recountBoth();
    this.shrunk++;
    this.changedAtMs = t;
    return this.speedIds.length;
  }

  /** The newest creation time either view holds (-1: both empty): how recent the data behind a query is. */
  get newestMs(): number {
    return Math.max(this.batchCutoffMs, this.speedNewestMs);
  }

  /** How many times a query counts event `id` (0, 1, or 2 when both views hold it). */
  weight(id: number): number {
    return this.inBatch[id]! + this.inSpeed[id]!;
  }

  /** What a query returns now: the count per key (batch view + realtime view). */
  counts(): Map<number, number> {
    const keys = this.ledger.keys;
    const out = new Map<number, number>();
    for (let id = 0; id < this.inBatch.length; id++) {
      const n = this.inBatch[id]! + this.inSpeed[id]!;
      if (n > 0) out.set(keys[id]!, (out.get(keys[id]!) ?? 0) + n);
    }
    return out;
  }

  private recountBoth(): void {
    let both = 0;
    for (const id of this.speedIds) if (this.inBatch[id] === 1) both++;
    this.both = both;
  }
}
