/**
 * The pipeline's ledger of records: for every event, when it was created, when it first reached
 * each part, and when a dashboard first showed it; plus where a copy was dropped (a Flume memory
 * channel on a machine that died). Every number of a pipeline run is read from it.
 *
 * An event ends the run in one of three states:
 * - displayed: a dashboard's refresh read it (its latency: display time − creation time);
 * - pending:   not displayed, but some part still holds it (a client's resend queue, a channel,
 *              Kafka's log, a file not yet closed, a store no dashboard read yet);
 * - lost:      neither: every copy was dropped.
 * displayed + pending + lost = produced.
 */

export interface LatencyFigures {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LedgerSummary {
  produced: number;
  displayed: number;
  pending: number;
  lost: number;
  /** Over the displayed events (null when none was). */
  latencyMs: LatencyFigures | null;
  firstDisplayMs: number | null;
  lastDisplayMs: number | null;
}

export class PipelineLedger {
  readonly created: Float64Array;
  readonly keys: Uint32Array;
  /** A reading's values (pumps: the load and the power drawn; NaN when events carry none). */
  readonly load: Float64Array;
  readonly power: Float64Array;
  /** Per part: when each event first reached it (NaN: never). */
  readonly reached: Float64Array[];
  readonly displayedAt: Float64Array;
  /** The part where a copy was last dropped (-1: none). */
  readonly droppedAt: Int16Array;
  private displayedCount = 0;

  constructor(
    readonly events: number,
    parts: number,
  ) {
    this.created = new Float64Array(events).fill(Number.NaN);
    this.keys = new Uint32Array(events);
    this.load = new Float64Array(events).fill(Number.NaN);
    this.power = new Float64Array(events).fill(Number.NaN);
    this.reached = Array.from({ length: parts }, () => new Float64Array(events).fill(Number.NaN));
    this.displayedAt = new Float64Array(events).fill(Number.NaN);
    this.droppedAt = new Int16Array(events).fill(-1);
  }

  get displayed(): number {
    return this.displayedCount;
  }

  create(id: number, t: number, key: number): void {
    this.created[id] = t;
    this.keys[id] = key;
  }

  setReading(id: number, load: number, power: number): void {
    this.load[id] = load;
    this.power[id] = power;
  }

  /** Notes `ids` at `part`; returns how many reached it for the first time. */
  reach(part: number, ids: readonly number[], t: number): number {
    const row = this.reached[part]!;
    let fresh = 0;
    for (const id of ids)
      if (Number.isNaN(row[id]!)) {
        row[id] = t;
        fresh++;
      }
    return fresh;
  }

  /** Marks `ids` shown at t; returns how many were shown for the first time. */
  display(part: number, ids: readonly number[], t: number): number {
    this.reach(part, ids, t);
    let fresh = 0;
    for (const id of ids)
      if (Number.isNaN(this.displayedAt[id]!)) {
        this.displayedAt[id] = t;
        fresh++;
      }
    this.displayedCount += fresh;
    return fresh;
  }

  drop(part: number, ids: readonly number[]): void {
    for (const id of ids) this.droppedAt[id] = part;
  }

  /** The summary, given which events some part still holds at the end. */
  summarize(held: Uint8Array): LedgerSummary {
    const latencies: number[] = [];
    let pending = 0;
    let lost = 0;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (let id = 0; id < this.events; id++) {
      const shown = this.displayedAt[id]!;
      if (!Number.isNaN(shown)) {
        latencies.push(shown - this.created[id]!);
        first = Math.min(first, shown);
        last = Math.max(last, shown);
      } else if (held[id] || Number.isNaN(this.created[id]!)) pending++;
      else lost++;
    }
    return {
      produced: this.events,
      displayed: latencies.length,
      pending,
      lost,
      latencyMs: latencyFigures(latencies),
      firstDisplayMs: latencies.length ? first : null,
      lastDisplayMs: latencies.length ? last : null,
    };
  }
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export function latencyFigures(values: number[]): LatencyFigures | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]!),
    mean: round(sum / sorted.length),
  };
}
