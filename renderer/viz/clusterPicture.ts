/**
 * What the cluster map draws: a plain, JSON-able picture of the cluster at one moment, made
 * from a run's trace (clusterTimeline.ts) or from an engine snapshot in the engine worker. What it
 * says of a node or a chip is in the page's language (the map draws again when it changes).
 */
import type { NodeRole } from '../../engine/cluster';
import { blockName } from '../../engine/hdfs';
import { i18n } from '../i18n/i18n';
import { fixed } from '../i18n/numberFormat';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`viz:node.${key}`, options);

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
  /** The services it runs (absent: a DataNode and a NodeManager, as every node by default). */
  roles?: readonly NodeRole[];
  /** Its YARN node label (absent: none): only containers asked for with this label run here. */
  nodeLabel?: string;
  /** How fast its cores are against the reference core (absent: 1). */
  cpuSpeed?: number;
  /** Cores YARN can hand out: 0 on a node without a NodeManager. */
  cores: number;
  /** Cores running work: a task, or a container that is one task (MapReduce) or an ApplicationMaster. */
  usedCores: number;
  /** Cores a container holds without running a task on them (a Spark executor starting or idle). */
  heldCores?: number;
  /** Cores Spark's standalone Master handed out here (absent: none), which YARN does not know of. */
  standaloneCores?: number;
  /** With standaloneCores: the cores YARN and the standalone Master handed out together (above `cores`: oversubscribed). */
  handedOutCores?: number;
  /** With standaloneCores: the standalone executors' memory, and YARN's containers' and theirs together, MB. */
  standaloneMemoryMb?: number;
  handedOutMemoryMb?: number;
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

/** The node runs a DataNode: it can hold block replicas. */
export function runsDataNode(node: Pick<NodePicture, 'roles'>): boolean {
  return node.roles?.includes('datanode') ?? true;
}

/** The node runs a NodeManager: its cores run containers (tasks, executors). */
export function runsNodeManager(node: Pick<NodePicture, 'roles'>): boolean {
  return node.roles?.includes('nodemanager') ?? true;
}

/** What a node card says of a node that does not run both services, or null when it runs both. */
export function roleNote(node: Pick<NodePicture, 'roles'>): string | null {
  if (!runsNodeManager(node)) return say('dataNodeOnly');
  if (!runsDataNode(node)) return say('nodeManagerOnly');
  return null;
}

/** Two resource managers together handed out more cores than the node has. */
export function coresOversubscribed(d: Pick<NodePicture, 'cores' | 'handedOutCores'>): boolean {
  return d.handedOutCores !== undefined && d.handedOutCores > d.cores;
}

/** Two resource managers together handed out more memory than the node has. */
export function memoryOversubscribed(d: Pick<NodePicture, 'memoryMb' | 'handedOutMemoryMb'>): boolean {
  return d.handedOutMemoryMb !== undefined && d.handedOutMemoryMb > d.memoryMb;
}

/** Two resource managers together handed out more cores or memory than the node has. */
export function oversubscribed(d: NodePicture): boolean {
  return coresOversubscribed(d) || memoryOversubscribed(d);
}

const gb = (mb: number) => {
  const v = Math.round((mb / 1024) * 10) / 10;
  return `${fixed(v, Number.isInteger(v) ? 0 : 1)} GB`;
};

/** What YARN and a standalone Master handed out on the node, when a standalone Master did. */
function handedOutNote(d: NodePicture): string | null {
  if (d.standaloneCores === undefined || d.handedOutCores === undefined) return null;
  const yarn = d.handedOutCores - d.standaloneCores;
  const total = say('handedOut', {
    count: d.cores,
    handedOut: d.handedOutCores,
    yarn,
    standalone: d.standaloneCores,
  });
  const memory =
    d.handedOutMemoryMb !== undefined && d.standaloneMemoryMb !== undefined
      ? say('handedOutMemory', {
          handedOut: gb(d.handedOutMemoryMb),
          memory: gb(d.memoryMb),
          yarn: gb(d.handedOutMemoryMb - d.standaloneMemoryMb),
          standalone: gb(d.standaloneMemoryMb),
        })
      : '';
  return oversubscribed(d) ? say('oversubscribed', { what: `${total}${memory}` }) : `${total}${memory}`;
}

/** A node card's words for a reader (its title): health, services, cores, replicas, containers. */
export function describeNode(d: NodePicture): string {
  const cores = runsNodeManager(d)
    ? say('busy', { count: d.cores, used: d.usedCores }) + (d.heldCores ? say('held', { count: d.heldCores }) : '')
    : null;
  const parts = [
    d.alive ? say('alive') : say('dead'),
    roleNote(d),
    d.nodeLabel ? say('label', { label: d.nodeLabel }) : null,
    d.cpuSpeed !== undefined && d.cpuSpeed !== 1 ? say('speed', { speed: d.cpuSpeed }) : null,
    cores,
    handedOutNote(d),
    say('replicas', { count: d.blockCount ?? d.blocks.length }),
    say('containers', { count: d.containerCount ?? d.containers.length }),
  ];
  return say('card', { node: d.id, rack: d.rack, parts: parts.filter((p) => p !== null).join(', ') });
}

/** A chip's words for a reader: "blk_1073741825: block #2 of /data/big.bin". */
export function describeChip(chip: BlockChip): string {
  return say('chip', { block: blockName(chip.id), index: chip.index, path: chip.path });
}

export interface TimedEvent {
  t: number;
  text: string;
  kind: 'info' | 'fault' | 'recovery';
}
