import { preset, type ClusterSpec, type PresetName } from '../engine/cluster';

/** A step's cluster as a spec of its own (a preset by name, or a copy of the lab's spec). */
export function clusterOf(cluster: PresetName | ClusterSpec): ClusterSpec {
  return typeof cluster === 'string' ? preset(cluster) : (JSON.parse(JSON.stringify(cluster)) as ClusterSpec);
}
