/** Reads a step's `lastRun` in a hand-in: the verdicts the app showed, bounded. */
import { HAND_IN_LIMITS as L, type HandInCheck, type HandInLastRun } from './handInFile';

export type Report = (severity: 'error' | 'warning', path: string, message: string, offset?: number) => void;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const clip = (t: string) => (t.length > L.messageChars ? `${t.slice(0, L.messageChars - 1)}…` : t);
const position = (v: unknown) => v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0);
const STATES = ['pass', 'fail', 'not-judged'];

/** The last run, or null after reporting what is wrong (the step is then left out). */
export function parseLastRun(raw: unknown, path: string, report: Report): HandInLastRun | null {
  const fail = (field: string, message: string) => {
    report('error', field ? `${path}.${field}` : path, `${message}: the step is left out`);
    return null;
  };
  if (!isObj(raw)) return fail('', 'must be an object { "at", "checks", … }');
  if (typeof raw.at !== 'number' || !Number.isFinite(raw.at) || raw.at < 0)
    return fail('at', 'must be a time in ms since 1970');
  if (!Array.isArray(raw.checks)) return fail('checks', 'must be a list of checks');
  if (raw.checks.length > L.checksPerRun)
    return fail('checks', `has ${raw.checks.length} checks, more than the limit of ${L.checksPerRun}`);
  const checks: HandInCheck[] = [];
  for (let i = 0; i < raw.checks.length; i++) {
    const c: unknown = raw.checks[i];
    const at = `checks[${i}]`;
    if (!isObj(c)) return fail(at, 'must be an object { "id", "state", "message" }');
    if (typeof c.id !== 'string' || c.id.length === 0 || c.id.length > L.idChars)
      return fail(`${at}.id`, `must be a check id of 1 to ${L.idChars} characters`);
    if (!STATES.includes(c.state as string)) return fail(`${at}.state`, 'must be "pass", "fail" or "not-judged"');
    if (c.message !== undefined && typeof c.message !== 'string') return fail(`${at}.message`, 'must be a string');
    checks.push({ id: c.id, state: c.state as HandInCheck['state'], message: clip((c.message as string) ?? '') });
  }
  const run: HandInLastRun = { at: raw.at, checks };
  if (raw.notJudged !== undefined) {
    if (typeof raw.notJudged !== 'string') return fail('notJudged', 'must be a string');
    run.notJudged = clip(raw.notJudged);
  }
  if (raw.error !== undefined) {
    const e = raw.error;
    if (!isObj(e) || typeof e.message !== 'string' || !position(e.line) || !position(e.column))
      return fail('error', 'must be { "message": "…", "line": n or null, "column": n or null }');
    run.error = { message: clip(e.message), line: e.line as number | null, column: e.column as number | null };
  }
  return run;
}
