/**
 * What the cluster map draws: a plain, JSON-able picture of the cluster at one moment, made
 * from a run's trace (clusterTimeline.ts) or from an engine snapshot in the engine worker.
 */
import { blockName } from '../../engine/hdfs';

/** A block replica on a node's card: the block's id (named blk_<id>) and where it belongs. */
export interface BlockChip {
  id: number;
  path: string;
  /** Position of the block in its file (0-based). */
  index: number;
}

export interface NodePicture {
  id: string;
  rack: string;
  alive: boolean;
  /** 1 = normal speed; above 1 the node is a straggler. */
  slowFactor: number;
  cores: number;
  /** Cores running work: a task, or a container that is one task (MapReduce) or an ApplicationMaster. */
  usedCores: number;
  /** Cores a container holds without running a task on them (a Spark executor starting or idle). */
  heldCores?: number;
  memoryMb: number;
  usedMemoryMb: number;
  /** Block replicas stored on the node (the MAX_CHIPS with the smallest ids). */
  blocks: BlockChip[];
  /** How many block replicas the node stores in all. */
  blockCount?: number;
  /** Labels of the containers or tasks running there. */
  containers: string[];
  /** Live YARN containers on the node (or running tasks, for runs without containers). */
  containerCount?: number;
}

/** A node card keeps at most this many block chips, then a count: 10,000 chips would not be legible anyway. */
export const MAX_CHIPS = 16;

export interface ClusterPicture {
  nodes: NodePicture[];
}

/** A chip's words for a reader: "blk_1073741825: block #2 of /data/big.bin". */
export function describeChip(chip: BlockChip): string {
  return `${blockName(chip.id)}: block #${chip.index} of ${chip.path}`;
}

export interface TimedEvent {
  t: number;
  text: string;
  kind: 'info' | 'fault' | 'recovery';
}
