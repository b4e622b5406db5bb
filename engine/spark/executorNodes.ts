/** The NodeManagers a Spark application's executors may run on, by spark.yarn.executor.nodeLabelExpression. */
import { ValidationError } from '../core';
import { nodeLabelsNamed, type Cluster, type ClusterNode } from '../cluster';

/**
 * The NodeManagers executors are asked on: those under the node label (spark.yarn.executor.nodeLabelExpression,
 * '' for the unlabelled ones). None: YARN would never grant one, so the run stops with a message naming the setting.
 */
export function executorNodes(cluster: Cluster, label: string): ClusterNode[] {
  const nodes = cluster.nodeManagers.filter((n) => n.nodeLabel === label);
  if (nodes.length > 0) return nodes;
  const named = nodeLabelsNamed(cluster);
  throw new ValidationError(
    'spark.yarn.executor.nodeLabelExpression',
    label === ''
      ? `every NodeManager of this cluster has a node label (${named}), so executors asked without one are never granted: set it to one of them`
      : `no NodeManager has the label '${label}', so YARN would never grant an executor (labels here: ${named})`,
  );
}
