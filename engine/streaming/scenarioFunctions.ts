/**
 * Guards around the learner's functions (record generators and the processing function): a
 * throw becomes a ScenarioFunctionError naming the field, keeping the original error (whose
 * stack points at the scenario file's line), and a malformed return value is reported the same
 * way instead of breaking the engine further down.
 */
import { describeValue, type Rng } from '../core';
import type { LogRecord, ProcessedValue } from './types';
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

function errorText(e: unknown): string {
  return e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)
    ? String((e as { message: unknown }).message)
    : String(e);
}

export interface CleanRecord {
  key: string | null;
  value: unknown;
  eventTime: number;
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
  return (index, now) => {
    ctx.index = index;
    ctx.now = now;
    let g: GeneratedRecord | null | undefined;
    try {
      g = generate(ctx);
    } catch (e) {
      throw new ScenarioFunctionError(field, `threw ${errorText(e)}`, e);
    }
    if (g === null || g === undefined) return null;
    if (typeof g !== 'object')
      throw new ScenarioFunctionError(field, `must return { key, value, eventTime? } or null, got ${describeValue(g)}`);
    const k = g.key;
    if (k !== undefined && k !== null && typeof k !== 'string' && typeof k !== 'number') {
      throw new ScenarioFunctionError(field, `key must be a string, a number or null, got ${describeValue(k)}`);
    }
    const t = g.eventTime ?? now;
    if (typeof t !== 'number' || !Number.isFinite(t))
      throw new ScenarioFunctionError(field, `eventTime must be a finite number (ms), got ${describeValue(t)}`);
    clean.key = typeof k === 'string' ? k : k === undefined || k === null ? null : String(k);
    clean.value = g.value;
    clean.eventTime = t;
    return clean;
  };
}

/** Wraps the processing function; without one, records pass through keyed by their key (or partition@offset). */
export function wrapProcess(process: ((record: LogRecord) => unknown) | null, field: string): ProcessFn {
  if (process === null) return (r) => ({ key: r.key ?? `${r.partition}@${r.offset}`, value: r.value });
  return (r) => {
    let out: unknown;
    try {
      out = process(r);
    } catch (e) {
      throw new ScenarioFunctionError(field, `threw ${errorText(e)} (record ${r.partition}@${r.offset})`, e);
    }
    if (out === null || out === undefined) return null;
    if (typeof out !== 'object')
      throw new ScenarioFunctionError(field, `must return { key, value } or null, got ${describeValue(out)}`);
    const o = out as { key?: unknown; value?: unknown };
    if (typeof o.key === 'string') return o as ProcessedValue;
    if (o.key === undefined || o.key === null) return { key: r.key ?? `${r.partition}@${r.offset}`, value: o.value };
    if (typeof o.key === 'number') return { key: String(o.key), value: o.value };
    throw new ScenarioFunctionError(field, `key must be a string or a number, got ${describeValue(o.key)}`);
  };
}
