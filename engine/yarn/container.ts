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
  /**
   * The preferred node's index when the ask names one node, or -1. An index on the request, not a
   * one-element list: reading the list was one more cache miss per ask and per allocation on a big
   * cluster, where most asks of the benchmarks' workload name one node.
   */
  readonly node: number;
  /** The preferred node indexes when not one (`node`): two or more (or an empty list, as given), or null. */
  readonly nodes: readonly number[] | null;
  constructor(
    readonly id: number,
    readonly appIndex: number,
    readonly vcores: number,
    readonly memoryMb: number,
    /** Preferred node indexes (one as a number or a one-element list), or null. */
    nodes: readonly number[] | number | null,
    /** Explicitly preferred rack indexes, or null. */
    readonly racks: readonly number[] | null,
    readonly relaxLocality: boolean,
    readonly requestedAt: number,
    readonly tag: unknown,
    /** The node label it must run under; '' for the default partition. */
    readonly label: string = '',
  ) {
    if (typeof nodes === 'number') {
      this.node = nodes;
      this.nodes = null;
    } else if (nodes !== null && nodes.length === 1) {
      this.node = nodes[0]!;
      this.nodes = null;
    } else {
      this.node = -1;
      this.nodes = nodes;
    }
  }
}

export class Container {
  state: ContainerState = 'allocated';
  /** @internal Its slot in the ResourceManager's table of live containers (LiveContainers). */
  slot = -1;
  /** Its node's index (the ResourceManager's tables are by node index: read without loading the node). */
  readonly nodeIndex: number;
  /** Its application's index (as `request.appIndex`, without loading the request). */
  readonly appIndex: number;
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
  ) {
    this.nodeIndex = node.index;
    this.appIndex = request.appIndex;
  }

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
