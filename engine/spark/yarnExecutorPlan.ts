/**
 * The executors a Spark application asks YARN for (Cookbook 20.10, Figure 20.6), checked before
 * the run starts so that a setting YARN could never grant stops it with Spark's own complaint,
 * naming the setting:
 * - unsized (no spark.executor.instances, .cores, .memory or .memoryOverhead): one executor per NodeManager under
 *   the node label, with all its cores and half its memory, on that node (this simulator's default);
 * - sized: spark.executor.instances (2) containers of spark.executor.cores (1) vcores and
 *   spark.executor.memory (1g) plus spark.executor.memoryOverhead (10%, at least 384m) MB,
 *   anywhere under the label; YARN rounds the memory up to a multiple of its minimum allocation.
 */
import { ValidationError, formatCount } from '../core';
import type { Cluster } from '../cluster';
import { allocatedMb, type ContainerAsk, type YarnConfig } from '../yarn';
import { executorNodes } from './executorNodes';
import type { SparkConf } from './sparkConf';
import { defaultMemoryOverheadMb } from './sparkResourceSettings';

/** True when the run sizes its executors itself (any of spark.executor.instances, .cores, .memory, .memoryOverhead set). */
export function executorsSized(conf: SparkConf): boolean {
  return (
    conf.executorInstances !== null ||
    conf.executorCores !== null ||
    conf.executorMemoryMb !== null ||
    conf.executorMemoryOverheadMb !== null
  );
}

/** The container asks for the executors; throws a ValidationError naming the Spark setting YARN could not meet. */
export function yarnExecutorAsks(cluster: Cluster, yarn: YarnConfig, conf: SparkConf): ContainerAsk[] {
  if (!yarn.queues.some((q) => q.name === conf.yarnQueue))
    throw new ValidationError(
      'spark.yarn.queue',
      `YARN has no queue '${conf.yarnQueue}' (its queues: ${yarn.queues.map((q) => q.name).join(', ')}), so it refuses the application`,
    );
  const label = conf.executorNodeLabel;
  const nodes = executorNodes(cluster, label);
  if (!executorsSized(conf)) {
    const executorMb = (memoryMb: number) => Math.max(1024, Math.floor(memoryMb / 2));
    // YARN's ask check looks at the largest node only: nodes all too small would wait forever.
    if (!nodes.some((n) => allocatedMb(executorMb(n.memoryMb), yarn) <= n.memoryMb)) {
      const largest = Math.max(...nodes.map((n) => n.memoryMb));
      throw new ValidationError(
        'cluster',
        `no NodeManager can hold an executor: each node gets one of half its memory, in a container of at least ${formatCount(allocatedMb(1024, yarn))} MB, and the largest node has ${formatCount(largest)} MB; give the nodes more memory`,
      );
    }
    return nodes
      .filter((n) => cluster.isReachable(n))
      .map((node) => ({
        vcores: node.cores,
        memoryMb: executorMb(node.memoryMb),
        nodes: [node.id],
        relaxLocality: false,
        nodeLabelExpression: label,
        tag: node.id,
      }));
  }
  const cores = conf.executorCores ?? 1;
  const memory = conf.executorMemoryMb ?? 1024;
  const overhead = conf.executorMemoryOverheadMb ?? defaultMemoryOverheadMb(memory);
  const asked = allocatedMb(memory + overhead, yarn);
  let maxMemory = 0;
  let maxCores = 0;
  for (const n of nodes) {
    maxMemory = Math.max(maxMemory, n.memoryMb);
    maxCores = Math.max(maxCores, n.cores);
  }
  if (asked > maxMemory)
    throw new ValidationError(
      'spark.executor.memory',
      `an executor of ${memory} MB with ${overhead} MB overhead needs a ${asked} MB container, above the ${maxMemory} MB the largest NodeManager has: YARN would never grant it`,
    );
  if (cores > maxCores)
    throw new ValidationError(
      'spark.executor.cores',
      `an executor of ${cores} cores needs a container of ${cores} vcores, above the ${maxCores} the largest NodeManager has: YARN would never grant it`,
    );
  const instances = conf.executorInstances ?? 2;
  return Array.from({ length: instances }, (_, i) => ({
    vcores: cores,
    memoryMb: memory + overhead,
    relaxLocality: true,
    nodeLabelExpression: label,
    tag: `executor ${i + 1}`,
  }));
}
