/** engine/cluster: racks, nodes, their health, the cost model, presets and fault injection. */
export { Cluster, type ClusterNode, type Rack, type NodeChangeListener } from './cluster';
export {
  resolveClusterSpec,
  DEFAULT_NODE,
  DEFAULT_NETWORK,
  MAX_NODES,
  type ClusterSpec,
  type RackSpec,
  type NodeSpec,
  type NodeOptions,
  type NetworkSpec,
  type NodeInfo,
  type ResolvedClusterSpec,
} from './clusterSpec';
export { NODE_ROLES, DEFAULT_ROLES, isDataNode, isNodeManager, type NodeRole, type HasRoles } from './nodeRoles';
export { DEFAULT_COSTS, type CostParams } from './costParams';
export { CostModel, ioShare, type CpuWork } from './costModel';
export { clusterPresets, preset, presetNames, isPresetName, presetWithNodes, type PresetName } from './presets';
export { HeartbeatMonitor, type HeartbeatOptions } from './heartbeatMonitor';
export { nodeLabelsNamed } from './nodeLabels';
export { FaultInjector, FAULT_KINDS, MAX_SLOW_FACTOR, type FaultSpec } from './faultInjector';
export type { ClusterEvent, NodeChange } from './clusterEvents';
export { ResourceLedger, type ResourceManagerName, type HandedOut } from './resourceLedger';
export {
  hardwarePresets,
  hardwarePresetNames,
  hardwareCluster,
  type HardwarePreset,
  type HardwarePresetName,
} from './hardwarePresets';
