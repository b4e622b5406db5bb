/**
 * What the cluster map draws: a plain, JSON-able picture of the cluster at one moment,
 * made from an engine snapshot in the engine worker.
 */
export interface NodePicture {
  id: string;
  rack: string;
  alive: boolean;
  /** 1 = normal speed; above 1 the node is a straggler. */
  slowFactor: number;
  cores: number;
  usedCores: number;
  memoryMb: number;
  usedMemoryMb: number;
  /** Block replicas stored on the node (the first MAX_CHIPS): `${fileLabel}#${blockIndex}`. */
  blocks: string[];
  /** How many block replicas the node stores in all. */
  blockCount?: number;
  /** Labels of the containers or tasks running there. */
  containers: string[];
}

/** A node card shows at most this many block chips, then a count: 10,000 chips would not be legible anyway. */
export const MAX_CHIPS = 16;

export interface ClusterPicture {
  nodes: NodePicture[];
}

export interface TimedEvent {
  t: number;
  text: string;
  kind: 'info' | 'fault' | 'recovery';
}

export interface DemoFrame {
  t: number;
  picture: ClusterPicture;
}
