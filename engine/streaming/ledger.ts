/**
 * The delivery ledger: exact per-record counts of what happened to every produced record.
 * Each record id has counters (appended to the log, processed, stored) and flags (filtered by
 * the processing function, dropped as late); `summarize` turns them into the learner's table.
 *
 * Definitions (per record id, so the counts are exact):
 * - produced:   a source created it and handed it to a producer.
 * - appended:   at least one copy reached a partition leader's log (logDuplicated: more than one).
 * - processed:  the processing function ran on it at least once (reprocessed: more than once).
 * - stored:     its effect was applied to the sink at least once (committed, for the transactional sink).
 * - duplicated: its effect was applied to the sink more than once (a subset of stored).
 * - filtered:   processed, the processing function returned null, and never stored.
 * - aggregated: counted in a window of a streaming aggregation (Structured Streaming), whose rows
 *               the sink gets, not the records; never stored one by one.
 * - late:       dropped by the window's watermark, and never stored or aggregated.
 * - pending:    not stored but still on its way at the end: in a producer's buffer or in the
 *               log at or after the offset the consumers would resume from.
 * - lost:       none of the above: the pipeline dropped it for good.
 * stored + filtered + aggregated + late + pending + lost = produced.
 */
import { grownArray } from '../core';

export interface LedgerSummary {
  produced: number;
  appended: number;
  logDuplicated: number;
  processed: number;
  reprocessed: number;
  stored: number;
  duplicated: number;
  filtered: number;
  late: number;
  /** Counted in the windows of a streaming aggregation (Structured Streaming), not stored one by one. */
  aggregated: number;
  pending: number;
  lost: number;
  /** Of `lost`: never reached the log (producer gave up, acks=0 into a dead network, truncated on failover). */
  lostBeforeLog: number;
}

const FILTERED = 1;
const LATE = 2;
const PENDING = 4;
const AGGREGATED = 8;
const MAX = 65535;

export class Ledger {
  private count = 0;
  private appendedCopies: Uint16Array;
  private processedCount: Uint16Array;
  private storedCount: Uint16Array;
  private flagBits: Uint16Array;

  /** `expected`: how many records the run will most likely produce (room is made for them at once; more still fit). */
  constructor(expected = 1024) {
    const size = Math.max(1024, Math.ceil(expected));
    this.appendedCopies = new Uint16Array(size);
    this.processedCount = new Uint16Array(size);
    this.storedCount = new Uint16Array(size);
    this.flagBits = new Uint16Array(size);
  }

  /** Records produced so far (ids are 0..produced-1). */
  get produced(): number {
    return this.count;
  }

  /** Registers a new record and returns its id. */
  nextId(): number {
    const id = this.count++;
    if (id >= this.appendedCopies.length) {
      const need = id + 1;
      this.appendedCopies = grownArray(this.appendedCopies, need);
      this.processedCount = grownArray(this.processedCount, need);
      this.storedCount = grownArray(this.storedCount, need);
      this.flagBits = grownArray(this.flagBits, need);
    }
    return id;
  }

  appended(id: number): void {
    // Ids below zero are not the ledger's: markers, and the records of a store topic (outputs).
    if (id < 0) return;
    if (this.appendedCopies[id]! < MAX) this.appendedCopies[id]!++;
  }

  /** A copy was removed from the log by truncation (a new leader lacked it). */
  unappended(id: number): void {
    if (id < 0) return;
    if (this.appendedCopies[id]! > 0) this.appendedCopies[id]!--;
  }

  processed(id: number): void {
    if (id < 0) return;
    if (this.processedCount[id]! < MAX) this.processedCount[id]!++;
  }

  stored(id: number): void {
    if (id < 0) return;
    if (this.storedCount[id]! < MAX) this.storedCount[id]!++;
  }

  filtered(id: number): void {
    this.flagBits[id]! |= FILTERED;
  }

  late(id: number): void {
    this.flagBits[id]! |= LATE;
  }

  aggregated(id: number): void {
    this.flagBits[id]! |= AGGREGATED;
  }

  /** Marks a record as still on its way at the end of the run. */
  pending(id: number): void {
    this.flagBits[id]! |= PENDING;
  }

  storedTimes(id: number): number {
    return this.storedCount[id] ?? 0;
  }

  processedTimes(id: number): number {
    return this.processedCount[id] ?? 0;
  }

  appendedTimes(id: number): number {
    return this.appendedCopies[id] ?? 0;
  }

  summarize(): LedgerSummary {
    const s: LedgerSummary = {
      produced: this.count,
      appended: 0,
      logDuplicated: 0,
      processed: 0,
      reprocessed: 0,
      stored: 0,
      duplicated: 0,
      filtered: 0,
      late: 0,
      aggregated: 0,
      pending: 0,
      lost: 0,
      lostBeforeLog: 0,
    };
    for (let id = 0; id < this.count; id++) {
      const a = this.appendedCopies[id]!;
      const p = this.processedCount[id]!;
      const st = this.storedCount[id]!;
      const f = this.flagBits[id]!;
      if (a > 0) s.appended++;
      if (a > 1) s.logDuplicated++;
      if (p > 0) s.processed++;
      if (p > 1) s.reprocessed++;
      if (st > 0) {
        s.stored++;
        if (st > 1) s.duplicated++;
      } else if (f & FILTERED) s.filtered++;
      else if (f & AGGREGATED) s.aggregated++;
      else if (f & LATE) s.late++;
      else if (f & PENDING) s.pending++;
      else {
        s.lost++;
        if (a === 0) s.lostBeforeLog++;
      }
    }
    return s;
  }
}
