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

export class SparkStreamingPart extends PartRuntime {
  private running = false;
  private overdue = false;
  batches = 0;

  override start(): void {
    this.ctx.kernel.schedule(this.num('triggerMs'), () => this.trigger());
  }

  private trigger(): void {
    this.ctx.kernel.schedule(this.num('triggerMs'), () => this.trigger());
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
    const started = this.ctx.kernel.now;
    const bytes = ids.length * this.ctx.eventBytes;
    const node = this.node!;
    const ms =
      MICRO_BATCH_OVERHEAD_MS +
      kafka.networkMs(this, bytes) +
      this.ctx.cost.cpuMs(node, { records: ids.length, bytes }) / node.cores;
    this.running = true;
    this.busyMs += ms;
    const epoch = this.epoch;
    this.later(ms, () => {
      this.take(ids);
      writeAll(this, ids, (ok) => {
        if (epoch !== this.epoch) return;
        const t = this.ctx.kernel.now;
        this.running = false;
        this.batches++;
        if (ok) {
          kafka.commit(this.index, to);
          this.delivered += ids.length;
        }
        this.ctx.emit({ t, type: 'batch', part: this.id, events: ids.length, durationMs: t - started, ok });
        if (this.overdue) {
          this.overdue = false;
          this.runBatch();
        }
      });
    });
  }

  protected override onDown(): void {
    this.running = false;
    this.overdue = false;
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
    this.ctx.kernel.schedule(this.num('everyMs'), () => this.tick());
  }

  private tick(): void {
    this.ctx.kernel.schedule(this.num('everyMs'), () => this.tick());
    if (this.running || !this.up) return;
    const hdfs = this.upstream()[0] as HdfsPart;
    if (!hdfs.canReach(this)) {
      this.ctx.emit({ t: this.ctx.kernel.now, type: 'batch', part: this.id, events: 0, durationMs: 0, ok: false });
      return;
    }
    const ids = hdfs.visible.slice();
    const started = this.ctx.kernel.now;
    const executors = this.num('executors');
    const ms =
      this.num('startupMs') +
      hdfs.readMs(hdfs.files, hdfs.bytes, ids.length, executors) +
      hdfs.networkMs(this, hdfs.bytes / executors);
    this.running = true;
    this.busyMs += ms;
    const epoch = this.epoch;
    this.later(ms, () => {
      this.take(ids);
      writeAll(this, ids, (ok) => {
        if (epoch !== this.epoch) return;
        const t = this.ctx.kernel.now;
        this.running = false;
        this.runs++;
        if (ok) this.delivered += ids.length;
        this.ctx.emit({ t, type: 'batch', part: this.id, events: ids.length, durationMs: t - started, ok });
      });
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
