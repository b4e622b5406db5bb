/**
 * One MapReduce job end to end (Cookbook 20.1.1): resolve the input paths in HDFS, cut splits
 * (one per block, TextInputFormat), run the real map and reduce tasks on the sandbox pool, then
 * replay the job on the simulated cluster through its ApplicationMaster (mrAppMaster.ts), which
 * writes the part files to HDFS at the simulated times the reducers commit. A task whose code
 * throws keeps its error: the simulation shows its attempts failing, then the job fails.
 */
import { InputPathError, preferredNodes, resolveInputFiles } from '../exec/hdfsInputs';
import type { JobContext } from '../exec/jobContext';
import { LIMITS, ValidationError, formatCount } from '../core';
import { RunAbortedError, RunawayLoopError } from '../sandbox/contract/jobCodeError';
import type { TaskRunner, MapReduceJobConfig, MapTaskInput, ReduceTaskOutput } from '../sandbox/contract/taskRunner';
import { planInputSplits } from '../exec/lineSplits';
import { encodeUtf8 } from '../core';
import { jobCounters, type MapReduceCounters, type UserCounterTotals } from './mapReduceCounters';
import { ReduceInputs } from './reduceInputs';
import {
  MrAppMaster,
  checkAppMasterFits,
  type MrAmOptions,
  type MrJobFailure,
  type MrMapPlan,
  type MrReducePlan,
} from './mrAppMaster';

export { InputPathError };

export interface MrJobResult {
  job: string;
  startMs: number;
  endMs: number;
  counters: MapReduceCounters;
  /** The learner's counters (ctx.getCounter), summed over the successful attempts. */
  userCounters: UserCounterTotals;
  am: MrAppMaster;
  outputFiles: string[];
  failure: MrJobFailure | null;
}

/** The error a task's promise rejected with; a stop or a runaway loop ends the whole run instead. */
function taskError(reason: unknown): Error {
  const error = reason instanceof Error ? reason : new Error(String(reason));
  // A runaway loop would loop again in every attempt: the run ends with the loop's line.
  if (error instanceof RunAbortedError || error instanceof RunawayLoopError) throw error;
  return error;
}

/** Runs each task alone, so one task's error does not hide the others' results (a timeout or a stop does). */
async function settle<I, O>(inputs: I[], run: (batch: I[]) => Promise<O[]>): Promise<({ ok: O } | { error: Error })[]> {
  const settled = await Promise.allSettled(inputs.map((input) => run([input])));
  return settled.map((s) => (s.status === 'fulfilled' ? { ok: s.value[0]! } : { error: taskError(s.reason) }));
}

/**
 * Runs every map task alone (one task's error does not hide the others' results) and keeps what
 * the simulation needs of each output as it answers; the records go straight to the reducers'
 * inputs, returned when every task has answered (null when one failed).
 */
async function runMaps(
  runner: TaskRunner,
  tasks: MapTaskInput[],
  maps: MrMapPlan[],
  reducers: number,
): Promise<ReduceInputs | null> {
  const inputs = new ReduceInputs(tasks.length, reducers);
  const reasons: unknown[] = [];
  let failed = false;
  await Promise.all(
    tasks.map((task, i) =>
      runner.runMapTasks([task]).then(
        ([o]) => {
          const { taskIndex, text, userCounters, counters, partitionBytes, partitionRecords } = o!;
          const partitionGroups = inputs.add(i, o!.partitions);
          maps[i]!.output = {
            taskIndex,
            text,
            userCounters,
            counters,
            partitionBytes,
            partitionRecords,
            partitionGroups,
          };
        },
        (reason: unknown) => {
          failed = true;
          reasons[i] = reason;
        },
      ),
    ),
  );
  // In task order, as the tasks were given: the first stop or runaway loop ends the run.
  for (let i = 0; i < tasks.length; i++) if (i in reasons) maps[i]!.error = taskError(reasons[i]);
  return failed ? null : inputs;
}

const NO_NODES: readonly string[] = Object.freeze([]);

/** Each map's preferred nodes: the replica nodes of its split's block(s), file by file. */
function placeSplits(ctx: JobContext, maps: MrMapPlan[]): void {
  let fileBlocks: ReturnType<typeof ctx.hdfs.blocks> = [];
  let blocksOf: string | null = null;
  for (const m of maps) {
    if (m.file !== blocksOf) {
      blocksOf = m.file;
      fileBlocks = ctx.hdfs.blocks(m.file);
    }
    m.preferredNodes = preferredNodes(
      ctx.hdfs,
      m.file,
      m.split.start,
      m.split.start + Math.max(1, m.split.length),
      fileBlocks,
    );
  }
}

