/**
 * How long the cluster takes to notice a dead node in a run, from the settings the runs use:
 * YARN's NodeManager expiry (yarn.nm.liveness-monitor.expiry-interval-ms) for job steps and the
 * sandbox, HDFS's dead-DataNode interval (2 × dfs.namenode.heartbeat.recheck-interval +
 * 10 × dfs.heartbeat.interval) for hdfs steps. The UI's fault note is written from this, so it
 * names the interval that applies to the run on screen.
 */
import { resolveHdfsConfig } from '../engine/hdfs';
import { HADOOP_YARN_DEFAULTS, resolveYarnConfig } from '../engine/yarn';
import type { StepKind } from './labTypes';

/**
 * In the labs YARN declares a silent NodeManager lost after 30 s instead of Hadoop's 10 minutes
 * (yarn.nm.liveness-monitor.expiry-interval-ms), so a node killed during a job shows its
 * consequences within the same picture. The steps' texts say so.
 */
export const LAB_NODE_EXPIRY_MS = 30_000;

/** The YARN settings of job runs in the labs and the sandbox (hdfs steps use Hadoop's defaults). */
export const LAB_JOB_YARN = { nodeExpiryMs: LAB_NODE_EXPIRY_MS } as const;

export interface FaultTiming {
  /** 'hdfs': only HDFS reacts to a dead node (no job runs); 'job': YARN re-runs the node's tasks. */
  kind: 'hdfs' | 'job';
  /** After this long without a heartbeat YARN declares a NodeManager lost, ms. */
  nodeManagerExpiryMs: number;
  /** Hadoop's default NodeManager expiry, to compare with. */
  defaultNodeManagerExpiryMs: number;
  /** After this long without a heartbeat the NameNode declares a DataNode dead, ms. */
  dataNodeDeadMs: number;
  /** dfs.heartbeat.interval and dfs.namenode.heartbeat.recheck-interval, ms (the dead interval's parts). */
  dataNodeHeartbeatMs: number;
  heartbeatRecheckMs: number;
}

/** The timing of a run of a step of this kind (a sandbox job run is a 'mapreduce' or 'spark' run). */
export function faultTimingOf(kind: StepKind): FaultTiming {
  const yarn = resolveYarnConfig(kind === 'hdfs' ? undefined : LAB_JOB_YARN);
  const hdfs = resolveHdfsConfig(undefined);
  return {
    kind: kind === 'hdfs' ? 'hdfs' : 'job',
    nodeManagerExpiryMs: yarn.nodeExpiryMs,
    defaultNodeManagerExpiryMs: HADOOP_YARN_DEFAULTS.nodeExpiryMs,
    dataNodeDeadMs: hdfs.deadNodeTimeoutMs,
    dataNodeHeartbeatMs: hdfs.heartbeatIntervalMs,
    heartbeatRecheckMs: hdfs.heartbeatRecheckMs,
  };
}

/** An interval as people say it: "30 s", "10 min", "10 min 30 s", "1 h 5 min", "1.5 s". */
export function formatInterval(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  const totalS = Math.round(ms / 1000);
  const h = Math.floor(totalS / 3600);
  const min = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  return [h ? `${h} h` : '', min ? `${min} min` : '', s ? `${s} s` : ''].filter(Boolean).join(' ');
}
