/** The machines of a step's cluster preset, by id (n1, n2, ...): what the editor helpers offer before a run. */
import { preset, resolveClusterSpec, type PresetName } from '../../../engine/cluster';

export function clusterMachines(cluster: PresetName): string[] {
  return resolveClusterSpec(preset(cluster)).nodes.map((node) => node.id);
}
