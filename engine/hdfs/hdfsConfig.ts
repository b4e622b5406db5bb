/**
 * HDFS settings with Hadoop's defaults (hdfs-default.xml) and their validator. The dead-node
 * timeout follows Hadoop's formula: 2 * heartbeat recheck interval + 10 * heartbeat interval,
 * i.e. 2 * 5 min + 10 * 3 s = 10 min 30 s unless set explicitly.
 */
import { ValidationError, check } from '../core';

export interface HdfsConfig {
  /** dfs.blocksize, bytes. */
  blockSize: number;
  /** dfs.replication. */
  replication: number;
  /** dfs.heartbeat.interval, ms. */
  heartbeatIntervalMs: number;
  /** dfs.namenode.heartbeat.recheck-interval, ms. */
  heartbeatRecheckMs: number;
  /** After this long without a heartbeat a DataNode is declared dead, ms. */
  deadNodeTimeoutMs: number;
  /** dfs.namenode.replication.max-streams: concurrent re-replications a source node serves. */
  maxReplicationStreams: number;
  /** dfs.namenode.replication.interval: how often the replication monitor hands out work, ms. */
  replicationIntervalMs: number;
  /** dfs.namenode.replication.work.multiplier.per.iteration: blocks per live node per round. */
  replicationWorkMultiplier: number;
}

export const HADOOP_HDFS_DEFAULTS: Readonly<HdfsConfig> = {
  blockSize: 128 * 1024 * 1024,
  replication: 3,
  heartbeatIntervalMs: 3000,
  heartbeatRecheckMs: 300_000,
  deadNodeTimeoutMs: 2 * 300_000 + 10 * 3000,
  maxReplicationStreams: 2,
  replicationIntervalMs: 3000,
  replicationWorkMultiplier: 2,
};

/** Validates user settings over Hadoop's defaults; errors name `hdfs.<field>`. */
export function resolveHdfsConfig(raw: unknown, path = 'hdfs'): HdfsConfig {
  if (raw === undefined) return { ...HADOOP_HDFS_DEFAULTS };
  const obj = check.object(path, raw);
  check.knownKeys(path, obj, Object.keys(HADOOP_HDFS_DEFAULTS));
  const out: HdfsConfig = { ...HADOOP_HDFS_DEFAULTS };
  for (const key of Object.keys(obj) as (keyof HdfsConfig)[]) {
    out[key] = check.positiveInt(`${path}.${key}`, obj[key]);
  }
  if (obj.deadNodeTimeoutMs === undefined) {
    out.deadNodeTimeoutMs = 2 * out.heartbeatRecheckMs + 10 * out.heartbeatIntervalMs;
  }
  if (out.deadNodeTimeoutMs <= out.heartbeatIntervalMs) {
    throw new ValidationError(
      `${path}.deadNodeTimeoutMs`,
      `must be longer than heartbeatIntervalMs (${out.heartbeatIntervalMs}), got ${out.deadNodeTimeoutMs}`,
    );
  }
  return out;
}
