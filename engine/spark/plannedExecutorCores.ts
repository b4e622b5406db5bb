/**
 * The cores a Spark application's executors will have once registered (what
 * sc.defaultParallelism reads), worked out before the driver runs: YARN's executor containers
 * (yarnExecutorPlan.ts, which also refuses settings YARN could never grant), or what a
 * standalone Master would hand out now.
 */
import type { JobContext } from '../exec/jobContext';
import type { SparkConf } from './sparkConf';
import { ValidationError } from '../core';
import { StandaloneMaster, type StandaloneAsk } from './standaloneMaster';
import { yarnExecutorAsks } from './yarnExecutorPlan';

export function plannedExecutorCores(ctx: JobContext, conf: SparkConf): number {
  if (conf.master.kind === 'yarn')
    return yarnExecutorAsks(ctx.cluster, ctx.yarn.config, conf).reduce((s, a) => s + (a.vcores ?? 1), 0);
  const master = new StandaloneMaster(ctx);
  const ask = {
    coresPerExecutor: conf.executorCores,
    memoryMb: conf.executorMemoryMb ?? 1024,
    coresMax: conf.coresMax,
  };
  const grants = master.schedule(ask);
  if (grants.length === 0) throw unlaunchable(master, ask);
  return grants.reduce((s, g) => s + g.cores, 0);
}

/** Why a standalone Master would launch no executor at all, naming the setting (the run would wait forever). */
function unlaunchable(master: StandaloneMaster, ask: StandaloneAsk): ValidationError {
  let cores = 0;
  let memory = 0;
  for (const w of master.workers) {
    cores = Math.max(cores, w.cores);
    memory = Math.max(memory, w.memoryMb);
  }
  const never = 'so the Master would never launch an executor';
  if (ask.coresPerExecutor !== null && ask.coresPerExecutor > cores)
    return new ValidationError(
      'spark.executor.cores',
      `executors of ${ask.coresPerExecutor} cores, but the largest Worker offers ${cores}, ${never}`,
    );
  if (ask.memoryMb > memory)
    return new ValidationError(
      'spark.executor.memory',
      `executors of ${ask.memoryMb} MB, but the largest Worker offers ${memory} MB (its machine's memory less 1 GB), ${never}`,
    );
  if (ask.coresMax !== null && ask.coresPerExecutor !== null && ask.coresMax < ask.coresPerExecutor)
    return new ValidationError(
      'spark.cores.max',
      `${ask.coresMax} cores in all is fewer than one executor's ${ask.coresPerExecutor} (spark.executor.cores), ${never}`,
    );
  return new ValidationError('spark.master', `no standalone Worker is reachable to launch an executor on`);
}
