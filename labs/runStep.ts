/**
 * Runs a learner's step for real and judges it: a job step compiles the learner's code and runs
 * it with `runJob` on the step's cluster and generated data (plus any extra runs its checks
 * compare with); an hdfs step parses the JSON settings and drives a simulation. Then every check
 * is evaluated. Pure engine code and sucrase only, so it runs in a Web Worker as well as in Node.
 */
import { JobFailedError, runJob, SimulationStuckError, type JobRunReport, type KafkaJobReport } from '../engine/api';
import { ValidationError, encodeUtf8 } from '../engine/core';
import type { FaultSpec } from '../engine/cluster';
import type { KafkaFault } from '../engine/streaming';
import { clusterOf } from './clusterOf';
import { runStreamStep } from './runStreamStep';
import { withHandlerCause } from './streamChecks';
import { HdfsError } from '../engine/hdfs';
import { InputPathError } from '../engine/exec';
import { JobCodeError, JobSpecError, JobTimeoutError, type JobSource, type TaskRunner } from '../engine/sandbox';
import { compileJobSource, JobCompileError } from '../engine/sandbox/compile';
import { parseHdfsSettings } from './hdfsSettings';
import { judgeSandboxedChecks, withGeneratedData } from './packs/packRun';
import { PackCodeError } from './packs/packError';
import { notJudgedReason } from './notJudgedReason';
import { pipelineTimeoutMessage, rerunTimedOut } from './pipelineTimeout';
import { runHdfsSettings } from './runHdfsSettings';
import { parseServerSettings } from './serverSettings';
import { runServerSettings } from './runServerSettings';
import { runPipelineStep } from './runPipelineStep';
import type { PipelineFault } from '../engine/pipeline';
import { SettingsError } from './jsonSettings';
import { LAB_JOB_YARN, LAB_NODE_EXPIRY_MS } from './faultTiming';
import { runVariant } from './variant';
import { practiceRunSeed, practiceServerRun } from './practiceSeed';
import type {
  CheckResult,
  HdfsRunReport,
  JobRunSettings,
  Lab,
  LabStep,
  PipelineRunReport,
  RunVariant,
  ServerRunReport,
  StepKind,
  StepRun,
} from './labTypes';
import { LAB_LOCALES } from './labTypes';

export interface RunStepOptions {
  lab: Lab;
  /** 0-based. */
  stepIndex: number;
  /** The learner's text: job code for 'mapreduce'/'spark' steps, JSON for 'hdfs', 'server' and 'pipeline' steps. */
  source: string;
  /** Runs the job's code (a sandbox pool); required for job steps, unused by hdfs steps. */
  runner?: TaskRunner;
  /** Overrides the step's seed. */
  seed?: number;
  /** Extra faults (the UI's kill-node button), merged into the main run of a job or hdfs step. */
  faults?: FaultSpec[];
  /** Extra faults of a pipeline step (the UI's kill-machine and stop-part buttons), merged into its run. */
  pipelineFaults?: PipelineFault[];
  /** Extra faults of a stream step (the UI's crash, kill-broker and cut-network buttons), merged into its main run. */
  streamFaults?: KafkaFault[];
  /** The name errors point at (default `<step id>.js` or `.json`). */
  fileName?: string;
  /**
   * Called every few thousand simulated events of a run no sandbox times (a pipeline step's): throws
   * (a JobTimeoutError) to end a run past its wall-clock budget, as the sandbox ends a job's.
   */
  check?: () => void;
  /**
   * The seed of a per-student variant (labs/variant.ts: studentSeed(name); practice mode draws a
   * fresh one): a step with a `variant` then runs on that seed's data and values. Absent or null:
   * the step as written.
   */
  variantSeed?: number | null;
  /**
   * Practice mode's attempt seed (labs/practiceSeed.ts): every run of the step takes its simulation
   * seed from it, a job step's datasets that can be drawn from a seed are, and a step with a
   * variant gets that seed's values. Wins over `seed` and `variantSeed`. Absent or null: as written.
   */
  practiceSeed?: number | null;
}

/** Why a run produced no report: the learner's code or settings, or the run itself. */
export interface StepError {
  kind: 'compile' | 'settings' | 'code' | 'spec' | 'timeout' | 'stuck' | 'input' | 'invalid' | 'pack';
  message: string;
  /** The learner's line (and column for settings and syntax errors) when known. */
  line: number | null;
  column: number | null;
}

