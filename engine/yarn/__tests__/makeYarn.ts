/** Test helper: a ResourceManager on a fresh kernel and cluster, recording into one trace. */
import { Kernel, Trace } from '../../core';
import { Cluster, CostModel, FaultInjector, preset, resolveClusterSpec, type ClusterSpec } from '../../cluster';
import { ResourceManager } from '../resourceManager';
import { resolveYarnConfig } from '../yarnConfig';

export function makeYarn(spec: ClusterSpec = preset('two-racks'), yarn: unknown = {}) {
  const kernel = new Kernel();
  const trace = new Trace();
  const cluster = new Cluster(resolveClusterSpec(spec), kernel, trace);
  const rm = new ResourceManager(kernel, cluster, new CostModel(cluster), trace, resolveYarnConfig(yarn));
  return { kernel, trace, cluster, rm, faults: new FaultInjector(kernel, cluster) };
}
