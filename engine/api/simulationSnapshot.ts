/**
 * The cluster state a UI draws at any instant: racks, nodes (health, YARN usage, HDFS
 * storage), files, blocks and replicas, applications and containers. Plain JSON-able data
 * only, because it crosses a Web Worker boundary.
 */
import type { Cluster, NodeRole } from '../cluster';
import type { Hdfs, HdfsSnapshot } from '../hdfs';
import type { ResourceManager, YarnSnapshot } from '../yarn';

export interface NodeSnapshot {
  id: string;
  rack: string;
  cores: number;
  memoryMb: number;
  diskMBps: number;
  /**
   * The services it runs: 'datanode' (it stores block replicas: `blocks`, `storedBytes`) and
   * 'nodemanager' (YARN runs containers on its `cores`). A node without 'nodemanager' never has
   * used cores or containers, one without 'datanode' never holds a block.
   */
  roles: NodeRole[];
  alive: boolean;
  /** Alive and its rack not cut off. */
  reachable: boolean;
  slowFactor: number;
  slow: boolean;
  diskFailed: boolean;
  usedVcores: number;
  usedMemoryMb: number;
  containers: number;
  /** Replicas physically on this node's disk, and their bytes. */
  blocks: number;
  storedBytes: number;
  /** The NameNode's and the ResourceManager's verdicts, which lag behind the truth. */
  hdfsDeclaredDead: boolean;
  yarnLost: boolean;
}

export interface ClusterSnapshot {
  /** Simulated ms. */
  t: number;
  name: string;
  racks: { id: string; partitioned: boolean; nodes: string[] }[];
  nodes: NodeSnapshot[];
  hdfs: HdfsSnapshot;
  yarn: YarnSnapshot;
}

export function takeSnapshot(now: number, cluster: Cluster, hdfs: Hdfs, yarn: ResourceManager): ClusterSnapshot {
  const hdfsSnap = hdfs.snapshot();
  const yarnSnap = yarn.snapshot();
  const dead = new Set(hdfsSnap.deadNodes);
  return {
    t: now,
    name: cluster.name,
    racks: cluster.racks.map((r) => ({ id: r.id, partitioned: r.partitioned, nodes: r.nodes.map((n) => n.id) })),
    nodes: cluster.nodes.map((n) => {
      const y = yarnSnap.nodes[n.index]!;
      return {
        id: n.id,
        rack: n.rack,
        cores: n.cores,
        memoryMb: n.memoryMb,
        diskMBps: n.diskMBps,
        roles: n.roles,
        alive: n.alive,
        reachable: cluster.isReachable(n),
        slowFactor: n.slowFactor,
        slow: n.slowFactor > 1,
        diskFailed: n.diskFailed,
        usedVcores: y.usedVcores,
        usedMemoryMb: y.usedMemoryMb,
        containers: y.containers,
        blocks: hdfs.storedBlockCount(n.id),
        storedBytes: hdfs.storedBytes(n.id),
        hdfsDeclaredDead: dead.has(n.id),
        yarnLost: y.lost,
      };
    }),
    hdfs: hdfsSnap,
    yarn: yarnSnap,
  };
}
