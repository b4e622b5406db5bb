/** Turns trace events into sentences for the "what happened" logs; unknown events give null. */
import type { TimedEvent } from './clusterPicture';

const MB = 1024 * 1024;
type Ev = { t: number; type: string; [k: string]: unknown };

const mb = (bytes: unknown) => `${Math.round(Number(bytes) / MB)} MB`;

export function describeEvent(event: { t: number; type: string }): TimedEvent | null {
  const e = event as Ev;
  const s = (k: string) => String(e[k]);
  switch (e.type) {
    case 'fileWritten':
      return {
        t: e.t,
        kind: 'info',
        text: `HDFS: ${s('path')} written, ${mb(e.bytes)} in ${s('blocks')} blocks × ${s('replication')} replicas`,
      };
    case 'fileAppended':
      return {
        t: e.t,
        kind: 'info',
        text: `HDFS: ${mb(e.bytes)} appended to ${s('path')} (${s('blocks')} blocks now)`,
      };
    case 'blockAllocated':
      return {
        t: e.t,
        kind: 'info',
        text: `HDFS: block ${s('index')} of ${s('path')} placed on ${(e.replicas as string[]).join(', ')}`,
      };
    case 'applicationSubmitted':
      return {
        t: e.t,
        kind: 'info',
        text: `YARN: application ${s('app')} (${s('name')}) submitted to queue ${s('queue')}`,
      };
    case 'containerAllocated':
      return {
        t: e.t,
        kind: 'info',
        text: `YARN: container ${s('container')} on ${s('node')} (${s('locality').toLowerCase().replace('_', '-')})`,
      };
    case 'nodeDied':
      return { t: e.t, kind: 'fault', text: `FAULT: node ${s('node')} died` };
    case 'nodeSlowed':
      return { t: e.t, kind: 'fault', text: `FAULT: node ${s('node')} slowed down ×${s('factor')}` };
    case 'nodeRestarted':
      return { t: e.t, kind: 'recovery', text: `node ${s('node')} restarted` };
    case 'diskFailed':
      return { t: e.t, kind: 'fault', text: `FAULT: a disk of ${s('node')} failed` };
    case 'rackPartitioned':
      return { t: e.t, kind: 'fault', text: `FAULT: rack ${s('rack')} cut off the network` };
    case 'containerLost':
      return { t: e.t, kind: 'fault', text: `YARN: container ${s('container')} lost with ${s('node')}` };
    case 'nodeManagerLost':
      return { t: e.t, kind: 'fault', text: `YARN: NodeManager on ${s('node')} lost (${s('containers')} containers)` };
    case 'dataNodeDeclaredDead':
      return {
        t: e.t,
        kind: 'fault',
        text: `HDFS: NameNode declared DataNode ${s('node')} dead; ${s('replicasLost')} replicas to restore`,
      };
    case 'blockUnderReplicated':
      return {
        t: e.t,
        kind: 'fault',
        text: `HDFS: block blk_${s('block')} under-replicated (${s('replicas')}/${s('target')})`,
      };
    case 'blockMissing':
      return {
        t: e.t,
        kind: 'fault',
        text: `HDFS: block blk_${s('block')} of ${s('path')} is MISSING: every replica is gone`,
      };
    case 'blockReplicated':
      return {
        t: e.t,
        kind: 'recovery',
        text: `HDFS: block blk_${s('block')} re-replicated ${s('from')} → ${s('to')} (${mb(e.bytes)})`,
      };
    case 'taskKilled':
    case 'taskFailed':
      return {
        t: e.t,
        kind: 'fault',
        text: `task ${s('task')} attempt ${s('attempt')} on ${s('node')} ${e.type === 'taskKilled' ? 'killed' : 'failed'}${e.reason ? `: ${s('reason')}` : ''}`,
      };
    case 'mapOutputLost':
      return { t: e.t, kind: 'fault', text: `map output lost with ${s('node')}: the map task runs again` };
    default:
      return null;
  }
}
