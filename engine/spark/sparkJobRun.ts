/**
 * Runs a learner's Spark program: the driver runs in the sandbox first (real results and a log
 * of jobs, engine/spark/sparkDriver.ts), then the application replays the jobs on the simulated
 * cluster (sparkApplication.ts) with the run's Spark settings (sparkConf.ts), and the files the
 * program wrote are put into HDFS when it succeeded. A task whose code threw in the sandbox fails
 * every attempt (spark.task.maxFailures); its job then fails.
 */
import { encodeUtf8 } from '../core';
import { InputPathError } from '../exec/hdfsInputs';
import type { JobContext } from '../exec/jobContext';
import type { TaskRunner } from '../sandbox/contract/taskRunner';
import type { JobMetrics } from '../exec/jobMetrics';
import type { SparkCounters } from './sparkCounters';
import type { AttemptRecord } from '../exec/taskTypes';
import type { SparkLog } from './jobRecord';
import { SparkApplication, type SparkJobFailure } from './sparkApplication';
import { resolveSparkConf, type SparkConfInput } from './sparkConf';
import { plannedExecutorCores } from './plannedExecutorCores';
import { isReaderCall, missingInputMessage, splitInputPaths } from './sparkPaths';

export type { SparkJobFailure };

/** What runJob's report takes from a Spark run (it adds the trace, snapshots and inputs). */
interface SparkReport {
  kind: 'spark';
  /** The driver's return value (null when the job failed). */
  result: unknown;
  simulatedMs: number;
  metrics: JobMetrics<SparkCounters> & { kind: 'spark'; accumulators: { name: string; value: string }[] };
  attempts: AttemptRecord[];
}

/** Every file in HDFS with its size: what textFile needs to cut partitions. */
function catalogOf(ctx: JobContext): { path: string; length: number; blockSize: number }[] {
  const out: { path: string; length: number; blockSize: number }[] = [];
  const walk = (dir: string) => {
    for (const f of ctx.hdfs.ls(dir)) {
      if (f.type === 'dir') walk(f.path);
      else out.push({ path: f.path, length: f.length, blockSize: f.blockSize });
    }
  };
  walk('/');
  return out;
}

/** sc.textFile's input matched nothing: Hadoop's message (InvalidInputException), reported as a bad input. */
function missingInputError(paths: string, call: string, fileName: string, line: number | null): InputPathError {
  // A reader's path comes whole (a comma may be part of it); sc.textFile's are comma-separated.
  const error = new InputPathError(isReaderCall(call) ? paths : (splitInputPaths(paths)[0] ?? paths), call);
  error.message = `${line === null ? '' : `${fileName}:${line}: `}${call}: ${missingInputMessage(paths, call)}`;
  error.line = line;
  return error;
}

export async function runSparkJob(
  ctx: JobContext,
  runner: TaskRunner,
  options: {
    maxAttempts: number;
    conf?: SparkConfInput;
    /** The executors' cores when the caller already planned them (plannedExecutorCores). */
    executorCores?: number;
    /** The job's file, as its errors name it. */
    fileName: string;
  },
): Promise<SparkReport & { failure: SparkJobFailure | null }> {
  const conf = resolveSparkConf(options.conf);
  const { hdfs } = ctx;
  // The executors' cores, as their cluster manager will grant them (a setting it never could stops the run here).
  const cores = options.executorCores ?? plannedExecutorCores(ctx, conf);
  const out = await runner.runSparkDriver({
    catalog: catalogOf(ctx),
    parallelism: { executorCores: cores, configured: conf.defaultParallelism },
    readFiles: async (path) => {
      const st = hdfs.stat(path);
      const files = st.type === 'file' ? [st] : hdfs.ls(path).filter((f) => f.type === 'file');
      return files.map((f) => ({ path: f.path, bytes: hdfs.read(f.path), blockSize: f.blockSize }));
    },
  });
  if (out.missingInput !== undefined)
    throw missingInputError(
      out.missingInput,
      out.missingInputCall ?? 'sc.textFile',
      options.fileName,
      out.missingInputLine ?? null,
    );
  const log = out.jobs[0] as SparkLog;
  const app = new SparkApplication(ctx, log, conf, options.maxAttempts);
  // A job's output is committed when it finishes, so a later job of the program reads it from HDFS.
  app.onJobFinished = (job) => {
    if (job.output === null) return;
    const dir = `${job.output}/`;
    for (const w of out.written)
      if (w.path.startsWith(dir)) hdfs.put(w.path, 'bytes' in w ? w.bytes : encodeUtf8(w.text), { overwrite: true });
  };
  app.start();
  app.runJobs();
  const { failure } = app;
  const attempts = app.scheduler.attempts;
  const { io } = app;
  const killed = attempts.filter((a) => a.status === 'killed').length;
  const failedCount = attempts.filter((a) => a.status === 'failed').length;
  const at = (l: string) => attempts.filter((a) => a.locality === l).length;
  return {
    kind: 'spark',
    result: failure ? null : out.result,
    simulatedMs: ctx.kernel.now,
    metrics: {
      kind: 'spark',
      jobs: log.jobs.length,
      tasks: attempts.length - killed - failedCount,
      attempts: attempts.length,
      killedAttempts: killed,
      failedAttempts: failedCount,
      bytesReadLocal: io.bytesLocal,
      bytesReadRemote: io.bytesRemote,
      shuffleBytes: io.shuffleLocal + io.shuffleRemote,
      shuffleBytesLocal: io.shuffleLocal,
      shuffleBytesRemote: io.shuffleRemote,
      counters: {
        STAGES_RUN: app.counters.stagesRun,
        STAGES_SKIPPED: app.counters.stagesSkipped,
        CACHE_HITS: io.cacheHits,
        BLOCKS_EVICTED: app.blocks.evictions,
        PROCESS_LOCAL_TASKS: at('PROCESS_LOCAL'),
        NODE_LOCAL_TASKS: at('NODE_LOCAL'),
        NO_PREF_TASKS: at('NO_PREF'),
        RACK_LOCAL_TASKS: at('RACK_LOCAL'),
        ANY_TASKS: at('ANY'),
      },
      accumulators: (log.accumulators ?? []).map(({ name, value }) => ({ name, value })),
    },
    attempts,
    failure,
  };
}
