/**
 * One attempt in words at time t, in the page's language: the timeline's hover and selection text.
 * Its reason as the job pages say it (reasonOnPage: JobHistory's Note, the Spark stage page's
 * Errors), so that the timeline, the DAG, the event log and the job pages word one reason one way.
 */
import type { Bar, RunView } from './runViewTypes';
import { barPhaseLabel } from './phases';
import { formatMs } from './format';
import { i18n } from '../../i18n/i18n';
import { reasonOnPage } from '../../i18n/runErrorText';
import { attemptStatusText } from './attemptText';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`run:${key}`, options);

export function describeAttempt(b: Bar, t: number, kind: RunView['kind'] = 'mapreduce'): string {
  const status = attemptStatusText(b.end > t ? 'running' : b.status);
  const phases = b.phases
    .filter((p) => p.start <= t)
    .map((p) => `${barPhaseLabel(kind, b.taskSet, p.phase)} ${formatMs(Math.min(p.end, t) - p.start)}`);
  const span = `${formatMs(b.start)} → ${b.end > t ? '…' : formatMs(b.end)} (${formatMs(Math.min(b.end, t) - b.start)})`;
  const phaseList = phases.length ? `: ${phases.join(', ')}` : '';
  const reason = b.reason && b.end <= t ? reasonOnPage(b.reason) : null;
  if (b.role === 'am')
    return (
      say('attempt.am', { task: b.task, id: b.attemptId, container: b.container ?? '?', node: b.node, status, span }) +
      phaseList +
      (reason ? say('attempt.reasonAm', { reason }) : '')
    );
  const flags = [
    b.retry ? say('attempt.retry', { n: b.attempt + 1 }) : '',
    b.speculative ? say('attempt.speculative') : '',
    b.fetchFailed && b.end <= t ? say('attempt.fetchFailed') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const node = b.executor !== b.node ? `${b.node} / ${b.executor}` : b.node;
  return (
    say('attempt.task', { task: b.task, attempt: b.attempt, id: b.attemptId, node, locality: b.locality, status }) +
    (flags ? `, ${flags}` : '') +
    `; ${span}${phaseList}` +
    (reason ? say('attempt.reason', { reason }) : '')
  );
}
