/**
 * The checks a pack lab's step lists in lab.json. Most need no code: the result equals the
 * reference solution's, the simulated time stays under a bound or near the solution's, a metric
 * or counter stays in a range. A `script` check calls a function of the lab's `checks.js`, which
 * runs in the learner's sandbox (packRun.ts).
 */
import { show } from '../jsonSettings';
import { packTextProblem, reservedId } from './packError';

export const PACK_CHECK_TYPES = [
  'sameResultAsSolution',
  'maxSimulatedSeconds',
  'fasterThanSolution',
  'metric',
  'script',
] as const;

/** The job metrics a `metric` check may bound (engine/exec/jobMetrics.ts); `counter:NAME` reads a counter. */
export const PACK_METRICS = [
  'jobs',
  'tasks',
  'attempts',
  'failedAttempts',
  'killedAttempts',
  'bytesReadLocal',
  'bytesReadRemote',
  'shuffleBytes',
  'shuffleBytesLocal',
  'shuffleBytesRemote',
] as const;

export type PackCheckSpec = { id: string; title: string } & (
  | { type: 'sameResultAsSolution'; order: 'any' | 'exact' }
  | { type: 'maxSimulatedSeconds'; seconds: number }
  | { type: 'fasterThanSolution'; factor: number }
  | { type: 'metric'; metric: string; min: number | null; max: number | null }
  | { type: 'script'; function: string }
);

const FIELDS: Record<PackCheckSpec['type'], string[]> = {
  sameResultAsSolution: ['order'],
  maxSimulatedSeconds: ['seconds'],
  fasterThanSolution: ['factor'],
  metric: ['metric', 'min', 'max'],
  script: ['function'],
};

/** Whether a check compares with the reference solution's run (then the step runs it too). */
export function needsSolution(check: PackCheckSpec): boolean {
  return check.type === 'sameResultAsSolution' || check.type === 'fasterThanSolution' || check.type === 'script';
}

export function parsePackCheck(
  o: Record<string, unknown>,
  at: string,
  fail: (field: string, problem: string) => never,
): PackCheckSpec {
  if (typeof o.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(o.id) || o.id.length > 60)
    fail(`${at}.id`, `must be kebab-case like 'same-result', got ${show(o.id)}`);
  if (typeof o.title !== 'string' || o.title.trim() === '' || o.title.length > 160)
    fail(`${at}.title`, `must be a text of 1 to 160 characters, got ${show(o.title)}`);
  const titleProblem = packTextProblem(o.title as string);
  if (titleProblem) fail(`${at}.title`, titleProblem);
  if (reservedId(o.id as string)) fail(`${at}.id`, `'${o.id as string}' is a name JavaScript reserves: choose another`);
  const type = o.type as PackCheckSpec['type'];
  if (!PACK_CHECK_TYPES.includes(type))
    fail(`${at}.type`, `must be one of ${PACK_CHECK_TYPES.join(', ')}, got ${show(o.type)}`);
  const known = ['id', 'title', 'type', ...FIELDS[type]];
  for (const key of Object.keys(o))
    if (!known.includes(key)) fail(`${at}.${key}`, `unknown field for a ${type} check (expected ${known.join(', ')})`);
  const base = { id: o.id as string, title: (o.title as string).trim() };
  const positive = (field: string, v: unknown, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      fail(`${at}.${field}`, `must be a number from ${min} to ${max}, got ${show(v)}`);
    return v as number;
  };
  switch (type) {
    case 'sameResultAsSolution': {
      if (o.order !== undefined && o.order !== 'any' && o.order !== 'exact')
        fail(`${at}.order`, `must be "any" (the same records in any order) or "exact", got ${show(o.order)}`);
      return { ...base, type, order: (o.order as 'any' | 'exact' | undefined) ?? 'any' };
    }
    case 'maxSimulatedSeconds':
      return { ...base, type, seconds: positive('seconds', o.seconds, 0.001, 86_400) };
    case 'fasterThanSolution':
      return { ...base, type, factor: o.factor === undefined ? 1 : positive('factor', o.factor, 1, 1000) };
    case 'metric': {
      const metric = o.metric;
      const known = PACK_METRICS.includes(metric as never);
      if (typeof metric !== 'string' || (!known && !/^counter:[A-Za-z0-9_.:-]{1,120}$/.test(metric)))
        fail(`${at}.metric`, `must be one of ${PACK_METRICS.join(', ')} or "counter:NAME", got ${show(metric)}`);
      const bound = (field: 'min' | 'max') =>
        o[field] === undefined ? null : positive(field, o[field], 0, Number.MAX_SAFE_INTEGER);
      const min = bound('min');
      const max = bound('max');
      if (min === null && max === null) fail(at, 'a metric check needs "min", "max" or both');
      if (min !== null && max !== null && min > max) fail(`${at}.min`, `must not be above max (${max})`);
      return { ...base, type, metric: metric as string, min, max };
    }
    case 'script': {
      if (typeof o.function !== 'string' || !/^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/.test(o.function))
        fail(`${at}.function`, `must name a function the lab's checks.js exports, got ${show(o.function)}`);
      return { ...base, type, function: o.function as string };
    }
  }
}
