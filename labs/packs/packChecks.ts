/**
 * The checks of packCheckSpec.ts that need no code, as lab checks: pure functions of the run,
 * with reasons that say what was found and what was expected. `script` checks run in the
 * sandbox instead (packRun.ts); their `evaluate` only says so.
 */
import type { JobRunReport } from '../../engine/api';
import type { CheckVerdict, LabCheck, StepRun } from '../labTypes';
import type { PackCheckSpec } from './packCheckSpec';

/** The id of the extra run of the reference solution a step's checks compare with. */
export const SOLUTION_RUN = 'solution';

/** A value as canonical JSON: object keys sorted, so equal data gives equal text. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null)
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

function jobReports(run: StepRun): { mine: JobRunReport; solution: JobRunReport | null } {
  if (run.kind !== 'mapreduce' && run.kind !== 'spark')
    throw new Error('a pack check judges a MapReduce or Spark step');
  return { mine: run.report, solution: run.extra[SOLUTION_RUN] ?? null };
}

/** Compares two results: the same records (in any order, or in order), or the same value. */
export function compareResults(mine: unknown, expected: unknown, order: 'any' | 'exact'): CheckVerdict {
  if (!Array.isArray(mine) || !Array.isArray(expected)) {
    const same = canonical(mine) === canonical(expected);
    return same
      ? { pass: true, reason: 'Your result equals the reference solution’s.' }
      : {
          pass: false,
          reason: `Your result ${short(canonical(mine))} differs from the reference solution’s ${short(canonical(expected))}.`,
        };
  }
  const byKey = order === 'any' ? compareByKey(mine, expected) : null;
  if (byKey) return byKey;
  const a = mine.map(canonical);
  const b = expected.map(canonical);
  if (order === 'exact') {
    const at = a.findIndex((x, i) => x !== b[i]);
    if (at === -1 && a.length === b.length)
      return { pass: true, reason: `Your ${a.length} records equal the reference solution’s, in order.` };
    const i = at === -1 ? Math.min(a.length, b.length) : at;
    return {
      pass: false,
      reason: `Your ${a.length} records differ from the reference solution’s ${b.length} at record ${i + 1}: yours ${short(a[i] ?? 'none')}, expected ${short(b[i] ?? 'none')}.`,
    };
  }
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  const extra: string[] = [];
  for (const x of a) {
    const n = counts.get(x) ?? 0;
    if (n === 0) extra.push(x);
    else counts.set(x, n - 1);
  }
  const missing = [...counts].flatMap(([x, n]) => Array<string>(n).fill(x));
  if (extra.length === 0 && missing.length === 0)
    return { pass: true, reason: `Your ${a.length} records are the reference solution’s.` };
  const parts = [
    missing.length > 0 ? `${missing.length} expected record(s) are missing, e.g. ${short(missing[0]!)}` : '',
    extra.length > 0 ? `${extra.length} record(s) are not expected, e.g. ${short(extra[0]!)}` : '',
  ].filter(Boolean);
  return { pass: false, reason: `Your ${a.length} records against the reference’s ${b.length}: ${parts.join('; ')}.` };
}

/** [key, value] pairs with unique keys, as a map by the key's canonical text; null otherwise. */
function keyed(pairs: unknown[]): Map<string, string> | null {
  const out = new Map<string, string>();
  for (const p of pairs) {
    if (!Array.isArray(p) || p.length !== 2) return null;
    const key = canonical(p[0]);
    if (out.has(key)) return null;
    out.set(key, canonical(p[1]));
  }
  return out;
}

/** Keyed results compared key by key (what a learner can act on), or null when they are not keyed. */
function compareByKey(mine: unknown[], expected: unknown[]): CheckVerdict | null {
  const a = keyed(mine);
  const b = keyed(expected);
  if (!a || !b) return null;
  const wrong = [...b].filter(([k, v]) => a.has(k) && a.get(k) !== v);
  const missing = [...b.keys()].filter((k) => !a.has(k));
  const extra = [...a.keys()].filter((k) => !b.has(k));
  if (wrong.length + missing.length + extra.length === 0)
    return { pass: true, reason: `Your ${a.size} keys and their values are the reference solution’s.` };
  const parts = [
    wrong.length > 0
      ? `${wrong.length} key(s) have another value, e.g. ${short(wrong[0]![0])}: yours ${short(a.get(wrong[0]![0])!)}, expected ${short(wrong[0]![1])}`
      : '',
    missing.length > 0 ? `${missing.length} expected key(s) are missing, e.g. ${short(missing[0]!)}` : '',
    extra.length > 0 ? `${extra.length} key(s) are not expected, e.g. ${short(extra[0]!)}` : '',
  ].filter(Boolean);
  return { pass: false, reason: `Your ${a.size} keys against the reference’s ${b.size}: ${parts.join('; ')}.` };
}

function metricValue(report: JobRunReport, metric: string): number {
  if (metric.startsWith('counter:')) {
    const counters = report.metrics.counters as unknown as Record<string, number>;
    const name = metric.slice('counter:'.length);
    if (!Object.prototype.hasOwnProperty.call(counters, name))
      throw new Error(`a ${report.kind} job has no counter ${name} (it has ${Object.keys(counters).join(', ')})`);
    return counters[name]!;
  }
  return report.metrics[metric as 'tasks'];
}

export function evaluatePackCheck(spec: PackCheckSpec, run: StepRun): CheckVerdict {
  const { mine, solution } = jobReports(run);
  switch (spec.type) {
    case 'sameResultAsSolution':
      if (!solution) throw new Error('the reference solution did not run');
      return compareResults(mine.result, solution.result, spec.order);
    case 'maxSimulatedSeconds': {
      const pass = mine.simulatedMs <= spec.seconds * 1000;
      return {
        pass,
        reason: `Your job took ${seconds(mine.simulatedMs)} of simulated time; the limit is ${seconds(spec.seconds * 1000)}.`,
      };
    }
    case 'fasterThanSolution': {
      if (!solution) throw new Error('the reference solution did not run');
      const bound = solution.simulatedMs * spec.factor;
      return {
        pass: mine.simulatedMs <= bound,
        reason: `Your job took ${seconds(mine.simulatedMs)}; the reference solution ${seconds(solution.simulatedMs)}${spec.factor === 1 ? '' : ` (you may take up to ${spec.factor}× that: ${seconds(bound)})`}.`,
      };
    }
    case 'metric': {
      const value = metricValue(mine, spec.metric);
      const low = spec.min !== null && value < spec.min;
      const high = spec.max !== null && value > spec.max;
      const range =
        spec.min !== null && spec.max !== null
          ? `from ${spec.min} to ${spec.max}`
          : spec.min !== null
            ? `at least ${spec.min}`
            : `at most ${spec.max}`;
      return { pass: !low && !high, reason: `${spec.metric} is ${value}; it must be ${range}.` };
    }
    case 'script':
      throw new Error(
        `this check calls ${spec.function}() of the lab's checks.js in the sandbox: run the step to judge it`,
      );
  }
}

/** The lab check of a spec (a script check is marked `sandboxed` with its function's name). */
export function packCheck(spec: PackCheckSpec): LabCheck {
  return {
    id: spec.id,
    title: spec.title,
    evaluate: (run) => evaluatePackCheck(spec, run),
    ...(spec.type === 'script' ? { sandboxed: spec.function } : {}),
  };
}