export interface StepOutcome {
  kind: StepKind;
  /**
   * The main run: what the UI plays back (a job report carries `snapshots` and `attempts`). When
   * the run failed (see `error`) it is null, or the partial report of a job whose task failed.
   */
  report: JobRunReport | HdfsRunReport | KafkaJobReport | ServerRunReport | PipelineRunReport | null;
  /** The step's extra runs (job and stream steps), in declaration order. */
  extra: { id: string; label: string; report: JobRunReport | KafkaJobReport }[];
  /** HDFS steps: the cluster after the write, after an append and at the end. */
  snapshots?: HdfsRunReport['snapshots'];
  checks: CheckResult[];
  /** Every check passed (and the run did not fail). */
  passed: boolean;
  error: StepError | null;
}

/** The caller's mistake, not the learner's: a step that does not exist, a job step without a runner. */
export class StepNotFoundError extends Error {
  override name = 'StepNotFoundError';
}

export { clusterOf };

export function stepAt(lab: Lab, stepIndex: number): LabStep {
  const step = Number.isInteger(stepIndex) ? lab.steps[stepIndex] : undefined;
  if (!step)
    throw new StepNotFoundError(
      `lab '${lab.id}' has steps 1..${lab.steps.length}; step ${stepIndex + 1} does not exist`,
    );
  return step;
}

export { notJudgedReason };

/** Steps whose learner edits JSON settings (simulated only: no sandbox runs their text). */
export function settingsStep(step: LabStep): boolean {
  return step.kind === 'hdfs' || step.kind === 'server' || step.kind === 'pipeline';
}

/** The name the app's errors give the file its editor holds: a pipeline step's pipeline, a batch step's settings. */
export function editorFileName(step: LabStep): string | undefined {
  return step.kind === 'pipeline' ? 'pipeline.json' : settingsStep(step) ? 'settings.json' : undefined;
}

/** The name the app's errors give the file a step's editor holds. */
export function stepFileName(step: LabStep): string {
  return editorFileName(step) ?? `${step.id}.js`;
}

function needRunner(options: RunStepOptions): TaskRunner {
  if (!options.runner)
    throw new StepNotFoundError(
      `lab '${options.lab.id}' step ${options.stepIndex + 1} runs the learner's code: runStep needs a runner`,
    );
  return options.runner;
}

