/**
 * A serving store (HBase, a relational database): writes are applied one batch after another and
 * are readable as soon as applied. HBase appends a batch to its write-ahead log and its memstore
 * (puts spread over the machine's cores); the relational database inserts and indexes row after
 * row. A dashboard's query costs HBase a get by key; the database scans the rows it aggregates,
 * so its reports slow down as raw rows pile up. Counts written by key replace the key's row.
 */
import { PartRuntime, type Reply } from './partRuntime';
import { aggregates, rowsOf } from './rowsOf';
import { ServingView } from './servingView';

interface Write {
  ids: number[];
  from: PartRuntime;
  reply: Reply;
}

/** A dashboard's fixed cost for one query on the relational database (parse, plan, round trip). */
export const SQL_QUERY_MS = 5;
/** HBase: reading one row in a scan. */
export const HBASE_ROW_US = 1;

export class StorePart extends PartRuntime {
  readonly visible: number[] = [];
  /** Rows stored: raw rows appended, plus one per key of counted rows. */
  private rawRows = 0;
  private readonly keys = new Set<number>();
  private queue: Write[] = [];
  /** The write being applied. */
  private current: Write | null = null;
  /** Counts by key from its counting Spark jobs (batch view + realtime view), when any feeds it. */
  private view_: ServingView | null | undefined;

  get view(): ServingView | null {
    if (this.view_ === undefined)
      this.view_ = this.upstream().some(aggregates)
        ? new ServingView(this.ctx.ledger, this.word('realtimeViews') === 'discardAbsorbed')
        : null;
    return this.view_;
  }

  get rows(): number {
    return this.rawRows + this.keys.size;
  }

  override accept(ids: number[], from: PartRuntime, reply: Reply): void {
    this.queue.push({ ids, from, reply });
    this.pump();
  }

  private pump(): void {
    if (this.current !== null || this.queue.length === 0) return;
    const w = this.queue.shift()!;
    this.current = w;
    const { rows, bytes, keys } = rowsOf(w.from, w.ids);
    const node = this.node!;
    const ms =
      this.spec.type === 'hbase'
        ? this.ctx.cost.diskWriteMs(node, bytes) +
          this.ctx.cost.cpuMs(node, { ms: (rows * this.num('putCpuMs')) / node.cores })
        : this.ctx.cost.cpuMs(node, { ms: rows * this.num('insertMs') });
    this.addBusy(ms);
    this.later(ms, () => {
      this.current = null;
      // An event is stored once: a replayed batch or a batch job's recomputation rewrites its row.
      const stored = this.ctx.ledger.reached[this.index]!;
      const fresh = w.ids.filter((id) => Number.isNaN(stored[id]!));
      this.take(fresh);
      if (keys) for (const k of keys) this.keys.add(k);
      else this.rawRows += fresh.length;
      const view = keys ? this.view : null;
      if (view) {
        const t = this.ctx.kernel.now;
        if (w.from.spec.type === 'spark-batch') view.replaceBatch(w.ids, t);
        else view.addSpeed(w.ids, t);
      }
      for (const id of fresh) this.visible.push(id);
      this.delivered += w.ids.length;
      w.reply([]);
      this.pump();
    });
  }

  /** A dashboard's query over what is stored now. */
  queryMs(): number {
    const node = this.node!;
    if (this.spec.type === 'hbase')
      return this.ctx.cost.cpuMs(node, { ms: this.num('getMs') + (this.rows * HBASE_ROW_US) / 1000 });
    return this.ctx.cost.cpuMs(node, { ms: SQL_QUERY_MS + (this.rows * this.num('scanUsPerRow')) / 1000 });
  }

  /** A crash: writes not yet applied are refused; what was applied is on disk. */
  protected override onDown(): void {
    const open = this.current === null ? this.queue : [this.current, ...this.queue];
    this.current = null;
    this.queue = [];
    for (const w of open) {
      this.refused += w.ids.length;
      w.reply(w.ids);
    }
  }

  forEachHeld(mark: (id: number) => void): void {
    for (const id of this.visible) mark(id);
  }

  heldCount(): number {
    let n = this.current?.ids.length ?? 0;
    for (const w of this.queue) n += w.ids.length;
    return n;
  }
}
