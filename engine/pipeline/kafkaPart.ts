/**
 * Kafka as the pipeline's buffer: one append-only log on the machine's disk. A producer's batch
 * is acknowledged once written; every part it feeds is a consumer group with its own committed
 * offset, reading at its own pace (`poll`), so a slow or stopped consumer holds back nobody. The
 * log outlives a crash; records older than `retentionHours` are deleted, read or not.
 */
import { PartRuntime, type Reply } from './partRuntime';

export class KafkaPart extends PartRuntime {
  private readonly log: number[] = [];
  private readonly appendedAt: number[] = [];
  /** Offset of the oldest record still kept (older ones were deleted by retention). */
  private logStart = 0;
  private readonly committed = new Map<number, number>();

  override start(): void {
    for (const d of this.downstream()) this.committed.set(d.index, 0);
  }

  override accept(ids: number[], _from: PartRuntime, reply: Reply): void {
    const epoch = this.epoch;
    const ms = this.ctx.cost.diskWriteMs(this.node!, ids.length * this.ctx.eventBytes);
    this.addBusy(ms);
    this.ctx.kernel.post(ms, () => {
      if (epoch !== this.epoch || !this.up) {
        this.refused += ids.length;
        reply(ids);
        return;
      }
      this.take(ids);
      const t = this.ctx.kernel.now;
      for (const id of ids) {
        this.log.push(id);
        this.appendedAt.push(t);
      }
      this.expire(t);
      this.noteHeld();
      reply([]);
    });
  }

  get endOffset(): number {
    return this.log.length;
  }

  committedOffset(consumer: number): number {
    return Math.max(this.logStart, this.committed.get(consumer) ?? 0);
  }

  /** Up to `max` records from `offset` (records deleted by retention are skipped and dropped for this consumer). */
  poll(consumer: number, max: number): { ids: number[]; from: number; to: number } {
    this.expire(this.ctx.kernel.now);
    const from = this.committedOffset(consumer);
    const to = Math.min(this.log.length, from + max);
    return { ids: this.log.slice(from, to), from, to };
  }

  commit(consumer: number, offset: number): void {
    const was = this.committed.get(consumer) ?? 0;
    if (offset > was) {
      this.committed.set(consumer, offset);
      this.delivered += offset - was;
    }
  }

  /** Moves a consumer back to the oldest record the log still keeps (a job reprocessing its history); returns that offset. */
  rewind(consumer: number): number {
    this.expire(this.ctx.kernel.now);
    this.committed.set(consumer, this.logStart);
    return this.logStart;
  }

  /** Lag of a consumer: records after its committed offset. */
  lag(consumer: number): number {
    return this.log.length - this.committedOffset(consumer);
  }

  private expire(t: number): void {
    const keepMs = this.num('retentionHours') * 3_600_000;
    let start = this.logStart;
    while (start < this.log.length && this.appendedAt[start]! <= t - keepMs) start++;
    if (start === this.logStart) return;
    for (const [consumer, offset] of this.committed)
      if (offset < start) {
        this.drop(this.log.slice(Math.max(offset, this.logStart), start));
        this.committed.set(consumer, start);
      }
    this.logStart = start;
  }

  forEachHeld(mark: (id: number) => void): void {
    let from = this.log.length;
    for (const offset of this.committed.values()) from = Math.min(from, Math.max(offset, this.logStart));
    for (let i = from; i < this.log.length; i++) mark(this.log[i]!);
  }

  /** What its slowest consumer has yet to read. */
  heldCount(): number {
    let most = 0;
    for (const consumer of this.committed.keys()) most = Math.max(most, this.lag(consumer));
    return most;
  }
}
