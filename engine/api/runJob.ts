/**
 * Runs a learner's job file inside a fresh engine-core simulation (`createSimulation`): inputs
 * are put into its HDFS, containers come from its YARN, faults from its injector, and the job's
 * events go to the same trace. Real results come from the TaskRunner (sandbox workers); the
 * schedule, times and counters from the simulation, deterministic for a seed. The one entry the
 * CLI and the app use; it uses no Node or DOM API, so it runs in a Web Worker too.
 */
import { Trace, decodeUtf8, isTracing, ValidationError } from '../core';
import {
  BudgetTicker,
  DEFAULT_MAX_ATTEMPTS,
  JOB_CONTEXT_EVENT_TYPES,
  SimulationStuckError,
  driveKernel,
  settingsError,
  type JobContext,
} from '../exec/jobContext';
import { SnapshotRecorder } from '../exec/snapshotRecorder';
import type { AttemptRecord } from '../exec/taskTypes';
import { BUILTIN_DATASETS, builtinDataset, builtinDatasetBytes } from '../datasets/builtinDatasets';
import { runMapReduceJob } from '../mapreduce/mapReduceJob';
import { addCounters, addUserCounters, emptyCounters, type UserCounterTotals } from '../mapreduce/mapReduceCounters';
import { counterGroups } from '../mapreduce/counterGroups';
import { parseRecords } from '../exec/recordText';
import { runSparkJob } from '../spark/sparkJobRun';
import { resolveSparkConf, submittedSparkConf, type SparkConfInput } from '../spark/sparkConf';
import { plannedExecutorCores } from '../spark/plannedExecutorCores';
import { DfsListing, parseDfsPath, resolveInputFiles, splitInputPaths } from '../spark/sparkPaths';
import type { Hdfs } from '../hdfs';
import { resolveYarnLoads, startYarnLoads } from '../yarn';
import { createSimulation } from './createSimulation';
import { JobFailedError } from './jobFailedError';
import { JobSpecError, RunawayLoopError } from '../sandbox/contract/jobCodeError';
import { jobOutputFiles } from './jobOutputFiles';
import type { JobMetrics, JobRunReport, RunEvent, RunJobOptions } from './jobTypes';
import type { ClusterSnapshot } from './simulationSnapshot';

export { SimulationStuckError, JobFailedError };

/** A job still running after a simulated week is stuck (no node can run its tasks). */
const MAX_SIMULATED_MS = 7 * 24 * 3600_000;

/**
 * The sample datasets a Spark job's string literals name and HDFS does not answer already: a path
 * (`'/data/sensors.csv'`, `'hdfs:///data/corpus.txt'`), their directory, a glob or
 * comma-separated paths matching them.
 */
