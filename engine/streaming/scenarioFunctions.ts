/**
 * Guards around the learner's functions (record generators and the processing function): a
 * throw becomes a ScenarioFunctionError naming the field, keeping the original error (whose
 * stack points at the scenario file's line), and a malformed return value is reported the same
 * way instead of breaking the engine further down.
 * The learner never holds the engine's own objects: a generated value is copied and frozen as it
 * enters the pipeline (so the generator may keep mutating its own object), and the processing
 * function gets a frozen copy of the log record, so a scenario cannot rewrite the log, an offset or
 * the ledger's record id.
 */
import { describeValue, type Rng } from '../core';
import type { LogRecord, ProcessedValue, RecordView } from './types';
import type { GenerateContext, GeneratedRecord } from './scenarioSpec';
import type { ProcessFn } from './microBatchProcessor';

export class ScenarioFunctionError extends Error {
  override name = 'ScenarioFunctionError';
  constructor(
    /** The scenario field holding the function, e.g. `process` or `producers[0].generate`. */
    readonly field: string,
    readonly problem: string,
    /** What the learner's function threw, if it threw. */
    override readonly cause?: unknown,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** What a learner's function threw, as text; never throws (a hostile getter or Proxy included). */
function errorText(e: unknown): string {
  try {
    if (typeof e === 'object' && e !== null) {
      const m = (e as { message?: unknown }).message;
      return typeof m === 'string' ? m : describeValue(e);
    }
    return typeof e === 'string' ? e : describeValue(e);
  } catch {
    return 'a value that cannot be shown';
  }
}

/** A returned Promise (an `async` function) is a mistake: the simulation needs the record itself, now. */
function refuseThenable(field: string, out: object): void {
  if (typeof (out as { then?: unknown }).then === 'function')
    throw new ScenarioFunctionError(
      field,
      'returned a Promise (is it an async function?) — scenario functions run synchronously: remove async and await, and return the record itself',
    );
}

/** A throw while checking what a learner's function returned (a getter or Proxy that throws is the function's fault). */
function readError(field: string, e: unknown): ScenarioFunctionError {
  if (e instanceof ScenarioFunctionError) return e;
  return new ScenarioFunctionError(field, `returned a value that threw ${errorText(e)} when read`, e);
}

export interface CleanRecord {
  key: string | null;
  value: unknown;
  eventTime: number;
}

/** Deeper than this, a value is treated as a cycle (the generator most likely returned one). */
const MAX_VALUE_DEPTH = 64;

/**
 * A deep copy of plain objects and arrays, frozen at every level; primitives as they are. Other
 * objects (a Date, a Map, a class instance) are frozen in place: they cannot be copied faithfully
 * without knowing their class, and scenario values are meant to be plain data.
 */
export function frozenCopy(value: unknown, field: string, depth = 0): unknown {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    throw new ScenarioFunctionError(
      field,
      `must be plain data (objects, arrays, strings, numbers, booleans, null), got ${typeof value === 'bigint' ? 'a BigInt' : `a ${typeof value}`}`,
    );
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_VALUE_DEPTH)
    throw new ScenarioFunctionError(field, `value nests deeper than ${MAX_VALUE_DEPTH} levels (a cycle?)`);
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = frozenCopy(value[i], field, depth + 1);
    return Object.freeze(copy);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // Plain objects, including ones made in the scenario's vm context (whose Object.prototype differs).
  const plain = proto === null || Object.getPrototypeOf(proto) === null;
  if (!plain) return Object.freeze(value);
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(value)) copy[k] = frozenCopy((value as Record<string, unknown>)[k], field, depth + 1);
  return Object.freeze(copy);
}

export function recordView(r: LogRecord): RecordView {
  // r.value was frozen by wrapGenerate when the record was produced, so a shallow copy suffices.
  return Object.freeze({
    id: r.id,
    key: r.key,
    value: r.value,
    eventTime: r.eventTime,
    partition: r.partition,
    offset: r.offset,
    appendTime: r.appendTime,
    producer: r.producer,
  });
}

