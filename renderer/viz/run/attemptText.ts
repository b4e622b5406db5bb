/**
 * A task attempt in words, in the page's language: its status, why it ended, and the whole attempt
 * as the timeline says it. The reasons come from the engine in English; the phrases that are
 * ClusterLab's own ("node n2 died", "job spark-job-3 finished", "failed to connect to n2") are known
 * shapes, each worded per locale, and so are ClusterLab's errors of the learner's code (reduce
 * walking its values twice, worded by labs/runErrorText.ts as the run's error box words them), while
 * Spark's and Hadoop's own names inside them (FetchFailed(BlockManagerId(n2), ...), an exception's
 * text) and a learner's own error message stay as they are. Every page that lists a reason
 * (JobHistory's Note and Diagnostics, the Spark stage page's Errors, the timeline, the DAG, the event
 * log) says it with attemptReasonText, so that one reason reads one way everywhere.
 */
import type { Bar, RunView } from './runViewTypes';
import { barPhaseLabel } from './phases';
import { formatMs, formatTime } from './format';
import { fixed } from '../../i18n/numberFormat';
import { i18n } from '../../i18n/i18n';
import { activeLanguage } from '../../i18n/activeLocale';
import { runErrorInGerman } from '../../../labs/runErrorText';

/** Words a key of the run namespace (the page's language unless a caller fixes one). */
export type RunSay = (key: string, options?: Record<string, unknown>) => string;

const say: RunSay = (key, options) => i18n.t(`run:${key}`, options);

/** An attempt's status at time t ("running", "succeeded", "failed", "killed") in the page's language. */
export function attemptStatusText(status: Bar['status']): string {
  return say(`attempt.status.${status}`);
}

/** The reason shapes the engine gives an attempt's end, each with its key under run:attempt.why (the CLI's German, labs/jobReasonGerman.ts, has the same shapes: runErrorText.test.ts compares them). */
export const REASON_SHAPES: readonly (readonly [RegExp, string])[] = [
  [/^failed to connect to (?<node>\S+)$/, 'connect'],
  [/^missing an output location$/, 'noLocation'],
  [/^job (?<job>\S+) finished$/, 'jobFinished'],
  [/^job (?<job>\S+) failed$/, 'jobFailedNamed'],
  [/^job failed$/, 'jobFailed'],
  [/^node (?<node>\S+) died$/, 'nodeDied'],
  [/^another attempt finished first$/, 'otherFirst'],
  [/^(?<id>\S+) finished first$/, 'namedFirst'],
  [/^stage aborted$/, 'stageAborted'],
  [/^container (?<container>\S+) lost with node (?<node>\S+)$/, 'containerLost'],
  [/^map outputs of (?<count>\d+) maps are not available$/, 'mapOutputsGone'],
  [/^another attempt is committing the output$/, 'committing'],
  [/^fetch from (?<node>\S+) failed$/, 'fetchFrom'],
  [/^fetch failed at shuffle start$/, 'fetchAtStart'],
  [/^fetch failure$/, 'fetchFailure'],
  [/^map failed$/, 'mapFailed'],
  [/^reduce failed$/, 'reduceFailed'],
  [/^the ApplicationMaster was lost (?<count>\d+) times? \(last on (?<node>\S+)\)$/, 'amLost'],
  // The Spark UI's reason for a stage whose task set was aborted (viz/run/sparkUi/sparkUiModel.ts).
  [/^a task failed every attempt: the job was aborted$/, 'jobAborted'],
];

/** HDFS's read of a block none of whose replicas is reachable, and the HDFS client's giving up on it. */
const BLOCK_MISSING =
  /^(?<path>\S+): block (?<block>\S+) \(#(?<index>\d+)\) has no live replica it can be read from(?: \(BlockMissingException: the HDFS client asked again (?<tries>\d+) times over (?<seconds>\d+\.\d) s\))?$/;

/** A task's failures and its last reason: Spark's "task 3 failed 4 times; last: ...", and MapReduce's "task_..._m_000001 failed 4 attempts; last: ...". */
const RETRIES: readonly (readonly [RegExp, string])[] = [
  [/^task (\S+) failed (\d+) times; last: (.*)$/s, 'taskFailedTimes'],
  [/^(\S+) failed (\d+) attempts?; last: (.*)$/s, 'taskFailedAttempts'],
];

/**
 * Why an attempt (or a job) ended, in the page's language: "FetchFailed(
 * BlockManagerId(n2), ...): failed to connect to n2" keeps Spark's FetchFailed(...) and words the
 * rest; "task 3 failed 4 times; last: ..." and "task_..._m_000001 failed 4 attempts; last: ..." word
 * both parts; ClusterLab's errors of the learner's code inside it are worded as the error box words
 * them; a reason of no known shape (the learner's own exception) is kept as it is.
 */
export function attemptReasonText(reason: string): string {
  const text = reasonText(reason, say);
  return activeLanguage() === 'de' ? runErrorInGerman(text) : text;
}

/**
 * The shapes of attemptReasonText with the words of `words` (a language fixed by the caller: the
 * error box's German for a job's own failure, i18n/runErrorText.ts).
 */
export function reasonText(reason: string, words: RunSay): string {
  const fetch = /^(FetchFailed\([^)]*(?:\)[^)]*)?\)): (.*)$/s.exec(reason);
  if (fetch) return `${fetch[1]}: ${reasonText(fetch[2]!, words)}`;
  for (const [shape, key] of RETRIES) {
    const retries = shape.exec(reason);
    if (retries)
      return words(`attempt.why.${key}`, {
        task: retries[1],
        count: Number(retries[2]),
        last: reasonText(retries[3]!, words),
      });
  }
  const missing = BLOCK_MISSING.exec(reason);
  if (missing) {
    const { seconds, ...groups } = missing.groups!;
    const key = seconds === undefined ? 'noReplica' : 'noReplicaGaveUp';
    return words(`attempt.why.${key}`, { ...groups, seconds: seconds && fixed(Number(seconds), 1) });
  }
  for (const [shape, key] of REASON_SHAPES) {
    const m = shape.exec(reason);
    if (m) return words(`attempt.why.${key}`, { ...m.groups, count: Number(m.groups?.count ?? 0) });
  }
  return reason;
}

/** One attempt in words at time t, in the page's language: the timeline's hover and selection text. */
export function describeAttempt(b: Bar, t: number, kind: RunView['kind'] = 'mapreduce'): string {
  const status = attemptStatusText(b.end > t ? 'running' : b.status);
  const phases = b.phases
    .filter((p) => p.start <= t)
    .map((p) => `${barPhaseLabel(kind, b.taskSet, p.phase)} ${formatMs(Math.min(p.end, t) - p.start)}`);
  const span = `${formatTime(b.start)} → ${b.end > t ? '…' : formatTime(b.end)} (${formatMs(Math.min(b.end, t) - b.start)})`;
  const phaseList = phases.length ? `: ${phases.join(', ')}` : '';
  const reason = b.reason && b.end <= t ? attemptReasonText(b.reason) : null;
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
