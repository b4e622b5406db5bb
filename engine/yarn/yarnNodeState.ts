/**
 * What the ResourceManager keeps per node, one record of STRIDE numbers per node index: the
 * vcores and memory in use, the node's own (its hardware: fixed for the run), and whether it died
 * since the RM last heard from it (its containers are gone). A heartbeat, an allocation and a
 * container's end each read one cache line for their node, where an array per figure cost a
 * cache miss each on a 10,000-node cluster.
 */
import type { ClusterNode } from '../cluster';

const USED_VCORES = 0;
const USED_MB = 1;
const CAP_VCORES = 2;
const CAP_MB = 3;
const CRASHED = 4;
/** Eight float64s: one node's record fills one 64-byte cache line. */
const STRIDE = 8;

export class YarnNodeState {
  private readonly records: Float64Array;

  constructor(nodes: readonly ClusterNode[]) {
    this.records = new Float64Array(nodes.length * STRIDE);
    for (let i = 0; i < nodes.length; i++) {
      this.records[i * STRIDE + CAP_VCORES] = nodes[i]!.cores;
      this.records[i * STRIDE + CAP_MB] = nodes[i]!.memoryMb;
    }
  }

  /** The vcores in use on node `i`. */
  usedVcores(i: number): number {
    return this.records[i * STRIDE + USED_VCORES]!;
  }

  /** The memory in use on node `i`, MB. */
  usedMemoryMb(i: number): number {
    return this.records[i * STRIDE + USED_MB]!;
  }

  /** The vcores node `i` has free. */
  freeVcores(i: number): number {
    return this.records[i * STRIDE + CAP_VCORES]! - this.records[i * STRIDE + USED_VCORES]!;
  }

  /** The memory node `i` has free, MB. */
  freeMemoryMb(i: number): number {
    return this.records[i * STRIDE + CAP_MB]! - this.records[i * STRIDE + USED_MB]!;
  }

  /** A container of `vcores` and `memoryMb` starts (positive) or ends (negative) on node `i`. */
  charge(i: number, vcores: number, memoryMb: number): void {
    this.records[i * STRIDE + USED_VCORES]! += vcores;
    this.records[i * STRIDE + USED_MB]! += memoryMb;
  }

  /** Node `i` died since the RM last heard from it. */
  crashed(i: number): boolean {
    return this.records[i * STRIDE + CRASHED] === 1;
  }

  setCrashed(i: number, crashed: boolean): void {
    this.records[i * STRIDE + CRASHED] = crashed ? 1 : 0;
  }
}
