/**
 * Containers and container requests: the small per-task objects YARN keeps. They stay
 * compact on purpose (numbers and references, no closures): a run may hold 100,000 of them.
 */
import type { ClusterNode } from '../cluster';

export type ContainerState = 'allocated' | 'launching' | 'running' | 'completed' | 'released' | 'lost';
export type ContainerEndStatus = 'succeeded' | 'failed' | 'killed';
/** How close the container is to what was asked: the node, its rack, or anywhere. */
export type Locality = 'node' | 'rack' | 'any';

/** What an ApplicationMaster asks for. */
export interface ContainerAsk {
  /** Default 1. */
  vcores?: number;
  /** Default the scheduler's minimum allocation (1024). Rounded up to a multiple of it. */
  memoryMb?: number;
  /** Preferred node ids (e.g. where a block's replicas are). */
  nodes?: readonly string[];
  /** Preferred rack ids. */
  racks?: readonly string[];
  /** Accept a container elsewhere when the preferred places stay busy (default true). */
  relaxLocality?: boolean;
  /**
   * The node label the container must run under (ResourceRequest.setNodeLabelExpression): only
   * nodes with that label qualify. Absent or '': the default partition, the nodes without a label.
   */
  nodeLabelExpression?: string;
  /** Anything the AM wants back with the allocation (a task index, say). */
  tag?: unknown;
}

export type RequestState = 'pending' | 'allocated' | 'cancelled';

export class ContainerRequest {
  state: RequestState = 'pending';
  constructor(
    readonly id: number,
    readonly appIndex: number,
    readonly vcores: number,
    readonly memoryMb: number,
    /** Preferred node indexes, or null. */
    readonly nodes: readonly number[] | null,
    /** Explicitly preferred rack indexes, or null. */
    readonly racks: readonly number[] | null,
    readonly relaxLocality: boolean,
    readonly requestedAt: number,
    readonly tag: unknown,
    /** The node label it must run under; '' for the default partition. */
    readonly label: string = '',
  ) {}
}

export class Container {
  state: ContainerState = 'allocated';
  /** @internal Its place in the ResourceManager's list of its node's containers. */
  nodeSlot = -1;
  constructor(
    readonly id: number,
    /** The application's id, e.g. 'app1'. */
    readonly app: string,
    readonly node: ClusterNode,
    readonly vcores: number,
    readonly memoryMb: number,
    readonly locality: Locality,
    /** The request this container answers (its `tag` says what it was for). */
    readonly request: ContainerRequest,
  ) {}

  get nodeId(): string {
    return this.node.id;
  }

  get rackId(): string {
    return this.node.rack;
  }

  /** True while the container holds resources on its node. */
  get live(): boolean {
    return this.state === 'allocated' || this.state === 'launching' || this.state === 'running';
  }
}

/** Adds `c` to its node's list of live containers (kept in no particular order). */
export function placeOnNode(onNode: Container[], c: Container): void {
  c.nodeSlot = onNode.length;
  onNode.push(c);
}

/** Takes `c` out of its node's list: the last container takes its place. */
export function takeOffNode(onNode: Container[], c: Container): void {
  const last = onNode.pop()!;
  if (last !== c) {
    onNode[c.nodeSlot] = last;
    last.nodeSlot = c.nodeSlot;
  }
  c.nodeSlot = -1;
}

/** An application's live containers in allocation order, gathered from every node's list (an application finishes once: it keeps no list of its own). */
export function liveContainersOf(
  nodeContainers: readonly (readonly Container[])[],
  app: { id: string; liveContainers: number },
): Container[] {
  const live: Container[] = [];
  if (app.liveContainers > 0)
    for (const onNode of nodeContainers) for (const c of onNode) if (c.app === app.id) live.push(c);
  return live.sort((a, b) => a.id - b.id);
}
