/**
 * Spark in a pipeline. Structured Streaming reads Kafka in micro-batches: at every trigger it
 * takes the records after the offsets of its last finished batch (at most `maxOffsetsPerTrigger`),
 * processes them, writes to every part it feeds, and marks the batch done (Spark keeps the offsets
 * in its checkpoint, not in Kafka; here they sit on the Kafka part as a consumer's position) only
 * once all took the output: a crash or a refused write replays the batch from the same offsets
 * (at-least-once). A batch longer than the trigger
 * delays the next, which then starts at once. A batch job runs every `everyMs`: it starts on YARN,
 * reads every closed file in HDFS (a full recomputation), and writes its result.
 */
import { PartRuntime } from './partRuntime';
import type { KafkaPart } from './kafkaPart';
import type { HdfsPart } from './hdfsPart';
import { rowsOf } from './rowsOf';
import { StorePart } from './storePart';

/** Planning and scheduling one micro-batch's tasks on the executors already running. */
export const MICRO_BATCH_OVERHEAD_MS = 50;

/** Sends `ids` to every part `from` feeds; `done(ok)` once all answered. */
function writeAll(from: PartRuntime, ids: number[], done: (ok: boolean) => void): void {
  const targets = from.downstream();
  let waiting = targets.length;
  let ok = true;
  const bytes = rowsOf(from, ids).bytes;
  for (const to of targets)
    from.send(to, ids, bytes, (refused) => {
      if (refused.length > 0) ok = false;
      if (--waiting === 0) done(ok);
    });
}

/**
 * Works `ms` on `ids` (a micro-batch, a batch run), then writes them to every part `part` feeds
 * and tells the batch; `done(ok)` once all answered, unless the part went down meanwhile.
 */
function batchThenWrite(part: PartRuntime, ids: number[], ms: number, done: (ok: boolean) => void): void {
  const started = part.ctx.kernel.now;
  part.addBusy(ms);
  const epoch = part.epoch;
  part.later(ms, () => {
    part.take(ids);
    writeAll(part, ids, (ok) => {
      if (epoch !== part.epoch) return;
      const t = part.ctx.kernel.now;
      part.ctx.emit({ t, type: 'batch', part: part.id, events: ids.length, durationMs: t - started, ok });
      done(ok);
    });
  });
}

export class SparkStreamingPart extends PartRuntime {
  private running = false;
  private overdue = false;
  batches = 0;

  override start(): void {
    this.ctx.kernel.post(this.num('triggerMs'), () => this.trigger());
  }

  private trigger(): void {
    this.ctx.kernel.post(this.num('triggerMs'), () => this.trigger());
    if (this.running) this.overdue = true;
    else this.runBatch();
  }

  private runBatch(): void {
    if (!this.up) return;
    const kafka = this.upstream()[0] as KafkaPart;
    if (!kafka.canReach(this)) {
      this.ctx.emit({ t: this.ctx.kernel.now, type: 'batch', part: this.id, events: 0, durationMs: 0, ok: false });
      return;
    }
    const { ids, to } = kafka.poll(this.index, this.num('maxOffsetsPerTrigger'));
    if (ids.length === 0) return;
    const bytes = ids.length * this.ctx.eventBytes;
    const node = this.node!;
    const ms =
      MICRO_BATCH_OVERHEAD_MS +
      kafka.networkMs(this, bytes) +
      this.ctx.cost.cpuMs(node, { records: ids.length, bytes }) / node.cores;
    this.running = true;
    batchThenWrite(this, ids, ms, (ok) => {
      this.running = false;
      this.batches++;
      if (ok) {
        kafka.commit(this.index, to);
        this.delivered += ids.length;
        this.caughtUp(to);
      }
      if (this.overdue) {
        this.overdue = false;
        this.runBatch();
      }
    });
  }

  protected override onDown(): void {
    this.running = false;
    this.overdue = false;
  }

  /** The log's end when a reprocessing began: once committed up to here, the rebuilt view takes over. */
  private rebuildTo: number | null = null;

  /**
   * A new version of the job is deployed and rebuilds its results from the log (Kappa's
   * reprocessing, as Kreps describes it): it reads again from the oldest record Kafka still
   * keeps into a new realtime view, while queries go on reading the old one, which keeps taking
   * the new records; once it has caught up with the log's end as it was, the stores switch to
   * the rebuilt view and drop the old one.
   */
  reprocess(): void {
    this.epoch++;
    this.running = false;
    this.overdue = false;
    const kafka = this.upstream()[0] as KafkaPart;
    const fromOffset = kafka.rewind(this.index);
    this.rebuildTo = kafka.endOffset;
    for (const store of this.viewStores()) store.view!.beginRebuild();
    this.ctx.emit({ t: this.ctx.kernel.now, type: 'reprocess', part: this.id, fromOffset, toOffset: this.rebuildTo });
    this.caughtUp(fromOffset);
    if (this.up && this.rebuildTo !== null) this.runBatch();
  }

  private viewStores(): StorePart[] {
    return this.downstream().filter((p): p is StorePart => p instanceof StorePart && p.view !== null);
  }

  /** After a commit up to `offset`: a rebuild that has caught up switches the stores to its view. */
  private caughtUp(offset: number): void {
    if (this.rebuildTo === null || offset < this.rebuildTo) return;
    this.rebuildTo = null;
    let counted = 0;
    for (const store of this.viewStores())
      counted = Math.max(counted, store.view!.switchToRebuilt(this.ctx.kernel.now));
    this.ctx.emit({ t: this.ctx.kernel.now, type: 'rebuilt', part: this.id, counted });
  }

  forEachHeld(): void {}

  /** What it has yet to read: its lag on Kafka. */
  heldCount(): number {
    return (this.upstream()[0] as KafkaPart).lag(this.index);
  }
}

export class SparkBatchPart extends PartRuntime {
  private running = false;
  runs = 0;

  override start(): void {
    this.ctx.kernel.post(this.num('everyMs'), () => this.tick());
  }

  private tick(): void {
    this.ctx.kernel.post(this.num('everyMs'), () => this.tick());
    if (this.running || !this.up) return;
    const hdfs = this.upstream()[0] as HdfsPart;
    if (!hdfs.canReach(this)) {
      this.ctx.emit({ t: this.ctx.kernel.now, type: 'batch', part: this.id, events: 0, durationMs: 0, ok: false });
      return;
    }
    const ids = hdfs.visible.slice();
    const executors = this.num('executors');
    const ms =
      this.num('startupMs') +
      hdfs.readMs(hdfs.files, hdfs.bytes, ids.length, executors) +
      hdfs.networkMs(this, hdfs.bytes / executors);
    this.running = true;
    batchThenWrite(this, ids, ms, (ok) => {
      this.running = false;
      this.runs++;
      if (ok) this.delivered += ids.length;
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
