/** Test helper: HDFS on a fresh kernel and cluster, recording into one trace. */
import { Kernel, Trace, createRng } from '../../core';
import { Cluster, CostModel, FaultInjector, preset, resolveClusterSpec, type ClusterSpec } from '../../cluster';
import { Hdfs } from '../hdfs';
import { resolveHdfsConfig, type HdfsConfig } from '../hdfsConfig';
import type { HdfsEvent } from '../hdfsEvents';

export function makeHdfs(spec: ClusterSpec = preset('two-racks'), config: Partial<HdfsConfig> = {}, seed = 1) {
  const kernel = new Kernel();
  const trace = new Trace<HdfsEvent | { t: number; type: string }>();
  const cluster = new Cluster(resolveClusterSpec(spec), kernel, trace);
  const cost = new CostModel(cluster);
  const hdfs = new Hdfs(kernel, cluster, cost, createRng(seed), trace, resolveHdfsConfig(config));
  return { kernel, trace, cluster, hdfs, faults: new FaultInjector(kernel, cluster) };
}
