/**
 * Validates an ApplicationMaster's container ask and normalises it the way YARN does: sizes
 * rounded up to the minimum allocation, refused when no node could ever hold them, preferred
 * nodes and racks checked and turned into indexes. Errors name the field (`ask.nodes[1]`).
 */
import { ValidationError, check, describeValue } from '../core';
import { isNodeManager, type Cluster } from '../cluster';
import type { ContainerAsk } from './container';
import { allocatedMb, type YarnConfig } from './yarnConfig';

export interface ResolvedAsk {
  vcores: number;
  memoryMb: number;
  /** One preferred node as its index (the common ask), two or more as a list, or null. */
  nodes: readonly number[] | number | null;
  racks: number[] | null;
  relax: boolean;
  /** The node label asked for; '' for the default partition. */
  label: string;
}

/** The largest NodeManager's vcores and memory (-Infinity without any). */
export function largestNodeManager(cluster: Cluster): { vcores: number; memoryMb: number } {
  // Loops, not Math.max(...nodes): a spread of a huge array overflows the call stack.
  let vcores = 0;
  let memoryMb = 0;
  for (const x of cluster.nodeManagers) {
    vcores = Math.max(vcores, x.cores);
    memoryMb = Math.max(memoryMb, x.memoryMb);
  }
  const none = cluster.nodeManagers.length === 0;
  return { vcores: none ? -Infinity : vcores, memoryMb: none ? -Infinity : memoryMb };
}

/** What a node is to an ask's partition, read once per node (`NodePartitions`). */
const enum Partition {
  Unknown = 0,
  /** Not a NodeManager: it holds data for any partition. */
  Any = 1,
  /** A NodeManager of the default partition (no label). */
  Default = 2,
  /** A NodeManager with a label (read from the node). */
  Labelled = 3,
}

/**
 * Each node's partition as an ask that names it sees it, read once into a byte per node: on 10,000
 * nodes, reading the node's roles and label at every ask was a cache miss or two per ask. Only a
 * node with a label (a partition of its own) is read again, for its label.
 */
export class NodePartitions {
  private readonly partitions: Int8Array;

  constructor(private readonly cluster: Cluster) {
    this.partitions = new Int8Array(cluster.nodes.length);
  }

  /** Whether an ask of partition `label` may name node `i` (see inPartition). */
  inPartition(i: number, label: string): boolean {
    let partition = this.partitions[i]! as Partition;
    if (partition === Partition.Unknown) {
      const node = this.cluster.nodes[i]!;
      partition = !isNodeManager(node) ? Partition.Any : node.nodeLabel === '' ? Partition.Default : Partition.Labelled;
      this.partitions[i] = partition;
    }
    if (partition === Partition.Any) return true;
    if (partition === Partition.Default) return label === '';
    return this.cluster.nodes[i]!.nodeLabel === label;
  }
}

export function resolveAsk(
  ask: ContainerAsk,
  cluster: Cluster,
  config: YarnConfig,
  maxVcores: number,
  maxMemoryMb: number,
  partitions: NodePartitions,
): ResolvedAsk {
  const a = check.object('ask', ask);
  const min = config.minAllocationMb;
  const vcores = Math.max(
    config.minAllocationVcores,
    a.vcores === undefined ? 1 : check.positiveInt('ask.vcores', a.vcores),
  );
  const rawMb = a.memoryMb === undefined ? min : check.positiveInt('ask.memoryMb', a.memoryMb);
  const memoryMb = allocatedMb(rawMb, config);
  if (vcores > maxVcores)
    throw new ValidationError('ask.vcores', `no node has ${vcores} vcores (largest: ${maxVcores})`);
  if (memoryMb > maxMemoryMb)
    throw new ValidationError('ask.memoryMb', `no node has ${memoryMb} MB (largest: ${maxMemoryMb})`);
  const nodes =
    ask.nodes === undefined || ask.nodes.length === 0
      ? null
      : nodeIndexes(cluster, check.array('ask.nodes', ask.nodes));
  const racks =
    ask.racks === undefined || ask.racks.length === 0
      ? null
      : rackIndexes(cluster, check.array('ask.racks', ask.racks));
  const relax = ask.relaxLocality === undefined ? true : check.boolean('ask.relaxLocality', ask.relaxLocality);
  const label = ask.nodeLabelExpression === undefined ? '' : labelOf(ask.nodeLabelExpression, cluster);
  return {
    vcores,
    memoryMb,
    nodes: nodes === null ? null : inPartition(nodes, label, partitions),
    racks,
    relax,
    label,
  };
}

/** The indexes of the nodes named; one node (a block's replica, the common ask) as its index. */
function nodeIndexes(cluster: Cluster, ids: readonly unknown[]): readonly number[] | number {
  if (ids.length === 1 && 0 in ids) return nodeIndex(cluster, String(ids[0]), 0);
  // forEach skips a sparse list's holes: a hole names no node.
  const out: number[] = [];
  ids.forEach((id, i) => out.push(nodeIndex(cluster, String(id), i)));
  return out;
}

/** The indexes of the racks named, or null for none (a sparse list's holes name no rack, as for nodes). */
function rackIndexes(cluster: Cluster, ids: readonly unknown[]): number[] | null {
  const out: number[] = [];
  ids.forEach((id, i) => out.push(cluster.rack(String(id), `ask.racks[${i}]`).index));
  return out.length === 0 ? null : out;
}

/** The index of node `id`; the error (built only then) names `ask.nodes[i]`. */
function nodeIndex(cluster: Cluster, id: string, i: number): number {
  const index = cluster.nodeIndexOf(id);
  return index >= 0 ? index : cluster.node(id, `ask.nodes[${i}]`).index;
}

/**
 * The preferred nodes in the ask's partition, or null. A preferred node of another partition can
 * never be matched (YARN simply never satisfies it there): it is dropped, as a block's replica on
 * a labelled node is for a MapReduce task asked without a label.
 */
function inPartition(
  nodes: readonly number[] | number,
  label: string,
  partitions: NodePartitions,
): readonly number[] | number | null {
  if (typeof nodes === 'number') return partitions.inPartition(nodes, label) ? nodes : null;
  // Most asks name nodes of their own partition (a block's replicas): then the list is kept as it
  // is (nodeIndexes made it for this ask), without a filter's closure and copy per ask.
  let all = true;
  for (let k = 0; k < nodes.length && all; k++) all = partitions.inPartition(nodes[k]!, label);
  if (all && nodes.length > 1) return nodes;
  const kept = nodes.filter((i) => partitions.inPartition(i, label));
  return kept.length === 0 ? null : kept.length === 1 ? kept[0]! : kept;
}

/** A node label expression: one label some NodeManager carries, or '' (YARN refuses a label no node has). */
function labelOf(raw: unknown, cluster: Cluster): string {
  if (typeof raw !== 'string')
    throw new ValidationError('ask.nodeLabelExpression', `must be a string, got ${describeValue(raw)}`);
  const label = raw.trim();
  if (label === '' || cluster.nodeManagers.some((n) => n.nodeLabel === label)) return label;
  const known = [...new Set(cluster.nodeManagers.map((n) => n.nodeLabel).filter((l) => l !== ''))].sort();
  throw new ValidationError(
    'ask.nodeLabelExpression',
    `no NodeManager has the label ${describeValue(label)} (${known.length === 0 ? 'no node has a label' : `labels: ${known.join(', ')}`})`,
  );
}
