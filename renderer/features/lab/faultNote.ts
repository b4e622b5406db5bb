/**
 * The note under the playback bar after faults were injected from the UI: what was injected,
 * and when the cluster will react in this run (HDFS's dead-DataNode interval in an hdfs step,
 * YARN's NodeManager expiry in a job), from the run's actual settings.
 */
import { i18n } from '../../i18n/i18n';
import { seconds } from '../../viz/views/durationWords';
import type { FaultSpec } from '../../../engine/cluster';
import { formatInterval, type FaultTiming } from '../../../labs/faultTiming';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`lab:fault.${key}`, options);

/** A fault in words, in the page's language; its time as the labs' checks say it ("one DataNode killed at 60.00 s"). */
export function describeFault(f: FaultSpec): string {
  const at = say('at', { time: seconds(f.atMs) });
  switch (f.kind) {
    case 'killNode':
    case 'restartNode':
    case 'failDisk':
      return say(f.kind, { node: f.node, at });
    case 'slowNode':
      return say('slowNode', { node: f.node, factor: f.factor, at });
    case 'partitionRack':
    case 'healRack':
      return say(f.kind, { rack: f.rack, at });
  }
}

/** What happens next after a node is killed, in this run (`standalone`: its Spark executors came from a standalone Master). */
export function killConsequence(timing: FaultTiming, standalone = false): string {
  if (timing.kind === 'hdfs') {
    return say('hdfs', {
      dead: formatInterval(timing.dataNodeDeadMs),
      recheck: formatInterval(timing.heartbeatRecheckMs),
      heartbeat: formatInterval(timing.dataNodeHeartbeatMs),
    });
  }
  const expiry = formatInterval(timing.nodeManagerExpiryMs);
  const standard = formatInterval(timing.defaultNodeManagerExpiryMs);
  const compared =
    timing.nodeManagerExpiryMs === timing.defaultNodeManagerExpiryMs ? say('default') : say('notDefault', { standard });
  return say(standalone ? 'standalone' : 'yarn', { expiry, compared });
}

export function faultNote(faults: readonly FaultSpec[], timing: FaultTiming, standalone = false): string {
  const list = faults.map(describeFault).join('; ');
  const killed = faults.some((f) => f.kind === 'killNode');
  return say('injected', { list }) + (killed ? ` ${killConsequence(timing, standalone)}` : '');
}
