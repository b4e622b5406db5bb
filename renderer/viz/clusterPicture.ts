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
  /** Block replicas stored on the node: `${fileLabel}#${blockIndex}`. */
  blocks: string[];
  /** Labels of the containers or tasks running there. */
  containers: string[];
}

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
