/**
 * HDFS as a pipeline's store: each writer appends to a file of its own, and a reader sees a file
 * only once it is closed. A Flume agent closes its file by its HDFS sink's roll settings (every
 * `rollInterval`, `rollCount` events or `rollSize` bytes: Flume's defaults make many small
 * files); any other writer closes one file per write (a Spark micro-batch, a request). A writer
 * that crashes leaves its file open: come back, it is a new client and writes a new file, and the
 * old one is closed by the NameNode's lease recovery after the hard limit of one hour. Readers
 * pay per file opened.
 */
import { PartRuntime, type Reply } from './partRuntime';
import { rowsOf } from './rowsOf';

/** HDFS's lease hard limit: the NameNode closes a dead writer's file after an hour. */
export const LEASE_HARD_LIMIT_MS = 3_600_000;

interface OpenFile {
  ids: number[];
  bytes: number;
  /** Closes it at the roll interval, if set. */
  timer: { cancel(): void } | null;
}

export class HdfsPart extends PartRuntime {
  /** Events in closed files, in the order the files closed (readers keep a cursor into it). */
  readonly visible: number[] = [];
  /** Files closed so far, and their bytes. */
  files = 0;
  bytes = 0;
  private readonly open = new Map<number, OpenFile>();
  /** Files of writers that died, waiting for lease recovery. */
  private readonly orphans = new Set<OpenFile>();

  override accept(ids: number[], from: PartRuntime, reply: Reply): void {
    const epoch = this.epoch;
    const bytes = rowsOf(from, ids).bytes;
    // The write pipeline streams the copies: its pace is one disk's (the replicas write as the bytes pass).
    const ms = this.ctx.cost.diskWriteMs(this.node!, bytes) + (this.num('replication') > 1 ? 1 : 0);
    this.addBusy(ms);
    this.ctx.kernel.post(ms, () => {
      if (epoch !== this.epoch || !this.up) {
        this.refused += ids.length;
        reply(ids);
        return;
      }
      this.take(ids);
      this.append(from, ids, bytes);
      reply([]);
    });
  }

  private append(writer: PartRuntime, ids: number[], bytes: number): void {
    if (writer.spec.type !== 'flume') {
      this.openFor(writer);
      this.put(writer, ids, bytes);
      return this.close(writer);
    }
    // Flume's HDFS sink checks its roll counts at every event it writes.
    const count = writer.num('rollCount');
    const size = writer.num('rollSize');
    const each = ids.length > 0 ? bytes / ids.length : 0;
    for (const id of ids) {
      const file = this.openFor(writer);
      this.put(writer, [id], each);
      if ((count > 0 && file.ids.length >= count) || (size > 0 && file.bytes >= size)) this.close(writer);
    }
  }

  private openFor(writer: PartRuntime): OpenFile {
    let file = this.open.get(writer.index);
    if (!file) {
      file = { ids: [], bytes: 0, timer: null };
      this.open.set(writer.index, file);
      if (writer.spec.type === 'flume' && writer.num('rollInterval') > 0)
        file.timer = this.ctx.kernel.schedule(writer.num('rollInterval') * 1000, () => this.close(writer));
    }
    return file;
  }

  private put(writer: PartRuntime, ids: number[], bytes: number): void {
    const file = this.open.get(writer.index)!;
    for (const id of ids) file.ids.push(id);
    file.bytes += bytes;
    this.noteHeld();
  }

  /** Closes `writer`'s open file: its events become readable. */
  close(writer: PartRuntime): void {
    const file = this.open.get(writer.index);
    if (!file) return;
    file.timer?.cancel();
    this.open.delete(writer.index);
    this.publish(writer, file);
  }

  private publish(writer: PartRuntime, file: OpenFile): void {
    for (const id of file.ids) this.visible.push(id);
    this.files++;
    this.bytes += file.bytes;
    this.delivered += file.ids.length;
    this.ctx.emit({
      t: this.ctx.kernel.now,
      type: 'fileClosed',
      part: this.id,
      writer: writer.id,
      events: file.ids.length,
      bytes: file.bytes,
    });
  }

  /** A writer died: its file stays open, unread, until the lease's hard limit passes. */
  writerDown(writer: PartRuntime): void {
    const file = this.open.get(writer.index);
    if (!file) return;
    file.timer?.cancel();
    this.open.delete(writer.index);
    this.orphans.add(file);
    this.ctx.kernel.post(LEASE_HARD_LIMIT_MS, () => {
      this.orphans.delete(file);
      this.publish(writer, file);
    });
  }

  /** Reading `files` files of `bytes` in all with `parallel` readers: opening each, then the bytes. */
  readMs(files: number, bytes: number, records: number, parallel = 1): number {
    const node = this.node!;
    const open = files * this.num('openFileMs');
    const io = this.ctx.cost.diskReadMs(node, bytes);
    const cpu = this.ctx.cost.cpuMs(node, { records, bytes });
    return (open + io + cpu) / parallel;
  }

  forEachHeld(mark: (id: number) => void): void {
    for (const id of this.visible) mark(id);
    for (const file of this.open.values()) for (const id of file.ids) mark(id);
    for (const file of this.orphans) for (const id of file.ids) mark(id);
  }

  /** Events written but not yet readable (in open files). */
  heldCount(): number {
    let n = 0;
    for (const file of this.open.values()) n += file.ids.length;
    for (const file of this.orphans) n += file.ids.length;
    return n;
  }
}
