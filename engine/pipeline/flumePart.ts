/**
 * A Flume agent: its source puts events into the channel (up to `capacity`; the rest are refused
 * and the sender keeps them), its sink takes up to `batchSize` at a time and hands them on; only
 * once the next part took a batch does it leave the channel. A memory channel loses what it holds
 * when the machine dies; a file channel writes each put to disk first and keeps it. Fed by Kafka,
 * the agent's Kafka source polls the log and commits its offset once the events are in the channel.
 */
import { PartRuntime, type Reply } from './partRuntime';
import type { KafkaPart } from './kafkaPart';
import type { HdfsPart } from './hdfsPart';

/** Flume's sink backs off this long after a failed delivery; its Kafka source polls this often. */
export const SINK_BACKOFF_MS = 1_000;
export const KAFKA_POLL_MS = 100;

export class FlumePart extends PartRuntime {
  private channel: number[] = [];
  private sinkBusy = false;
  /** After a failed delivery the sink waits until then. */
  private backoffUntil = 0;
  private polling = false;

  private get fileChannel(): boolean {
    return this.word('channel') === 'file';
  }

  override start(): void {
    if (this.upstream()[0]?.spec.type === 'kafka') this.ctx.kernel.post(KAFKA_POLL_MS, () => this.poll());
  }

  override accept(ids: number[], _from: PartRuntime, reply: Reply): void {
    const room = Math.max(0, this.num('capacity') - this.channel.length);
    const taken = ids.length <= room ? ids : ids.slice(0, room);
    const refused = ids.length <= room ? [] : ids.slice(room);
    this.refused += refused.length;
    if (taken.length === 0) return reply(refused);
    const put = () => {
      this.take(taken);
      for (const id of taken) this.channel.push(id);
      this.noteHeld();
      reply(refused);
      this.pump();
    };
    if (!this.fileChannel) return put();
    const ms = this.ctx.cost.diskWriteMs(this.node!, taken.length * this.ctx.eventBytes);
    const epoch = this.epoch;
    this.addBusy(ms);
    this.ctx.kernel.post(ms, () => {
      if (epoch === this.epoch && this.up) put();
      else reply(ids);
    });
  }

  /** The Kafka source: reads what fits in the channel, puts it, commits. */
  private poll(): void {
    const kafka = this.upstream()[0] as KafkaPart;
    const again = () => this.ctx.kernel.post(KAFKA_POLL_MS, () => this.poll());
    if (this.polling || !this.up || !this.canReachFrom(kafka)) return void again();
    const room = Math.min(this.num('batchSize'), this.num('capacity') - this.channel.length);
    const { ids, to } = room > 0 ? kafka.poll(this.index, room) : { ids: [], to: 0 };
    if (ids.length === 0) return void again();
    this.polling = true;
    const epoch = this.epoch;
    this.ctx.kernel.post(kafka.networkMs(this, ids.length * this.ctx.eventBytes), () => {
      if (epoch !== this.epoch || !this.up) return void again();
      // The next poll waits for this put (a file channel writes it to disk first) and its commit.
      this.accept(ids, kafka, (refused) => {
        if (epoch !== this.epoch) return void again();
        this.polling = false;
        if (refused.length === 0) kafka.commit(this.index, to);
        again();
      });
    });
  }

  private canReachFrom(kafka: PartRuntime): boolean {
    return kafka.canReach(this);
  }

  private pump(): void {
    if (this.sinkBusy || this.channel.length === 0 || !this.up || this.ctx.kernel.now < this.backoffUntil) return;
    const batch = this.channel.slice(0, this.num('batchSize'));
    const next = this.downstream()[0]!;
    const epoch = this.epoch;
    this.sinkBusy = true;
    this.send(next, batch, batch.length * this.ctx.eventBytes, (refused) => {
      if (epoch !== this.epoch) return;
      this.sinkBusy = false;
      if (refused.length === 0) {
        this.channel.splice(0, batch.length);
        this.delivered += batch.length;
        this.pump();
      } else {
        this.backoffUntil = this.ctx.kernel.now + SINK_BACKOFF_MS;
        this.later(SINK_BACKOFF_MS, () => this.pump());
      }
    });
  }

  protected override onDown(): void {
    this.sinkBusy = false;
    this.polling = false;
    // Its Kafka source's poll loop goes on (it finds the agent down and waits).
    if (!this.fileChannel) {
      this.drop(this.channel);
      this.channel = [];
    }
    const next = this.downstream()[0]!;
    if (next.spec.type === 'hdfs') (next as HdfsPart).writerDown(this);
  }

  protected override onUp(): void {
    this.backoffUntil = 0;
    this.pump();
  }

  forEachHeld(mark: (id: number) => void): void {
    for (const id of this.channel) mark(id);
  }

  heldCount(): number {
    return this.channel.length;
  }
}
