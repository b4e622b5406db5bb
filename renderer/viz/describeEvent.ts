/** Turns trace events into sentences for the "what happened" logs; events a log does not tell give null. */
import type { RunEvent } from '../../engine/api';
import { blockName } from '../../engine/hdfs';
import { plural } from '../../labs/plural';
import type { TimedEvent } from './clusterPicture';
import { fetchFailureText } from './run/fetchFailures';

const MB = 1024 * 1024;

const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

export function describeEvent(e: RunEvent): TimedEvent | null {
  const at = (kind: TimedEvent['kind'], text: string): TimedEvent => ({ t: e.t, kind, text });
  switch (e.type) {
    case 'fileWritten':
      return at(
        'info',
        `HDFS: ${e.path} written, ${mb(e.bytes)} in ${plural(e.blocks, 'block')} × ${plural(e.replication, 'replica')}`,
      );
    case 'fileAppended':
      return at('info', `HDFS: ${mb(e.bytes)} appended to ${e.path} (${plural(e.blocks, 'block')} now)`);
    case 'blockAllocated':
      return at(
        'info',
        `HDFS: ${blockName(e.block)} (block #${e.index} of ${e.path}) placed on ${e.replicas.join(', ')}`,
      );
    case 'applicationSubmitted':
      return at('info', `YARN: application ${e.app} (${e.name}) submitted to queue ${e.queue}`);
    case 'containerAllocated':
      return at('info', `YARN: container ${e.container} on ${e.node} (${e.locality.toLowerCase().replace('_', '-')})`);
    case 'nodeDied':
      return at('fault', `FAULT: node ${e.node} died`);
    case 'nodeSlowed':
      return at('fault', `FAULT: node ${e.node} slowed down ×${e.factor}`);
    case 'nodeRestarted':
      return at('recovery', `node ${e.node} restarted`);
    case 'diskFailed':
      return at('fault', `FAULT: a disk of ${e.node} failed`);
    case 'rackPartitioned':
      return at('fault', `FAULT: rack ${e.rack} cut off the network`);
    case 'containerLost':
      return at('fault', `YARN: container ${e.container} lost with ${e.node}`);
    case 'nodeManagerLost':
      return at('fault', `YARN: NodeManager on ${e.node} lost (${plural(e.containers, 'container')})`);
    case 'dataNodeDeclaredDead':
      return at(
        'fault',
        `HDFS: NameNode declared DataNode ${e.node} dead; ${plural(e.replicasLost, 'replica')} to restore`,
      );
    case 'blockUnderReplicated':
      return at('fault', `HDFS: ${blockName(e.block)} under-replicated (${e.replicas}/${plural(e.target, 'replica')})`);
    case 'blockMissing':
      return at('fault', `HDFS: ${blockName(e.block)} of ${e.path} is MISSING: every replica is gone`);
    case 'blockReplicated':
      return at('recovery', `HDFS: ${blockName(e.block)} re-replicated ${e.from} → ${e.to} (${mb(e.bytes)})`);
    case 'taskKilled':
      return at('fault', `task ${e.task} attempt ${e.attempt} on ${e.node} killed${e.reason ? `: ${e.reason}` : ''}`);
    case 'taskFailed':
      return at('fault', `task ${e.task} attempt ${e.attempt} on ${e.node} failed${e.reason ? `: ${e.reason}` : ''}`);
    case 'mapOutputLost':
      return at('fault', `map output lost with ${e.node}: the map task runs again`);
    case 'fetchFailed':
      return at(
        'fault',
        `Spark: fetch failure in stage ${e.stage} (attempt ${e.stageAttempt}), task ${e.task} ${fetchFailureText(e)}`,
      );
    case 'stageFailed':
      return at(
        'fault',
        `Spark: stage ${e.stage} attempt ${e.attempt} failed (${e.reason.startsWith('FetchFailed(') ? 'fetch failure' : e.reason})${e.willRetry ? '' : ': too many failed attempts, the job is aborted'}`,
      );
    case 'stageResubmitted':
      return at(
        'recovery',
        `Spark: ${e.stages.length === 1 ? 'stage' : 'stages'} ${e.stages.join(', ')} resubmitted after a ${e.reason}: the map stage re-runs the lost outputs`,
      );
    default:
      return null;
  }
}
