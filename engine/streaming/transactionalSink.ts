/**
 * The transactional sink: a batch's rows and the consumer's next offsets are committed together
 * or not at all (Kafka transactions, or a database table that also stores the offsets). A
 * consumer that takes over a partition resumes from the offsets stored here, so a crash before
 * the commit throws the batch away and it is done again, exactly once.
 */
import type { Ledger } from './ledger';
import type { OffsetMap } from './types';
import type { SinkRows } from './sinkRows';
import { AppendSink, type SinkEntry } from './appendSink';

export interface SinkTransaction {
  /** The batches of rows staged, in write order. */
  readonly rows: SinkRows[];
  open: boolean;
}

export class TransactionalSink {
  readonly kind = 'transactional' as const;
  private readonly committedRows: AppendSink;
  private readonly offsets: OffsetMap = new Map();
  commits = 0;
  aborts = 0;

  constructor(ledger: Ledger) {
    this.committedRows = new AppendSink(ledger);
  }

  begin(): SinkTransaction {
    return { rows: [], open: true };
  }

  /** Stages rows in the transaction; nothing is visible until `commit`. */
  write(txn: SinkTransaction, rows: SinkRows): void {
    if (!txn.open) throw new Error('transaction is closed');
    txn.rows.push(rows);
  }

  /** Applies the rows and stores the offsets in one step. */
  commit(txn: SinkTransaction, offsets: OffsetMap): void {
    if (!txn.open) throw new Error('transaction is closed');
    txn.open = false;
    for (const rows of txn.rows) this.committedRows.write(rows);
    for (const [p, o] of offsets) this.offsets.set(p, o);
    this.commits++;
  }

  /** Drops a transaction (its consumer crashed). */
  abort(txn: SinkTransaction): void {
    if (!txn.open) return;
    txn.open = false;
    this.aborts++;
  }

  /** The offset to resume a partition from, as committed with the output. */
  storedOffset(partition: number): number | undefined {
    return this.offsets.get(partition);
  }

  /** The committed output (an append-only table). */
  get output(): AppendSink {
    return this.committedRows;
  }

  get entryCount(): number {
    return this.committedRows.entryCount;
  }

  get windows(): AppendSink['windows'] {
    return this.committedRows.windows;
  }

  entries(limit = Number.POSITIVE_INFINITY): SinkEntry[] {
    return this.committedRows.entries(limit);
  }
}
