/**
 * Bytes on the wire for produce requests (optional: without it a request takes only the network
 * latency, and throughput has no physical bound). Each record is `bytesPerRecord` bytes as sent
 * (value, key and Kafka's per-record overhead); a request leaves through its producer machine's
 * NIC and enters through the leader broker's NIC. Each NIC sends or receives one request at a
 * time at its line rate, in arrival order, so producers sharing a broker share its NIC. The
 * request is forwarded as it arrives (cut-through): it is in when the later of the two NICs is
 * done with it.
 *
 * Not modelled: the followers' fetches (replication traffic) on the brokers' NICs, disks (Kafka
 * writes to the page cache; flushing is asynchronous), producer and broker CPU, TCP windows.
 */

/** One direction of a network interface: busy with one transfer at a time, first come first served. */
export class NicLink {
  private busyUntil = 0;
  /** Bytes per simulated millisecond. */
  readonly bytesPerMs: number;

  constructor(bitsPerSecond: number) {
    if (!(bitsPerSecond > 0) || !Number.isFinite(bitsPerSecond))
      throw new RangeError(`NicLink: bitsPerSecond must be a positive number, got ${bitsPerSecond}`);
    this.bytesPerMs = bitsPerSecond / 8 / 1000;
  }

  /** Takes the link for `bytes` from `from` on (or when it is free); returns when they are through. */
  reserve(from: number, bytes: number): number {
    const start = Math.max(from, this.busyUntil);
    this.busyUntil = start + bytes / this.bytesPerMs;
    return this.busyUntil;
  }
}

export class WireModel {
  private readonly out = new Map<string, NicLink>();
  private readonly in = new Map<string, NicLink>();
  bytesSent = 0;

  /** `nicBitsPerSecond`: every machine's NIC (1 GbE: 1e9); `bytesPerRecord`: a record as sent. */
  constructor(
    readonly nicBitsPerSecond: number,
    readonly bytesPerRecord: number,
  ) {
    if (!(bytesPerRecord > 0))
      throw new RangeError(`WireModel: bytesPerRecord must be positive, got ${bytesPerRecord}`);
  }

  /** Milliseconds from `now` until a request of `records` from `producer` is in at `broker`. */
  requestMs(now: number, producer: string, broker: string, records: number): number {
    const bytes = records * this.bytesPerRecord;
    this.bytesSent += bytes;
    const sent = this.link(this.out, producer).reserve(now, bytes);
    // The broker's NIC takes the bytes from when the producer's NIC starts sending them.
    const received = this.link(this.in, broker).reserve(sent - bytes / this.link(this.out, producer).bytesPerMs, bytes);
    return Math.max(sent, received) - now;
  }

  private link(links: Map<string, NicLink>, id: string): NicLink {
    let l = links.get(id);
    if (l === undefined) {
      l = new NicLink(this.nicBitsPerSecond);
      links.set(id, l);
    }
    return l;
  }
}