export async function runStep(options: RunStepOptions): Promise<StepOutcome> {
  let { lab } = options;
  const step = stepAt(lab, options.stepIndex);
  const injected = options.faults ?? [];
  const fileName = options.fileName ?? `${step.id}.${settingsStep(step) ? 'json' : 'js'}`;
  const practice = options.practiceSeed ?? null;
  // A run's simulation seed: the attempt's mixed with the run's own in practice (unless the step
  // keeps its simulation: StepPractice.sameSimulation), else the caller's or the step's.
  const mixed = practice !== null && step.practice?.sameSimulation !== true;
  const seedOf = (runSeed: number, caller = options.seed) =>
    mixed ? practiceRunSeed(practice, runSeed) : (caller ?? runSeed);
  let run: StepRun;
  const extra: StepOutcome['extra'] = [];
  try {
    if (step.kind === 'hdfs') {
      const settings = parseHdfsSettings(options.source, fileName);
      const runSettings = { ...step.run, seed: seedOf(step.run.seed) };
      run = {
        kind: 'hdfs',
        step,
        settings,
        report: runHdfsSettings(settings, runSettings, injected),
        injectedFaults: injected,
      };
    } else if (step.kind === 'server') {
      const settings = parseServerSettings(options.source, fileName);
      // A practice attempt's night has its own deadline (the model has no chance in it).
      const runSettings = practice !== null ? practiceServerRun(step, practice) : step.run;
      run = { kind: 'server', step, settings, report: runServerSettings(settings, runSettings) };
    } else if (step.kind === 'pipeline') {
      const injectedFaults = options.pipelineFaults ?? [];
      const report = runPipelineStep(
        step.run,
        options.source,
        fileName,
        seedOf(step.run.seed),
        injectedFaults,
        options.check,
      );
      run = { kind: 'pipeline', step, report, injectedFaults, ...(options.check && { check: options.check }) };
    } else if (step.kind === 'stream') {
      const runner = needRunner(options);
      const source = compileJobSource(options.source, fileName);
      const streamFaults = options.streamFaults ?? [];
      // The records as this run has them: a practice attempt draws those that can be drawn from a seed.
      const data = runVariant(lab, step, practice, practice !== null);
      const runs = await runStreamStep(lab, step, source, runner, seedOf(step.run.seed), streamFaults, data, (x) =>
        seedOf(x, x),
      );
      extra.push(...runs.extra);
      const byId = Object.fromEntries(runs.extra.map((x) => [x.id, x.report]));
      run = { kind: 'stream', step, report: runs.report, extra: byId, injectedFaults: streamFaults, variant: data };
    } else {
      const runner = needRunner(options);
      const source = compileJobSource(options.source, fileName);
      const seed = seedOf(step.run.seed);
      // A pack lab's generated datasets are made first, from the practice attempt's seed, the
      // student's or the step's (labs/packs/packRun.ts); a built-in step's variant draws its own
      // (labs/variant.ts), and in practice every dataset that can be drawn from a seed.
      const dataSeed = practice ?? options.variantSeed ?? null;
      lab = await withGeneratedData(lab, runner, dataSeed ?? seed);
      const variant = runVariant(lab, step, dataSeed, practice !== null);
      const report = await runJobStep(variant, step.run, source, runner, seed, injected);
      const byId: Record<string, JobRunReport> = {};
      for (const x of step.extraRuns ?? []) {
        const src = x.code === 'learner' ? source : compileJobSource(x.code.text, x.code.fileName);
        // Extra runs are compared, not played back: no snapshots.
        const r = await runJobStep(variant, x.run, src, runner, seedOf(x.run.seed, x.run.seed), [], false);
        byId[x.id] = r;
        extra.push({ id: x.id, label: x.label, report: r });
      }
      run = { kind: step.kind, step, report, extra: byId, injectedFaults: injected, variant };
    }
  } catch (error) {
    // A job that failed on the cluster still has a partial report: its failed attempts are worth seeing.
    const partial = error instanceof JobFailedError && extra.length === 0 ? error.report : null;
    const e = classify(error);
    // A pipeline step has no job: its message says what ran out of time.
    if (error instanceof JobTimeoutError && step.kind === 'pipeline') e.message = pipelineTimeoutMessage(error.seconds);
    return notJudged(step, e, partial, extra);
  }
  const seedUsed = practice ?? options.variantSeed ?? options.seed ?? step.run.seed;
  const checks = withHandlerCause(
    run,
    await judgeSandboxedChecks(lab, step, run, seedUsed, options.runner, evaluateChecks(step, run)),
  );
  const outcome: StepOutcome = {
    kind: step.kind,
    report: run.report,
    extra,
    checks,
    passed: checks.every((c) => c.pass),
    error: null,
  };
  if (run.kind === 'hdfs') outcome.snapshots = run.report.snapshots;
  return outcome;
}

/** The outcome of a run that ended in `e`: every check not judged, the error told once. */
function notJudged(
  step: LabStep,
  e: StepError,
  report: StepOutcome['report'],
  extra: StepOutcome['extra'],
): StepOutcome {
  const why = notJudgedReason(e, 'en', step.kind);
  const reasons = { de: `nicht bewertet: ${notJudgedReason(e, 'de', step.kind)}` };
  const checks = step.checks.map((c) => ({
    id: c.id,
    title: c.title,
    pass: false,
    reason: `not judged: ${why}`,
    reasons,
  }));
  return { kind: step.kind, report, extra, checks, passed: false, error: e };
}

/**
 * Evaluates every check of `step`; a check that throws fails with the error as its reason, and one
 * that ran out of the run's time budget (running the pipeline again) is not judged.
 */
export function evaluateChecks(step: LabStep, run: StepRun): CheckResult[] {
  return step.checks.map((c) => {
    // A pack's script check is judged in the sandbox afterwards (judgeSandboxedChecks).
    if (c.sandboxed !== undefined) return { id: c.id, title: c.title, pass: false, reason: 'not judged yet' };
    try {
      const v = c.evaluate(run);
      const reasons = translatedReasons(v.reasons);
      return { id: c.id, title: c.title, pass: v.pass === true, reason: String(v.reason), ...(reasons && { reasons }) };
    } catch (error) {
      if (error instanceof JobTimeoutError) return rerunTimedOut(c, error.seconds);
      const message = (error as Error).message ?? String(error);
      return {
        id: c.id,
        title: c.title,
        pass: false,
        reason: `the check could not judge this run: ${message}`,
        reasons: { de: `der Check konnte diesen Lauf nicht bewerten: ${message}` },
      };
    }
  });
}

