/** How a stage is named and drawn: its operations as Spark's UI shows them, and its size when skipped. */
import type { SparkStageOp } from '../exec/jobEvents';
import type { Stage } from './dagScheduler';
import type { RddInfo, SparkLog } from './jobRecord';

/** Partitions a stage computes in full (what a skipped stage would have run). */
export function stageTasks(log: SparkLog, stage: Stage): number {
  return stage.shuffleId === null ? stage.partitions.length : log.shuffles[stage.shuffleId]!.numMaps;
}

/** The RDD operations a stage pipelines, as Spark's UI draws them inside the stage (cached: persisted). */
export function stageOps(log: SparkLog, stage: Stage, persisted: ReadonlySet<number>): SparkStageOp[] {
  return stage.rdds.map((id) => ({ rdd: id, name: log.rdds[id]!.name, cached: persisted.has(id) }));
}

/**
 * A stage's name as Spark's UI would show its operations: the RDDs it pipelines, from the one
 * after the shuffle (or the input) to its last, e.g. "reduceByKey → mapValues".
 */
export function stageName(log: SparkLog, rdd: number): string {
  const names: string[] = [];
  let current: number | undefined = rdd;
  while (current !== undefined && names.length < 8) {
    const info: RddInfo | undefined = log.rdds[current];
    if (!info) break;
    names.push(info.name);
    const narrow: RddInfo['deps'][number] | undefined = info.deps.find((d) => d.kind === 'narrow');
    current = narrow?.parent;
  }
  return names.reverse().join(' → ');
}
