import { eventTypes } from '../core';

/** Trace events of the cluster layer (machines and network), named in the past tense. */
export type ClusterEvent =
  | { t: number; type: 'nodeDied'; node: string }
  | { t: number; type: 'nodeRestarted'; node: string }
  | { t: number; type: 'nodeSlowed'; node: string; factor: number }
  | { t: number; type: 'diskFailed'; node: string }
  | { t: number; type: 'rackPartitioned'; rack: string }
  | { t: number; type: 'rackHealed'; rack: string }
  /**
   * Two resource managers together handed out more cores or memory than the node has
   * (resourceLedger.ts): the totals, the node's capacity and each manager's part. Traced when it
   * happens and again each time more is handed out while it lasts.
   */
  | {
      t: number;
      type: 'nodeOversubscribed';
      node: string;
      cores: number;
      capacityCores: number;
      memoryMb: number;
      capacityMemoryMb: number;
      yarn: { cores: number; memoryMb: number };
      standalone: { cores: number; memoryMb: number };
    }
  /** An oversubscribed node's managers took back enough that it fits again. */
  | { t: number; type: 'nodeSubscriptionRestored'; node: string };

/** What listeners (HDFS, YARN) hear when a node's state changes. */
export type NodeChange =
  | { kind: 'died'; node: string }
  | { kind: 'restarted'; node: string }
  | { kind: 'slowed'; node: string; factor: number }
  | { kind: 'diskFailed'; node: string }
  | { kind: 'partitioned'; rack: string; nodes: readonly string[] }
  | { kind: 'healed'; rack: string; nodes: readonly string[] };

/** Every ClusterEvent type (checked when compiled), for isTracing. */
export const CLUSTER_EVENT_TYPES = eventTypes<ClusterEvent['type']>()([
  'nodeDied',
  'nodeRestarted',
  'nodeSlowed',
  'diskFailed',
  'rackPartitioned',
  'rackHealed',
  'nodeOversubscribed',
  'nodeSubscriptionRestored',
]);
