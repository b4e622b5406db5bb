/**
 * The note under the playback bar after faults were injected from the UI: what was injected,
 * and when the cluster will react in this run (HDFS's dead-DataNode interval in an hdfs step,
 * YARN's NodeManager expiry in a job), from the run's actual settings.
 */
import type { FaultSpec } from '../../../engine/cluster';
import { formatInterval, type FaultTiming } from '../../../labs/faultTiming';

export function describeFault(f: FaultSpec): string {
  const at = `at ${(f.atMs / 1000).toFixed(1)} s`;
  switch (f.kind) {
    case 'killNode':
      return `killed ${f.node} ${at}`;
    case 'slowNode':
      return `slowed ${f.node} ×${f.factor} ${at}`;
    case 'restartNode':
      return `restarted ${f.node} ${at}`;
    case 'failDisk':
      return `failed a disk of ${f.node} ${at}`;
    case 'partitionRack':
      return `cut rack ${f.rack} off ${at}`;
    case 'healRack':
      return `reconnected rack ${f.rack} ${at}`;
  }
}

/** What happens next after a node is killed, in this run (`standalone`: its Spark executors came from a standalone Master). */
export function killConsequence(timing: FaultTiming, standalone = false): string {
  if (timing.kind === 'hdfs') {
    return (
      `The NameNode declares a DataNode dead after ${formatInterval(timing.dataNodeDeadMs)} without a heartbeat ` +
      `(2 × the ${formatInterval(timing.heartbeatRecheckMs)} recheck interval + 10 × the ${formatInterval(timing.dataNodeHeartbeatMs)} heartbeat interval); ` +
      `only then does it copy the node's blocks to other DataNodes.`
    );
  }
  const expiry = formatInterval(timing.nodeManagerExpiryMs);
  const standard = formatInterval(timing.defaultNodeManagerExpiryMs);
  const compared =
    timing.nodeManagerExpiryMs === timing.defaultNodeManagerExpiryMs
      ? ` (Hadoop's default)`
      : ` here (Hadoop's default is ${standard})`;
  if (standalone)
    return (
      `Spark's standalone Master declares the node's Worker lost after 60 s without a heartbeat (spark.worker.timeout), ` +
      `and the driver runs the lost executor's tasks again on the other executors; YARN declares the NodeManager lost ` +
      `after ${expiry}${compared} for its own containers.`
    );
  return (
    `YARN declares the node's NodeManager lost after ${expiry} without a heartbeat${compared}, ` +
    `then runs its lost tasks again on other nodes.`
  );
}

export function faultNote(faults: readonly FaultSpec[], timing: FaultTiming, standalone = false): string {
  const list = faults.map(describeFault).join('; ');
  const killed = faults.some((f) => f.kind === 'killNode');
  return `Injected: ${list}.${killed ? ` ${killConsequence(timing, standalone)}` : ''}`;
}