export async function runMapReduceJob(
  ctx: JobContext,
  runner: TaskRunner,
  config: MapReduceJobConfig,
  /** `fileName`: the job's file, as the host knows it (its errors name it). */
  options: MrAmOptions & { fileName: string },
): Promise<MrJobResult> {
  // Where a path's error points: the job's field in its file ('job.js: default[1].input').
  const where = `${options.fileName}: ${config.field}`;
  checkAppMasterFits(ctx);
  // Hadoop's FileOutputFormat.checkOutputSpecs: a job never overwrites an output directory. The
  // output is checked first, as JobSubmitter does (checkSpecs), then the input listed (writeSplits).
  if (outputExists(ctx, config.output, `${where}.output`))
    throw new InputPathError(
      config.output,
      `${where}.output`,
      `FileAlreadyExistsException: Output directory hdfs:${config.output} already exists: a MapReduce job never overwrites its output directory; write to a new path`,
    );
  const files = resolveInputFiles(ctx.hdfs, config.input, `${where}.input`);
  const maps: MrMapPlan[] = [];
  const tasks: MapTaskInput[] = [];
  for (const file of files) {
    const bytes = ctx.hdfs.readShared(file);
    const blockSize = ctx.hdfs.stat(file).blockSize;
    const { conf } = config;
    const splits = planInputSplits(
      bytes,
      { blockSize, minSize: conf.splitMinSize, maxSize: conf.splitMaxSize },
      conf.recordDelimiter === null ? null : encodeUtf8(conf.recordDelimiter),
    );
    if (maps.length + splits.length > LIMITS.maxPartitions)
      throw new ValidationError(
        `${where}.conf`,
        `more than ${formatCount(LIMITS.maxPartitions)} input splits (the simulator's limit of map tasks): raise mapreduce.input.fileinputformat.split.minsize or maxsize`,
      );
    for (const split of splits) {
      const index = maps.length;
      // Its preferred nodes come once the tasks are on their way (placeSplits).
      maps.push({ index, file, split, preferredNodes: NO_NODES, output: null, error: null });
      // A view of the file's bytes (not a copy per task, nor of the file): map tasks reach a
      // worker only through the pool's batches, which copy their tasks' bytes into one buffer
      // where a structured clone would take the whole file under a view (engine/sandbox/mapBatches.ts,
      // packBatch), or send the views as they are where only their own bytes cross (the CLI).
      tasks.push({
        jobIndex: config.index,
        taskIndex: index,
        baseOffset: split.recordStart,
        bytes: bytes.subarray(split.recordStart, split.recordEnd),
        numReduceTasks: config.numReduceTasks,
      });
    }
  }
  // Checked before any task runs: every map writes a partition for every reducer.
  const shuffleBlocks = maps.length * config.numReduceTasks;
  if (shuffleBlocks > LIMITS.maxShuffleBlocks)
    throw new ValidationError(
      `${where}.numReduceTasks`,
      `${formatCount(maps.length)} map tasks × ${formatCount(config.numReduceTasks)} reduce tasks make ${formatCount(shuffleBlocks)} shuffle blocks, more than the simulator's limit of ${formatCount(LIMITS.maxShuffleBlocks)}: use fewer reduce tasks or a larger block size`,
    );
  const running = runMaps(runner, tasks, maps, config.numReduceTasks);
  // The pool sends the tasks once this burst of them is queued (a microtask): the sandboxes start
  // on them while this reads where each split's replicas are, which only the simulation needs.
  await Promise.resolve();
  try {
    placeSplits(ctx, maps);
  } catch (error) {
    await running.catch(() => {});
    throw error;
  }
  const inputs = await running;
  const reduces: MrReducePlan[] = Array.from({ length: config.numReduceTasks }, (_, index) => ({
    index,
    output: null,
    error: null,
  }));
  if (inputs !== null) {
    const reduceResults = await settle(
      reduces.map((r) => ({ jobIndex: config.index, taskIndex: r.index, parts: [inputs.take(r.index)] })),
      (batch) => runner.runReduceTasks(batch),
    );
    reduceResults.forEach((r, i) => {
      if ('ok' in r) reduces[i]!.output = r.ok as ReduceTaskOutput;
      else reduces[i]!.error = r.error;
    });
  }
  const startMs = ctx.kernel.now;
  const am = new MrAppMaster(ctx, config, maps, reduces, options);
  ctx.drive(() => am.done);
  const outputFiles =
    am.failure !== null
      ? []
      : config.numReduceTasks === 0
        ? maps.map((m) => am.partPath(m.index, 'm'))
        : reduces.map((r) => am.partPath(r.index, 'r'));
  const userCounters: UserCounterTotals = new Map();
  return {
    job: am.job,
    startMs,
    endMs: ctx.kernel.now,
    counters: jobCounters(am, maps, reduces, userCounters),
    userCounters,
    am,
    outputFiles,
    failure: am.failure,
  };
}

/** Whether the output path exists; a path HDFS refuses (a ':' in it) is the job's field's error. */
function outputExists(ctx: JobContext, path: string, where: string): boolean {
  try {
    return ctx.hdfs.exists(path);
  } catch (error) {
    throw new InputPathError(path, where, error instanceof Error ? error.message : String(error));
  }
}
