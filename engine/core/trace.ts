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
  /** Whether the sink keeps events of `type` (absent: every type): emitters may skip building the others. */
  keeps?(type: string): boolean;
}

/**
 * True when emitters of the event `types` (all of an emitter's types, from eventTypes) should
 * build and record events for `sink`: it is enabled and keeps at least one of them. Without
 * `types`, whether it is enabled at all.
 */
export function isTracing(sink: TraceSink<never>, types?: readonly string[]): boolean {
  if (sink.enabled === false) return false;
  return types === undefined || sink.keeps === undefined || types.some((t) => sink.keeps!(t));
}

/**
 * The types of an event union as a list, checked when compiled to name every one: a type left
 * out is a type error (`missing` names it), so an emitter that asks isTracing with the list never
 * skips an event a filtered Trace keeps. Use: `eventTypes<HdfsEvent['type']>()(['dirCreated', ...])`.
 */
export function eventTypes<T extends string>() {
  return <const L extends readonly T[]>(
    list: L &
      ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }) &
      // A list typed as the whole union (T[]) would name every type whatever it holds: a literal only.
      (number extends L['length'] ? { literal: 'pass the types as a literal list' } : unknown),
  ): readonly T[] => list;
}

/** A trace that keeps every event in memory, optionally bounded. */
export class Trace<E extends TraceEvent = TraceEvent> implements TraceSink<E> {
  readonly events: E[] = [];
  readonly enabled = true;
  private listeners: ((event: E) => void)[] = [];

  private readonly kept: ReadonlySet<string> | undefined;

  /**
   * `keepTypes`: the event types to keep (default all). Emitters asking isTracing with their
   * types then build no event of the others (a CLI run that reports node deaths builds no task or
   * block events). Listeners hear every event recorded, so with `keepTypes` they hear only what
   * the layers that keep one of their types still record.
   */
  constructor(
    private readonly limit = Number.POSITIVE_INFINITY,
    keepTypes?: readonly string[],
  ) {
    this.kept = keepTypes === undefined ? undefined : new Set(keepTypes);
  }

  keeps(type: string): boolean {
    return this.kept === undefined || this.kept.has(type);
  }

  record(event: E): void {
    if (this.events.length < this.limit && (this.kept === undefined || this.kept.has(event.type)))
      this.events.push(event);
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
