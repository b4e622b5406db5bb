/**
 * The typed trace: every state change of a simulation is recorded as an event named in the
 * past tense, stamped with simulated time. UIs draw from it; tests compare it byte for byte.
 * The sink is pluggable: a full `Trace`, a `CountingSink` (per-type counts only) or `nullSink`.
 * Emitters check `enabled` first, so a disabled sink costs no event objects at all.
 */
export interface TraceEvent {
  /** Simulated milliseconds since the start of the run. */
  t: number;
  /** Past-tense event name, e.g. `taskFinished`. */
  type: string;
  [field: string]: unknown;
}

export interface TraceSink<E extends TraceEvent = TraceEvent> {
  record(event: E): void;
  /** false means "do not even build events for me" (nullSink). Absent means true. */
  readonly enabled?: boolean;
}

/** True when emitters should build and record events for `sink`. */
export function isTracing(sink: TraceSink<never>): boolean {
  return sink.enabled !== false;
}

/** A trace that keeps every event in memory, optionally bounded. */
export class Trace<E extends TraceEvent = TraceEvent> implements TraceSink<E> {
  readonly events: E[] = [];
  readonly enabled = true;
  private listeners: ((event: E) => void)[] = [];

  /** `keep`: which events to keep (default all); listeners hear every event. */
  constructor(
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly keep?: (event: E) => boolean,
  ) {}

  record(event: E): void {
    if (this.events.length < this.limit && (this.keep === undefined || this.keep(event))) this.events.push(event);
    for (const listener of this.listeners) listener(event);
  }

  /** Calls `listener` for each event recorded from now on; returns a function that stops it. */
  subscribe(listener: (event: E) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  ofType<T extends E['type']>(type: T): Extract<E, { type: T }>[] {
    return this.events.filter((e) => e.type === type) as Extract<E, { type: T }>[];
  }

  /** One JSON line per event, with keys in insertion order: the byte-comparable form. */
  toJsonLines(): string {
    return this.events.map((e) => JSON.stringify(e)).join('\n');
  }
}

/** Counts events per type without keeping them: for long runs and benchmarks. */
export class CountingSink<E extends TraceEvent = TraceEvent> implements TraceSink<E> {
  readonly enabled = true;
  total = 0;
  private readonly counts = new Map<string, number>();

  record(event: E): void {
    this.total++;
    this.counts.set(event.type, (this.counts.get(event.type) ?? 0) + 1);
  }

  count(type: string): number {
    return this.counts.get(type) ?? 0;
  }

  /** Counts by type, sorted by type name (deterministic order). */
  toObject(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key)!;
    return out;
  }
}

/** A sink that drops everything: for benchmarks that measure the kernel alone. */
export const nullSink: TraceSink<never> = { record: () => {}, enabled: false };
