/**
 * What an HDFS client does when it can reach none of a block's replicas (DFSInputStream's
 * chooseDataNode): it waits, asks the NameNode for the block's locations again and tries once
 * more, `dfs.client.max.block.acquire.failures` (3) times, and only then gives up with
 * BlockMissingException ("Could not obtain block"). Wait number k (from 0) is
 * `dfs.client.retry.window.base` (3,000 ms) × k, a grace period, plus a random share of a window
 * of 3,000 × (k + 1) ms: 0-3 s, then 3-9 s, then 6-15 s, 9-27 s in all. A rack cut off for a few
 * seconds therefore stalls a reading task instead of failing it. The random share comes from the
 * reader's key (an attempt's id) and the wait's number: the same run waits the same.
 */
import { createRng } from '../core';
import { HdfsError } from './hdfsPath';

/** Hadoop's defaults (hdfs-default.xml). */
export const DFS_CLIENT_RETRY = {
  /** dfs.client.max.block.acquire.failures: the retries before BlockMissingException. */
  maxBlockAcquireFailures: 3,
  /** dfs.client.retry.window.base, ms. */
  retryWindowBaseMs: 3000,
} as const;

/** The wait (whole ms, as Thread.sleep takes it) after `failures` failed tries, for the reader `key`. */
export function blockAcquireWaitMs(failures: number, key: string): number {
  const base = DFS_CLIENT_RETRY.retryWindowBaseMs;
  const random = createRng(`dfs-client-retry/${key}/${failures}`).next();
  return Math.floor(base * failures + base * (failures + 1) * random);
}

/** True for the error a read throws when a block has no replica the reader can reach. */
export function isBlockMissing(error: unknown): error is HdfsError {
  return error instanceof HdfsError && error.code === 'BlockMissing';
}

/** The learner's message once the client gave up: what was missing, and how long it tried. */
export function gaveUpMessage(missing: string, waitedMs: number): string {
  const tries = DFS_CLIENT_RETRY.maxBlockAcquireFailures;
  return `${missing} (BlockMissingException: the HDFS client asked again ${tries} times over ${(waitedMs / 1000).toFixed(1)} s)`;
}