async function runJobStep(
  variant: RunVariant,
  settings: JobRunSettings,
  source: JobSource,
  runner: TaskRunner,
  seed: number,
  injected: FaultSpec[],
  snapshots = true,
): Promise<JobRunReport> {
  const files = settings.files.map((f) => {
    try {
      return { path: f.path, bytes: encodeUtf8(variant.text(f.dataset)) };
    } catch (error) {
      throw new StepNotFoundError((error as Error).message);
    }
  });
  const faults = [...(settings.faults ?? []), ...injected];
  return runJob({
    source,
    runner,
    cluster: clusterOf(settings.cluster),
    seed,
    blockSize: settings.blockSize,
    files,
    faults,
    sampleData: false,
    yarn: { ...settings.yarn, ...LAB_JOB_YARN, maxAssignmentsPerHeartbeat: LAB_ASSIGNMENTS_PER_HEARTBEAT },
    ...(settings.yarnLoad !== undefined ? { yarnLoad: settings.yarnLoad } : {}),
    ...(settings.submitAtMs !== undefined ? { submitAtMs: settings.submitAtMs } : {}),
    ...(settings.sparkConf !== undefined ? { sparkConf: settings.sparkConf } : {}),
    // The UI plays a run back from its trace and reads only the final snapshot (no film).
    snapshots: snapshots ? { film: false } : false,
  });
}

// LAB_NODE_EXPIRY_MS lives with the other fault timings (faultTiming.ts), which the UI reads too.
export { LAB_NODE_EXPIRY_MS };

/**
 * In the labs each NodeManager heartbeat gets at most one container
 * (yarn.scheduler.capacity.per-node-heartbeat.maximum-container-assignments = 1, a setting
 * clusters use to spread work), so tasks spread over the machines in heartbeat order as the
 * cookbook's figures draw them; with Hadoop's default (100) the first nodes to report would
 * take every task local to them. The MapReduce steps' texts say so.
 */
export const LAB_ASSIGNMENTS_PER_HEARTBEAT = 1;

function classify(error: unknown): StepError {
  const base = { line: null, column: null };
  if (error instanceof StepNotFoundError) throw error;
  if (error instanceof JobCompileError) {
    // sucrase ends its message with "(line:column)": keep the column, and put it where editors look for it.
    const at = /\s*\((\d+):(\d+)\)$/.exec(error.detail);
    if (!at || error.line === null) return { ...base, kind: 'compile', message: error.message, line: error.line };
    const column = Number(at[2]);
    const detail = error.detail.slice(0, at.index);
    return {
      kind: 'compile',
      message: `${error.fileName}:${error.line}:${column}: SyntaxError: ${detail}`,
      line: error.line,
      column,
    };
  }
  if (error instanceof SettingsError)
    return { kind: 'settings', message: error.message, line: error.line, column: error.column };
  if (error instanceof JobFailedError) {
    const line = error.cause instanceof JobCodeError ? error.cause.line : null;
    return { ...base, kind: 'code', message: error.message, line };
  }
  if (error instanceof JobCodeError) return { ...base, kind: 'code', message: error.message, line: error.line };
  if (error instanceof JobSpecError) return { ...base, kind: 'spec', message: error.message };
  if (error instanceof PackCodeError) return { ...base, kind: 'pack', message: error.message };
  if (error instanceof JobTimeoutError)
    return { ...base, kind: 'timeout', message: error.message, line: error.loop?.line ?? null };
  if (error instanceof SimulationStuckError) return { ...base, kind: 'stuck', message: error.message };
  if (error instanceof InputPathError) return { ...base, kind: 'input', message: error.message, line: error.line };
  if (error instanceof HdfsError) return { ...base, kind: 'input', message: error.message };
  if (error instanceof ValidationError) return { ...base, kind: 'invalid', message: error.message };
  throw error;
}

/** The reasons in other locales a check returned, kept only as strings of known locales (a pack's check may return anything). */
function translatedReasons(raw: unknown): CheckResult['reasons'] {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const kept: NonNullable<CheckResult['reasons']> = {};
  for (const locale of LAB_LOCALES) {
    const text = (raw as Record<string, unknown>)[locale];
    if (typeof text === 'string' && text.trim() !== '') kept[locale] = text;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}
