/**
 * Turns trace events into sentences for the "what happened" logs, in the page's language (i18n.t);
 * events a log does not tell give null.
 */
import { fixed } from '../i18n/numberFormat';
import type { RunEvent } from '../../engine/api';
import { blockName } from '../../engine/hdfs';
import { i18n } from '../i18n/i18n';
import type { TimedEvent } from './clusterPicture';
import { fetchFailureText } from './run/fetchFailures';
import { attemptReasonText } from './run/attemptText';

const MB = 1024 * 1024;

const mb = (bytes: number) => `${fixed(Math.round(bytes / MB), 0)} MB`;
const say = (key: string, options?: Record<string, unknown>) => i18n.t(`viz:${key}`, options);
const blocks = (n: number) => say('n.blocks', { count: n });
const replicas = (n: number) => say('n.replicas', { count: n });

export function describeEvent(e: RunEvent): TimedEvent | null {
  const at = (kind: TimedEvent['kind'], text: string): TimedEvent => ({ t: e.t, kind, text });
  switch (e.type) {
    case 'fileWritten':
      return at(
        'info',
        say('event.fileWritten', {
          path: e.path,
          size: mb(e.bytes),
          blocks: blocks(e.blocks),
          replicas: replicas(e.replication),
        }),
      );
    case 'fileAppended':
      return at('info', say('event.fileAppended', { size: mb(e.bytes), path: e.path, blocks: blocks(e.blocks) }));
    case 'blockAllocated':
      return at(
        'info',
        say('event.blockAllocated', {
          block: blockName(e.block),
          index: e.index,
          path: e.path,
          replicas: e.replicas.join(', '),
        }),
      );
    case 'applicationSubmitted':
      return at('info', say('event.applicationSubmitted', { app: e.app, name: e.name, queue: e.queue }));
    case 'containerAllocated':
      return at(
        'info',
        say('event.containerAllocated', {
          container: e.container,
          node: e.node,
          locality: e.locality.toLowerCase().replace('_', '-'),
        }),
      );
    case 'nodeDied':
      return at('fault', say('event.nodeDied', { node: e.node }));
    case 'nodeSlowed':
      return at('fault', say('event.nodeSlowed', { node: e.node, factor: e.factor }));
    case 'nodeRestarted':
      return at('recovery', say('event.nodeRestarted', { node: e.node }));
    case 'diskFailed':
      return at('fault', say('event.diskFailed', { node: e.node }));
    case 'rackPartitioned':
      return at('fault', say('event.rackPartitioned', { rack: e.rack }));
    case 'containerLost':
      return at('fault', say('event.containerLost', { container: e.container, node: e.node }));
    case 'nodeManagerLost':
      return at(
        'fault',
        say('event.nodeManagerLost', { node: e.node, containers: say('n.containers', { count: e.containers }) }),
      );
    case 'dataNodeDeclaredDead':
      return at('fault', say('event.dataNodeDeclaredDead', { node: e.node, replicas: replicas(e.replicasLost) }));
    case 'blockUnderReplicated':
      return at(
        'fault',
        say('event.blockUnderReplicated', { block: blockName(e.block), have: e.replicas, target: replicas(e.target) }),
      );
    case 'blockMissing':
      return at('fault', say('event.blockMissing', { block: blockName(e.block), path: e.path }));
    case 'blockReplicated':
      return at(
        'recovery',
        say('event.blockReplicated', { block: blockName(e.block), from: e.from, to: e.to, size: mb(e.bytes) }),
      );
    case 'taskKilled':
      return at(
        'fault',
        say(e.reason ? 'event.taskKilledWhy' : 'event.taskKilled', {
          task: e.task,
          attempt: e.attempt,
          node: e.node,
          reason: e.reason ? attemptReasonText(e.reason) : e.reason,
        }),
      );
    case 'taskFailed':
      return at(
        'fault',
        say(e.reason ? 'event.taskFailedWhy' : 'event.taskFailed', {
          task: e.task,
          attempt: e.attempt,
          node: e.node,
          reason: e.reason ? attemptReasonText(e.reason) : e.reason,
        }),
      );
    case 'mapOutputLost':
      return at('fault', say('event.mapOutputLost', { node: e.node }));
    case 'fetchFailed':
      return at(
        'fault',
        say('event.fetchFailed', {
          stage: e.stage,
          attempt: e.stageAttempt,
          task: e.task,
          what: fetchFailureText(e),
        }),
      );
    case 'stageFailed':
      return at(
        'fault',
        say(e.willRetry ? 'event.stageFailed' : 'event.stageAborted', {
          stage: e.stage,
          attempt: e.attempt,
          reason: e.reason.startsWith('FetchFailed(') ? say('event.fetchFailure') : attemptReasonText(e.reason),
        }),
      );
    case 'stageResubmitted':
      return at(
        'recovery',
        say(e.stages.length === 1 ? 'event.stageResubmitted' : 'event.stagesResubmitted', {
          stages: e.stages.join(', '),
          reason: attemptReasonText(e.reason),
        }),
      );
    default:
      return null;
  }
}
