/**
 * The parts of a pack lab's step that run the teacher's code: its generated datasets (data.js),
 * made before the run with the run's seed, and its `script` checks (checks.js), called after it
 * with a plain view of the run. Both run in the learner's sandbox (TaskRunner.callFunction), with
 * the same time limit and loop guard as a learner's job: a pack is as untrusted as a learner.
 */
import type { JobRunReport } from '../../engine/api';
import type { TaskRunner } from '../../engine/sandbox';
import { PackCodeError } from './packError';
import { compileJobSource } from '../../engine/sandbox/compile';
import type { CheckResult, Lab, LabStep, StepRun } from '../labTypes';
import { SOLUTION_RUN } from './packChecks';

const MAX_REASON = 2000;

/** The most a generated dataset may hold, and its longest line: more is the pack's mistake, not the learner's. */
export const MAX_GENERATED_CHARS = 32 * 1024 * 1024;
export const MAX_GENERATED_LINE = 1024 * 1024;

/**
 * A sandbox message about the teacher's code said as the pack's fault: the limits speak to a
 * learner ("Your loop at ...", "your code holds ..."), and here the code is the pack's.
 */
export function asPacksFault(message: string): string {
  return message
    .replace(/Your loop at /g, 'the loop at ')
    .replace(/\byour code\b/g, "the pack's code")
    .replace(/\byour loop\b/gi, 'the loop');
}

/** Why a generator's text is more than a step may read, or null. */
function generatedTooBig(text: string): string | null {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (text.length > MAX_GENERATED_CHARS)
    return `it returned ${mb(text.length)} of text; a generated dataset may hold at most ${mb(MAX_GENERATED_CHARS)}`;
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > MAX_GENERATED_LINE)
      return `its line ${line} holds ${(stop - start).toLocaleString('en')} characters; a generated dataset's lines may hold at most ${MAX_GENERATED_LINE.toLocaleString('en')} (a map task reads a line whole)`;
    if (end === -1) break;
    start = end + 1;
  }
  return null;
}

function callable(
  runner: TaskRunner | undefined,
  what: string,
): TaskRunner & Required<Pick<TaskRunner, 'callFunction'>> {
  if (!runner?.callFunction) throw new Error(`this runner cannot run a lab pack's ${what}`);
  return runner as TaskRunner & Required<Pick<TaskRunner, 'callFunction'>>;
}

/**
 * The lab with its generated datasets made for `seed` (the same lab when it has none). Throws
 * the generator's error (with its file and line) when one fails or returns no text.
 */
export async function withGeneratedData(lab: Lab, runner: TaskRunner | undefined, seed: number): Promise<Lab> {
  const data = lab.pack?.data;
  const generated = lab.datasets.filter((d) => d.generate !== undefined);
  if (!data || generated.length === 0) return lab;
  const sandbox = callable(runner, 'data generators (data.js)');
  const texts = new Map<string, string>();
  let calling = '';
  try {
    await sandbox.load(compileJobSource(data.text, data.fileName), { module: true });
    for (const d of generated) {
      calling = `${d.generate!}({ seed })`;
      const text = await sandbox.callFunction(d.generate!, { seed });
      if (typeof text !== 'string') throw new Error(`it must return the dataset's text, not ${typeof text}`);
      const tooBig = generatedTooBig(text);
      if (tooBig) throw new Error(tooBig);
      texts.set(d.id, text);
    }
  } catch (error) {
    // The teacher's code failed, not the learner's: no line of the learner's editor is named.
    const what = calling ? `its ${calling}` : 'it';
    const message = ((error as Error).message ?? String(error)).replace(`${data.fileName}: `, '');
    throw new PackCodeError(
      data.fileName,
      `the lab pack's data generator failed, so your job could not run: ${what} — ${asPacksFault(message)}`,
    );
  } finally {
    sandbox.endRun();
  }
  return {
    ...lab,
    datasets: lab.datasets.map((d) => (texts.has(d.id) ? { ...d, text: () => texts.get(d.id)! } : d)),
  };
}

/** What a `script` check is given: plain data of the learner's run and the reference solution's. */
export interface PackRunView {
  kind: 'mapreduce' | 'spark';
  seed: number;
  result: unknown;
  simulatedMs: number;
  metrics: JobRunReport['metrics'];
  attempts: number;
  solution: { result: unknown; simulatedMs: number; metrics: JobRunReport['metrics'] } | null;
}

export function packRunView(run: StepRun, seed: number): PackRunView {
  if (run.kind !== 'mapreduce' && run.kind !== 'spark')
    throw new Error('a pack check judges a MapReduce or Spark step');
  const solution = run.extra[SOLUTION_RUN];
  return {
    kind: run.kind,
    seed,
    result: run.report.result,
    simulatedMs: run.report.simulatedMs,
    metrics: run.report.metrics,
    attempts: run.report.attempts.length,
    solution: solution
      ? { result: solution.result, simulatedMs: solution.simulatedMs, metrics: solution.metrics }
      : null,
  };
}

const clip = (s: string) => (s.length > MAX_REASON ? `${s.slice(0, MAX_REASON - 1)}…` : s);

/**
 * `checks` (evaluateChecks' results) with each `script` check judged by its function of the
 * lab's checks.js. A function that throws, loops past the time limit or returns something else
 * than `{ pass: boolean, reason: string }` fails its check with a reason saying so.
 */
export async function judgeSandboxedChecks(
  lab: Lab,
  step: LabStep,
  run: StepRun,
  seed: number,
  runner: TaskRunner | undefined,
  checks: CheckResult[],
): Promise<CheckResult[]> {
  const scripts = step.checks.filter((c) => c.sandboxed !== undefined);
  const module = lab.pack?.checks;
  if (scripts.length === 0 || !module) return checks;
  const sandbox = callable(runner, 'checks (checks.js)');
  const verdicts = new Map<string, CheckResult>();
  // The pack's code is the teacher's, not the learner's: its errors are not "your loop".
  const cannot = (id: string, title: string, why: string): CheckResult => ({
    id,
    title,
    pass: false,
    reason: clip(`The lab's check could not judge your run: ${asPacksFault(why)}`),
  });
  try {
    await sandbox.load(compileJobSource(module.text, module.fileName), { module: true });
    const view = packRunView(run, seed);
    for (const c of scripts) {
      try {
        const v = (await sandbox.callFunction(c.sandboxed!, view)) as { pass?: unknown; reason?: unknown } | null;
        if (typeof v !== 'object' || v === null || typeof v.pass !== 'boolean' || typeof v.reason !== 'string')
          verdicts.set(
            c.id,
            cannot(c.id, c.title, `${c.sandboxed}() must return { pass: true or false, reason: "..." }`),
          );
        else verdicts.set(c.id, { id: c.id, title: c.title, pass: v.pass, reason: clip(v.reason) });
      } catch (error) {
        verdicts.set(c.id, cannot(c.id, c.title, (error as Error).message ?? String(error)));
      }
    }
  } catch (error) {
    for (const c of scripts)
      if (!verdicts.has(c.id)) verdicts.set(c.id, cannot(c.id, c.title, (error as Error).message ?? String(error)));
  } finally {
    sandbox.endRun();
  }
  return checks.map((c) => verdicts.get(c.id) ?? c);
}
