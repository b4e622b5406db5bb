/**
 * Where a Spark application's executors come from (Spark's SchedulerBackend): YARN's
 * ResourceManager (yarnExecutorBackend.ts) or a standalone Master (standaloneExecutorBackend.ts).
 * The executor pool asks a backend for its executors, hears when one runs or is lost, gives
 * them back, and asks for a replacement of a lost one.
 */
import type { ClusterNode } from '../cluster';

/** One executor's resources as its cluster manager granted them. */
export interface ExecutorLease {
  node: ClusterNode;
  cores: number;
  /** What the manager granted: a YARN container's memory (with overhead), a standalone executor's memory. */
  memoryMb: number;
  /** The YARN container it runs in (none for a standalone executor). */
  container?: number;
  /** Still held from the manager. */
  live: boolean;
}

/** What a backend tells the pool. */
export interface BackendEvents {
  launched(lease: ExecutorLease): void;
  lost(lease: ExecutorLease, reason: string): void;
}

export interface ExecutorBackend {
  /** How many executors were asked for: the pool is ready when that many registered. */
  readonly requested: number;
  /** Gives a lost executor's resources back and asks for one of the same size, if the manager has room. */
  replace(lease: ExecutorLease, reason: string): void;
  /** Gives a lost executor's resources back. */
  release(lease: ExecutorLease): void;
  /** The application ended: every executor goes. */
  finish(status: 'succeeded' | 'failed'): void;
}