/** Wraps a generator: (index, now) -> a checked record, or null to skip. The returned object is reused by the next call. */
export function wrapGenerate(
  generate: (ctx: GenerateContext) => GeneratedRecord | null | undefined,
  field: string,
  rng: Rng,
): (index: number, now: number) => CleanRecord | null {
  const ctx: GenerateContext = { index: 0, now: 0, rng: { next: () => rng.next(), int: (n: number) => rng.int(n) } };
  // One reused result object: the caller copies the fields out before the next call.
  const clean: CleanRecord = { key: null, value: undefined, eventTime: 0 };
  const valueField = `${field} (value)`;
  return (index, now) => {
    ctx.index = index;
    ctx.now = now;
    let g: GeneratedRecord | null | undefined;
    try {
      g = generate(ctx);
    } catch (e) {
      throw new ScenarioFunctionError(field, `threw ${errorText(e)}`, e);
    }
    // The checks run inline (no closure per record): a generator makes millions of records.
    try {
      return cleanRecord(g, now);
    } catch (e) {
      throw readError(field, e);
    }
  };
  function cleanRecord(g: GeneratedRecord | null | undefined, now: number): CleanRecord | null {
    if (g === null || g === undefined) return null;
    if (typeof g !== 'object')
      throw new ScenarioFunctionError(field, `must return { key, value, eventTime? } or null, got ${describeValue(g)}`);
    refuseThenable(field, g);
    const k = g.key;
    if (k !== undefined && k !== null && typeof k !== 'string' && typeof k !== 'number') {
      throw new ScenarioFunctionError(field, `key must be a string, a number or null, got ${describeValue(k)}`);
    }
    const value = g.value;
    const eventTime = g.eventTime;
    const t = eventTime ?? now;
    if (typeof t !== 'number' || !Number.isFinite(t))
      throw new ScenarioFunctionError(field, `eventTime must be a finite number (ms), got ${describeValue(t)}`);
    clean.key = typeof k === 'string' ? k : k === undefined || k === null ? null : String(k);
    clean.value = frozenCopy(value, valueField);
    clean.eventTime = t;
    return clean;
  }
}

/**
 * Wraps the processing function; without one, records pass through keyed by their key (or
 * partition@offset). The output object is reused by the next call (ProcessFn): one object per
 * wrapped function, not per record.
 */
export function wrapProcess(process: ((record: RecordView) => unknown) | null, field: string): ProcessFn {
  const result: ProcessedValue = { key: '', value: undefined };
  if (process === null)
    return (r) => {
      result.key = r.key ?? `${r.partition}@${r.offset}`;
      result.value = r.value;
      return result;
    };
  const valueField = `${field} (value)`;
  return (r) => {
    let out: unknown;
    try {
      out = process(recordView(r));
    } catch (e) {
      throw new ScenarioFunctionError(field, `threw ${errorText(e)} (record ${r.partition}@${r.offset})`, e);
    }
    try {
      return cleanOutput(r, out);
    } catch (e) {
      throw readError(field, e);
    }
  };
  function cleanOutput(r: LogRecord, out: unknown): ProcessedValue | null {
    if (out === null || out === undefined) return null;
    if (typeof out !== 'object')
      throw new ScenarioFunctionError(field, `must return { key, value } or null, got ${describeValue(out)}`);
    refuseThenable(field, out);
    const o = out as { key?: unknown; value?: unknown };
    // The sink keeps the value: a copy, so the function cannot change stored output afterwards.
    // The record's own value is frozen already and needs none.
    // Each field is read once: a getter cannot pass the check and then return something else.
    const key = o.key;
    const raw = o.value;
    const value = raw === r.value ? raw : frozenCopy(raw, valueField);
    if (typeof key === 'string') result.key = key;
    else if (key === undefined || key === null) result.key = r.key ?? `${r.partition}@${r.offset}`;
    else if (typeof key === 'number') result.key = String(key);
    else throw new ScenarioFunctionError(field, `key must be a string or a number, got ${describeValue(key)}`);
    result.value = value;
    return result;
  }
}
