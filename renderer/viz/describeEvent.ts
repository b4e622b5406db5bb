/** Turns trace events into sentences for the "what happened" logs; unknown events give null. */
import { blockName } from '../../engine/hdfs';
import { plural } from '../../labs/plural';
import type { TimedEvent } from './clusterPicture';

const MB = 1024 * 1024;
type Ev = { t: number; type: string; [k: string]: unknown };

const mb = (bytes: unknown) => `${Math.round(Number(bytes) / MB)} MB`;
const blk = (id: unknown) => blockName(Number(id));

export function describeEvent(event: { t: number; type: string }): TimedEvent | null {
  const e = event as Ev;
  const s = (k: string) => String(e[k]);
  const n = (k: string) => Number(e[k]);
  switch (e.type) {
    case 'fileWritten':
      return {
        t: e.t,
        kind: 'info',
        text: `HDFS: ${s('path')} written, ${mb(e.bytes)} in ${plural(n('blocks'), 'block')} × ${plural(n('replication'), 'replica')}`,
      };
    case 'fileAppended':
      return {
        t: e.t,
        kind: 'info',
        text: `HDFS: ${mb(e.bytes)} appended to ${s('path')} (${plural(n('blocks'), 'block')} now)`,
      };
    case 'blockAllocated':
      return {
        t: e.t,
        kind: 'info',
        text: `HDFS: ${blk(e.block)} (block #${s('index')} of ${s('path')}) placed on ${(e.replicas as string[]).join(', ')}`,
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
      return {
        t: e.t,
        kind: 'fault',
        text: `YARN: NodeManager on ${s('node')} lost (${plural(n('containers'), 'container')})`,
      };
    case 'dataNodeDeclaredDead':
      return {
        t: e.t,
        kind: 'fault',
        text: `HDFS: NameNode declared DataNode ${s('node')} dead; ${plural(n('replicasLost'), 'replica')} to restore`,
      };
    case 'blockUnderReplicated':
      return {
        t: e.t,
        kind: 'fault',
        text: `HDFS: ${blk(e.block)} under-replicated (${s('replicas')}/${plural(n('target'), 'replica')})`,
      };
    case 'blockMissing':
      return {
        t: e.t,
        kind: 'fault',
        text: `HDFS: ${blk(e.block)} of ${s('path')} is MISSING: every replica is gone`,
      };
    case 'blockReplicated':
      return {
        t: e.t,
        kind: 'recovery',
        text: `HDFS: ${blk(e.block)} re-replicated ${s('from')} → ${s('to')} (${mb(e.bytes)})`,
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
