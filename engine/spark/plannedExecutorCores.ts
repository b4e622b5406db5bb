/**
 * The cores a Spark application's executors will have once registered (what
 * sc.defaultParallelism reads), worked out before the driver runs: YARN's executor containers
 * (yarnExecutorPlan.ts, which also refuses settings YARN could never grant), or what a
 * standalone Master would hand out now.
 */
import type { JobContext } from '../exec/jobContext';
import type { SparkConf } from './sparkConf';
import { StandaloneMaster } from './standaloneMaster';
import { yarnExecutorAsks } from './yarnExecutorPlan';

export function plannedExecutorCores(ctx: JobContext, conf: SparkConf): number {
  if (conf.master.kind === 'yarn')
    return yarnExecutorAsks(ctx.cluster, ctx.yarn.config, conf).reduce((s, a) => s + (a.vcores ?? 1), 0);
  const grants = new StandaloneMaster(ctx).schedule({
    coresPerExecutor: conf.executorCores,
    memoryMb: conf.executorMemoryMb ?? 1024,
    coresMax: conf.coresMax,
  });
  return grants.reduce((s, g) => s + g.cores, 0);
}