function mentionedPaths(code: string, hdfs: Hdfs): string[] {
  const entries: string[] = [];
  for (const m of code.matchAll(/['"`]((?:hdfs:)?\/[^'"`\n]{0,4096})['"`]/g)) entries.push(...splitInputPaths(m[1]!));
  return samplesNamed(entries, hdfs);
}

/**
 * The sample datasets that input paths name (a file, a folder of them or a glob: '/data/*') and
 * HDFS does not hold yet: a MapReduce job's inputs, or the paths a Spark driver mentions.
 */
function samplesNamed(entries: readonly string[], hdfs: Hdfs): string[] {
  const samples = new DfsListing(BUILTIN_DATASETS.map((d) => ({ path: d.path, length: 0, blockSize: 1 })));
  let present: DfsListing | null = null;
  const out = new Set<string>();
  for (const entry of entries) {
    try {
      const named = resolveInputFiles(entry, samples, 'textFile');
      present ??= new DfsListing(filesIn(hdfs, '/'));
      if (named.length > 0 && present.kind(parseDfsPath(entry, 'textFile')) === null && !hasFiles(entry, present))
        for (const f of named) out.add(f.path);
    } catch {
      // Not a path of a sample dataset: the job's own run says what is wrong with it, if anything.
    }
  }
  return [...out].sort();
}

function hasFiles(entry: string, listing: DfsListing): boolean {
  try {
    return resolveInputFiles(entry, listing, 'textFile').length > 0;
  } catch {
    return false;
  }
}

function filesIn(hdfs: Hdfs, dir: string): { path: string; length: number; blockSize: number }[] {
  return hdfs.ls(dir).flatMap((f) => (f.type === 'dir' ? filesIn(hdfs, f.path) : [f]));
}

/**
 * Runs one job: `runner.load` begins the runner's run (its time budget starts there) and the
 * run ends here whatever happens, so nothing of it (timers, failures, busy workers) reaches
 * the next run.
 */
export async function runJob(options: RunJobOptions): Promise<JobRunReport> {
  try {
    return await runLoadedJob(options);
  } catch (error) {
    throw settingsError(error);
  } finally {
    options.runner.endRun();
  }
}

async function runLoadedJob(options: RunJobOptions): Promise<JobRunReport> {
  // The budget covers the simulation too: checked before the inputs are built and while it runs.
  const checkBudget = options.runner.checkBudget?.bind(options.runner);
  const budget = checkBudget ? new BudgetTicker(checkBudget) : undefined;
  const trace = new Trace<RunEvent>(Number.POSITIVE_INFINITY, options.traceTypes);
  const hdfsOptions = { ...options.hdfs, ...(options.blockSize !== undefined ? { blockSize: options.blockSize } : {}) };
  const sim = createSimulation({
    seed: options.seed,
    cluster: options.cluster,
    hdfs: hdfsOptions,
    ...(options.yarn !== undefined ? { yarn: options.yarn } : {}),
    ...(options.faults !== undefined ? { faults: options.faults } : {}),
    trace,
  });
  for (const f of options.files ?? []) sim.hdfs.put(f.path, f.bytes);
  startYarnLoads(sim.kernel, sim.yarn, sim.cost, resolveYarnLoads(options.yarnLoad));
  const submitAt = options.submitAtMs ?? 0;
  if (!(submitAt >= 0 && submitAt <= MAX_SIMULATED_MS))
    throw new ValidationError('submitAtMs', `must be from 0 to ${MAX_SIMULATED_MS} ms, got ${String(submitAt)}`);
  if (submitAt > 0) sim.run({ until: submitAt });
  const generated: string[] = [];
  const ensureInput = (path: string) => {
    if (sim.hdfs.exists(path) || options.sampleData === false) return;
    const sample = builtinDataset(path);
    if (!sample) return;
    sim.hdfs.put(path, builtinDatasetBytes(sample));
    generated.push(path);
  };
  const recorder =
    options.snapshots === false ? null : new SnapshotRecorder<ClusterSnapshot>(() => sim.snapshot(), options.snapshots);
  const ctx: JobContext = {
    kernel: sim.kernel,
    cluster: sim.cluster,
    cost: sim.cost,
    hdfs: sim.hdfs,
    yarn: sim.yarn,
    trace,
    tracing: isTracing(trace, JOB_CONTEXT_EVENT_TYPES),
    noteTaskEvent: () => recorder?.note(sim.kernel.now),
    drive: (done) => driveKernel(sim.kernel, done, MAX_SIMULATED_MS, budget),
  };
  const shape = await options.runner.load(options.source);
  checkBudget?.();
  if (shape.kind === 'module') throw new Error('runJob: the runner loaded a module of functions, not a job');
  if (shape.kind === 'kafka')
    throw new JobSpecError(
      options.source.fileName,
      `exports ${shape.functions.join(', ')} and no default job: a KafkaJS program runs with \`clusterlab stream\` or in a streaming lab`,
    );
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const speculation = options.speculation ?? false;
  const finish = (r: Omit<JobRunReport, 'trace' | 'snapshots' | 'generatedInputs'>): JobRunReport => {
    recorder?.finish(sim.kernel.now);
    const report = { ...r, trace: trace.events, snapshots: recorder?.frames ?? [], generatedInputs: generated };
    if (!options.outputText) return report;
    const inputs = new Set([...(options.files ?? []).map((f) => f.path), ...generated]);
    return { ...report, outputs: jobOutputFiles(sim.hdfs, inputs) };
  };

  if (shape.kind === 'spark') {
    for (const p of mentionedPaths(options.source.code, sim.hdfs)) ensureInput(p);
    const conf = submittedSparkConf(options.sparkConf, shape.conf, options.source.fileName);
    const executorCores = checkExecutorPlan(ctx, conf, shape.conf, options.source.fileName);
    const { failure, ...run } = await runSparkJob(ctx, options.runner, {
      maxAttempts,
      conf,
      executorCores,
      fileName: options.source.fileName,
    });
    const report = finish(run);
    if (failure === null) return report;
    const { task, error, nodes } = failure;
    throw new JobFailedError(attemptsMessage(error, task, nodes), error, report);
  }

  const counters = emptyCounters();
  const userCounters: UserCounterTotals = new Map();
  const attempts: AttemptRecord[] = [];
  let lastOutput: string[] = [];
  for (const config of shape.jobs) {
    for (const p of samplesNamed(config.input, sim.hdfs)) ensureInput(p);
    const run = await runMapReduceJob(ctx, options.runner, config, {
      maxAttempts,
      speculation,
      fileName: options.source.fileName,
    });
    addCounters(counters, run.counters);
    for (const [group, named] of run.userCounters)
      addUserCounters(
        userCounters,
        [...named].map(([name, value]) => [group, name, value]),
      );
    for (const a of run.am.attempts) attempts.push(a.record);
    lastOutput = run.outputFiles;
    checkBudget?.();
    if (run.failure !== null) {
      const report = finish({
        kind: 'mapreduce',
        result: null,
        simulatedMs: sim.kernel.now,
        metrics: mrMetrics(shape.jobs.length, counters, userCounters, attempts),
        attempts,
      });
      const cause = run.failure.error ?? new Error(run.failure.reason);
      const nodes = run.am.attempts
        .filter((a) => a.task.id === run.failure!.task && a.record.status === 'failed')
        .map((a) => a.record.node);
      throw new JobFailedError(attemptsMessage(cause, run.failure.task, nodes), cause, report);
    }
  }
  const pairs: [unknown, unknown][] = [];
  // The part files in order, each as its task wrote it (sorted within itself when it is a
  // reducer's), as `hdfs dfs -cat /out/part-*` prints them: no global sort.
  // One record at a time: spreading a part file of a million records into push() overflows the stack.
  for (const path of lastOutput) for (const pair of parseRecords(decodeUtf8(sim.hdfs.read(path)))) pairs.push(pair);
  return finish({
    kind: 'mapreduce',
    result: pairs,
    simulatedMs: sim.kernel.now,
    metrics: mrMetrics(shape.jobs.length, counters, userCounters, attempts),
    attempts,
  });
}

function mrMetrics(
  jobs: number,
  c: ReturnType<typeof emptyCounters>,
  user: UserCounterTotals,
  attempts: AttemptRecord[],
): JobMetrics {
  return {
    kind: 'mapreduce',
    jobs,
    tasks: attempts.filter((a) => a.status === 'succeeded').length,
    attempts: attempts.length,
    killedAttempts: c.NUM_KILLED_MAPS + c.NUM_KILLED_REDUCES,
    failedAttempts: c.NUM_FAILED_MAPS + c.NUM_FAILED_REDUCES,
    bytesReadLocal: c.HDFS_BYTES_READ_LOCAL,
    bytesReadRemote: c.HDFS_BYTES_READ_REMOTE,
    shuffleBytes: c.REDUCE_SHUFFLE_BYTES,
    shuffleBytesLocal: c.SHUFFLE_BYTES_LOCAL,
    shuffleBytesRemote: c.SHUFFLE_BYTES_REMOTE,
    counters: c,
    counterGroups: counterGroups(c, user),
  };
}

/**
 * A failed task's error with its attempts; a runaway loop says only where it looped (every attempt
 * would), and a job that failed with no failed attempt of the task it names (its ApplicationMaster
 * lost twice) says only why.
 */
function attemptsMessage(error: Error, task: string, nodes: string[]): string {
  if (error instanceof RunawayLoopError || nodes.length === 0) return error.message;
  return `${error.message} (${task} failed ${nodes.length} attempt${nodes.length === 1 ? '' : 's'}, on ${nodes.join(', ')})`;
}

/**
 * Executors their cluster manager could never grant (a node label no NodeManager carries, a
 * queue YARN does not have, an executor bigger than any node): when the job file set the
 * setting, the message names the file and its `conf` entry (the likeliest slip: a setting
 * carried over to a cluster it does not fit). Returns the executors' cores, planned once for the run.
 */
function checkExecutorPlan(
  ctx: JobContext,
  conf: SparkConfInput | undefined,
  fileConf: SparkConfInput | undefined,
  fileName: string,
): number {
  try {
    return plannedExecutorCores(ctx, resolveSparkConf(conf));
  } catch (error) {
    if (error instanceof ValidationError && fileConf !== undefined && Object.hasOwn(fileConf, error.path))
      throw new JobSpecError(fileName, `conf['${error.path}']: ${error.problem}`);
    throw error;
  }
}
