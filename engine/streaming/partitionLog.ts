/**
 * The records of one partition: an append-only array addressed by offset, with a log start
 * offset that retention moves forward, a high watermark (what every in-sync replica has, the
 * limit consumers may read to) and truncation for a new leader that had fewer records.
 */
import type { LogRecord } from './types';

export class PartitionLog {
  private records: LogRecord[] = [];
  /** Index in `records` of the record at `logStartOffset`. */
  private base = 0;
  private start = 0;
  /** Offsets below this are on every in-sync replica (and visible to consumers). */
  highWatermark = 0;

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  /** First offset still retained. */
  get logStartOffset(): number {
    return this.start;
  }

  /** Offset the next appended record gets. */
  get logEndOffset(): number {
    return this.start + this.records.length - this.base;
  }

  /** Records currently retained. */
  get size(): number {
    return this.records.length - this.base;
  }

  /**
   * Appends `record`, stamping partition, offset and append time. A record object that was
   * already appended once (a retried send) is copied, so each offset has its own record.
   */
  append(record: LogRecord, now: number): LogRecord {
    const stored: LogRecord = record.offset >= 0 ? { ...record } : record;
    stored.partition = this.partition;
    stored.offset = this.logEndOffset;
    stored.appendTime = now;
    this.records.push(stored);
    return stored;
  }

  /**
   * The ledger id of the record at `offset`, even once retention deleted it (a consumer may hold
   * it from an earlier fetch); undefined when nothing was written there.
   */
  idAt(offset: number): number | undefined {
    // `records` keeps every record appended, from offset 0 (retention only moves the start).
    if (offset < 0 || offset >= this.logEndOffset) return undefined;
    return this.records[offset]?.id;
  }

  /** Every record appended and not truncated away, the ones retention deleted too, in offset order (for the run's film). */
  everyRecord(): LogRecord[] {
    return this.records.slice();
  }

  /** The record at `offset`, or undefined when it was deleted or not written yet. */
  at(offset: number): LogRecord | undefined {
    if (offset < this.start) return undefined;
    return this.records[this.base + offset - this.start];
  }

  /** Up to `max` records from `from` (clamped to the log start), never past `upTo` (default: the high watermark). */
  read(from: number, max: number, upTo = this.highWatermark): LogRecord[] {
    const first = Math.max(from, this.start);
    const last = Math.min(upTo, this.logEndOffset, first + max);
    if (last <= first) return [];
    return this.records.slice(this.base + first - this.start, this.base + last - this.start);
  }

  /** Removes every record at or above `offset` (a new leader had only those); returns them. */
  truncateTo(offset: number): LogRecord[] {
    if (offset >= this.logEndOffset) return [];
    const keep = Math.max(offset, this.start);
    const removed = this.records.splice(this.base + keep - this.start);
    if (this.highWatermark > keep) this.highWatermark = keep;
    return removed;
  }

  /**
   * Deletes records older than `retentionMs` (by append time) and beyond `maxRecords`, oldest
   * first, the way Kafka deletes whole old segments. Returns how many were deleted.
   */
  applyRetention(now: number, retentionMs: number, maxRecords: number): number {
    let drop = 0;
    const size = this.size;
    if (size > maxRecords) drop = size - maxRecords;
    if (Number.isFinite(retentionMs)) {
      const limit = now - retentionMs;
      while (drop < size) {
        const r = this.records[this.base + drop];
        if (r === undefined || r.appendTime >= limit) break;
        drop++;
      }
    }
    if (drop === 0) return 0;
    this.base += drop;
    this.start += drop;
    if (this.highWatermark < this.start) this.highWatermark = this.start;
    // The records stay in the array (bounded by the run's produce limits): the film draws them deleted.
    return drop;
  }
}
