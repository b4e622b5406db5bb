/** The YARN node labels of a cluster's NodeManagers, as messages name them. */
import type { Cluster } from './cluster';

/** Every label a NodeManager carries, sorted and quoted: "'' (no label), 'gpu'". */
export function nodeLabelsNamed(cluster: Cluster): string {
  const labels = [...new Set(cluster.nodeManagers.map((n) => n.nodeLabel))].sort();
  return labels.map((l) => (l === '' ? "'' (no label)" : `'${l}'`)).join(', ');
}
