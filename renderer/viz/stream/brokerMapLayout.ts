/**
 * The cluster map of a streaming run at an instant: racks side by side, each with the brokers on
 * its nodes, each broker with one chip per partition replica it holds (the leader's, an in-sync
 * follower's, or one that fell out of sync), and the producers above with the batches they sent
 * lately drawn to the leader they went to. Pure geometry and state; StreamBrokerMap draws it.
 */
import { countUpTo } from './streamView';
import type { StreamAt, StreamView } from './streamViewTypes';

export type ReplicaRole = 'leader' | 'in-sync' | 'out-of-sync';

export interface ChipLayout {
  x: number;
  y: number;
  topic: string;
  partition: number;
  role: ReplicaRole;
  /** A replica of the store topic (its records are the store's rows). */
  output: boolean;
}

export interface BrokerLayout {
  id: string;
  rack: string;
  alive: boolean;
  leads: number;
  x: number;
  y: number;
  w: number;
  h: number;
  chips: ChipLayout[];
}

export interface ProducerLayout {
  producer: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What one producer sent to one leader (or to no leader) in the window. */
export interface SendLine {
  producer: number;
  /** The broker the batches went to, or null: the partition had no leader. */
  broker: string | null;
  records: number;
  batches: number;
  retries: number;
  /** Batches lost on the way (the producer's network was cut). */
  lost: number;
  /** Batches that arrived and were appended, whose answer was lost on the way back. */
  answersLost: number;
}

export interface BrokerMapLayout {
  width: number;
  height: number;
  racks: { id: string; x: number; y: number; w: number; h: number }[];
  brokers: BrokerLayout[];
  producers: ProducerLayout[];
  sends: SendLine[];
  /** Partitions (of every topic) with fewer in-sync replicas than replicas now. */
  underReplicated: number;
  /** How far back the drawn sends go (ms of simulated time). */
  windowMs: number;
}

export const CHIP_W = 22;
export const CHIP_H = 15;
const CHIP_GAP = 3;
const PAD = 8;
const HEADER = 20;
const RACK_HEADER = 18;
const PRODUCER_H = 24;
const PRODUCER_W = 96;
const SEND_GAP = 46;
const MIN_BROKER_W = 6 * (CHIP_W + CHIP_GAP) + 2 * PAD;

/** The sends from `t - windowMs` to `t`, summed by producer and the broker they went to. */
export function recentSends(view: StreamView, t: number, windowMs: number): SendLine[] {
  const lines = new Map<string, SendLine>();
  const from = countUpTo(view.sends, t - windowMs - 1e-6, (s) => s.t);
  const to = countUpTo(view.sends, t, (s) => s.t);
  for (const s of view.sends.slice(from, to)) {
    const key = `${s.producer}\u0000${s.leader ?? ''}`;
    let line = lines.get(key);
    if (!line)
      lines.set(
        key,
        (line = {
          producer: s.producer,
          broker: s.leader,
          records: 0,
          batches: 0,
          retries: 0,
          lost: 0,
          answersLost: 0,
        }),
      );
    line.records += s.records;
    line.batches++;
    if (s.attempt > 0) line.retries++;
    if (s.lost) line.lost++;
    if (s.answerLost) line.answersLost++;
  }
  return [...lines.values()].sort((a, b) => a.producer - b.producer || (a.broker ?? '').localeCompare(b.broker ?? ''));
}

export function layoutBrokerMap(view: StreamView, at: StreamAt, width = 640): BrokerMapLayout {
  const racks: string[] = [];
  for (const b of view.brokers) if (!racks.includes(b.rack)) racks.push(b.rack);
  const rackW = (width - PAD * (racks.length + 1)) / Math.max(1, racks.length);
  const top = view.producers.length > 0 ? PRODUCER_H + SEND_GAP : 0;
  const alive = new Map(at.brokers.map((b) => [b.id, b]));
  const brokers: BrokerLayout[] = [];
  const rackBoxes: BrokerMapLayout['racks'] = [];
  let height = top;
  racks.forEach((rack, ri) => {
    const x = PAD + ri * (rackW + PAD);
    const mine = view.brokers.filter((v) => v.rack === rack);
    // Brokers side by side while each keeps room for six chips a row, else in rows.
    const across = Math.max(1, Math.min(mine.length, Math.floor((rackW - PAD) / (MIN_BROKER_W + PAD))));
    const brokerW = (rackW - PAD * (across + 1)) / across;
    const cols = Math.max(1, Math.floor((brokerW - PAD * 2 + CHIP_GAP) / (CHIP_W + CHIP_GAP)));
    let y = top + RACK_HEADER;
    for (let row = 0; row < mine.length; row += across) {
      let rowH = 0;
      mine.slice(row, row + across).forEach((b, i) => {
        const bx = x + PAD + i * (brokerW + PAD);
        const held = at.partitions.filter((p) => p.track.replicas.includes(b.id));
        const chips: ChipLayout[] = held.map((p, k) => ({
          x: bx + PAD + (k % cols) * (CHIP_W + CHIP_GAP),
          y: y + HEADER + Math.floor(k / cols) * (CHIP_H + CHIP_GAP),
          topic: p.track.topic,
          partition: p.track.partition,
          role: p.leader === b.id ? 'leader' : p.isr.includes(b.id) ? 'in-sync' : 'out-of-sync',
          output: p.track.output,
        }));
        const h = HEADER + Math.max(1, Math.ceil(held.length / cols)) * (CHIP_H + CHIP_GAP) + PAD / 2;
        const state = alive.get(b.id);
        brokers.push({
          id: b.id,
          rack,
          alive: state?.alive ?? true,
          leads: state?.leads ?? 0,
          x: bx,
          y,
          w: brokerW,
          h,
          chips,
        });
        rowH = Math.max(rowH, h);
      });
      y += rowH + PAD;
    }
    rackBoxes.push({ id: rack, x, y: top, w: rackW, h: y - top });
    height = Math.max(height, y);
  });
  const pw = Math.min(PRODUCER_W, (width - PAD) / Math.max(1, view.producers.length) - PAD);
  const span = view.producers.length * (pw + PAD) - PAD;
  const producers = view.producers.map((producer, i) => ({
    producer,
    x: (width - span) / 2 + i * (pw + PAD),
    y: 0,
    w: pw,
    h: PRODUCER_H,
  }));
  // About half a second of a twenty-second playback: long enough to see, short enough to follow.
  const windowMs = Math.max(50, Math.round(view.activeUntil / 40));
  return {
    width,
    height: height + PAD,
    racks: rackBoxes,
    brokers,
    producers,
    sends: recentSends(view, at.t, windowMs),
    underReplicated: at.partitions.filter((p) => p.isr.length < p.track.replicas.length).length,
    windowMs,
  };
}
