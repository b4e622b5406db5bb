/**
 * One MapReduce job end to end (Cookbook 20.1.1): resolve the input paths, cut splits (one per
 * block, TextInputFormat), run the real map and reduce tasks on the sandbox pool, then replay the
 * job on the simulated cluster (mapReduceSimulation.ts), which writes the part files to HDFS at
 * the simulated times the reducers finish.
 */
import type { TaskRunner, MapReduceJobConfig, MapTaskInput } from '../sandbox/taskRunner';
import type { DfsView } from '../exec/dfsView';
import { planLineSplits } from './lineSplits';
import { simulateMapReduce, type MrEnv, type MrSimResult, type SimMap } from './mapReduceSimulation';

/** A job input path that does not exist (bad input: exit code 2). */
export class InputPathError extends Error {
  override name = 'InputPathError';
  constructor(
    readonly path: string,
    where: string,
  ) {
    super(`${where}: input path does not exist in HDFS: ${path}`);
  }
}

export function resolveInputFiles(dfs: DfsView, paths: readonly string[], where: string): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (!dfs.exists(p)) throw new InputPathError(p, where);
    if (dfs.isDir(p)) files.push(...dfs.listFiles(p));
    else files.push(p);
  }
  return files;
}

export interface MrJobOptions {
  maxAttempts: number;
  speculation: boolean;
}

export async function runMapReduceJob(env: MrEnv & { runner: TaskRunner }, config: MapReduceJobConfig, options: MrJobOptions): Promise<MrSimResult> {
  const where = `job ${config.index + 1} (${config.name})`;
  const files = resolveInputFiles(env.dfs, config.input, `${where}.input`);
  if (env.dfs.exists(config.output)) throw new InputPathError(config.output, `${where}.output: output directory already exists`);
  const maps: SimMap[] = [];
  const tasks: MapTaskInput[] = [];
  for (const file of files) {
    const bytes = env.dfs.bytes(file);
    const blocks = env.dfs.blocks(file);
    for (const split of planLineSplits(bytes, env.dfs.blockSize(file))) {
      const index = maps.length;
      const block = blocks[Math.min(split.index, blocks.length - 1)];
      maps.push({ index, file, split, preferredNodes: block ? block.replicas : [], output: null });
      // slice, not subarray: a view would clone its whole file buffer into the worker.
      tasks.push({ jobIndex: config.index, taskIndex: index, baseOffset: split.recordStart, bytes: bytes.slice(split.recordStart, split.recordEnd), numReduceTasks: config.numReduceTasks });
    }
  }
  const mapOutputs = await env.runner.runMapTasks(tasks);
  mapOutputs.forEach((o, i) => (maps[i]!.output = o));
  const reduceOutputs = await env.runner.runReduceTasks(
    Array.from({ length: config.numReduceTasks }, (_, r) => ({ jobIndex: config.index, taskIndex: r, parts: mapOutputs.map((o) => o.partitions[r]!) })),
  );
  return simulateMapReduce(env, config, maps, reduceOutputs, options);
}
