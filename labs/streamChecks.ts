/**
 * What the checks of stream steps share: which run a check judges (the step's own, with the
 * faults injected from the page, or an extra run the step does not show), a guard that refuses to
 * judge a run whose planned crash never happened (it proves nothing about a crash), and the
 * ledger's reasons for records missing from the store.
 */
import type { KafkaJobReport } from '../engine/api';
import { handlerNextText, type KafkaFault } from '../engine/streaming';
import { fail, streamExtra, streamReport } from './checkKit';
import { count, plural } from './plural';
import type { CheckResult, CheckVerdict, StepRun, StreamRunSettings } from './labTypes';

/** What the records are called in the reasons ("position", "reading"), and how many the dataset holds. */
export interface Records {
  one: string;
  total: number;
}

/**
 * The run a check judges: the step's own (null) or an extra run, whose label the reason names
 * (unless `named`: a check of several said it first).
 */
export type Which = { extra: string; label: string; named?: boolean } | null;

export const under = (which: Which) => (which === null || which.named ? '' : ` (under ${which.label})`);

export const isVerdict = (x: object): x is CheckVerdict => 'pass' in x;

/** The run's report and settings, or why it cannot be judged: a planned crash that never happened. */
export function judged(run: StepRun, which: Which): { r: KafkaJobReport; settings: StreamRunSettings } | CheckVerdict {
  if (run.kind !== 'stream') throw new Error('this check judges a stream step');
  const r = which === null ? streamReport(run) : streamExtra(run, which.extra);
  const extra = which === null ? null : run.step.extraRuns?.find((x) => x.id === which.extra);
  const settings = extra?.run ?? run.step.run;
  const faults: readonly KafkaFault[] =
    which === null ? [...(settings.faults ?? []), ...run.injectedFaults] : (settings.faults ?? []);
  const fired = new Set(r.trace.filter((e) => e.type === 'consumerCrashed').map((e) => e.consumer as number));
  const missed = faults.find((f) => f.kind === 'crashConsumer' && !fired.has(f.consumer));
  const cause = handlerCause(r);
  // A handler that threw is why a consumer never got to its crash: said first, in the learner's terms.
  if (missed?.kind === 'crashConsumer' && cause !== null)
    return fail(
      `not judged${under(which)}: ${cause}. So consumer ${missed.consumer} never got to its message ${missed.atMessage}, and this run shows nothing about a crash: fix the handler and run again`,
    );
  if (missed?.kind === 'crashConsumer')
    return fail(
      `not judged${under(which)}: consumer ${missed.consumer} was to crash at its message ${missed.atMessage}, and never got there (each of the ${plural(settings.consumers, 'consume call')} must open a consumer that joins the group and reads the topic), so this run shows nothing about a crash`,
    );
  return { r, settings };
}

/**
 * Why a run's consumers did not get on, when a handler threw: "consumer 1's eachMessage threw at
 * line 28: TypeError: ... (at gps partition 0, offset 0); its records were not committed: ...".
 * Null when no handler threw.
 */
export function handlerCause(r: KafkaJobReport): string | null {
  const errors = r.handlerErrors ?? [];
  const e = errors[0];
  if (e === undefined) return null;
  const who = e.consumer === null ? `a consumer's ${e.handler}` : `consumer ${e.consumer}'s ${e.handler}`;
  const at = e.line === null ? '' : ` at line ${e.line}`;
  const second = errors[1];
  const others =
    second === undefined
      ? ''
      : errors.length === 2 && second.consumer !== null
        ? ` (consumer ${second.consumer}'s threw too)`
        : ` (${plural(errors.length - 1, 'other consumer')} threw too)`;
  return `${who} threw${at}: ${e.name}: ${e.message} (at ${e.topic} partition ${e.partition}, offset ${e.offset})${others}; its records were not committed: ${handlerNextText(e)}`;
}

/**
 * A stream step's failed checks name the handler that threw when their reasons do not (a
 * count off, a lag left): the learner's bug comes first. Checks that passed are left alone, as
 * a handler a retry got past (a transaction fenced under a fault) is KafkaJS doing its job.
 */
export function withHandlerCause(run: StepRun, results: CheckResult[]): CheckResult[] {
  if (run.kind !== 'stream') return results;
  const cause = [run.report, ...Object.values(run.extra)].map(handlerCause).find((c) => c !== null) ?? null;
  if (cause === null) return results;
  return results.map((c) =>
    c.pass || c.reason.includes(' threw')
      ? c
      : { ...c, reason: `${c.reason.replace(/\.$/, '')}. The cause: ${cause}.` },
  );
}

/**
 * The input topics' records still after the group's committed offsets at the end. Several groups
 * (each reading its own copy) have no one lag: the report then has no group, and this is 0 (the
 * checks of groups say what is wrong).
 */
export function uncommitted(r: KafkaJobReport): number {
  if (r.group === null) return 0;
  return r.partitions.filter((p) => p.topic !== r.storeTopic).reduce((n, p) => n + p.lag, 0);
}

/** Why records are missing from the store, in the ledger's words. */
/**
 * Per partition (of `topic`, or of every topic but the store): its log's start and end at the
 * end of the run, and how many records below the start were never handed to a consumer (of
 * `group`, when given): deleted by retention unread. A record a consumer held from a fetch made
 * before the deletion counts as read once it is handed over.
 */
export function deletedUnread(
  r: KafkaJobReport,
  topic: string | null = null,
  group: string | null = null,
): { topic: string; partition: number; start: number; end: number; unread: number }[] {
  const groupOf = new Map<number, string>();
  for (const e of r.trace) if (e.type === 'memberJoined') groupOf.set(e.client as number, String(e.group));
  const handed = new Map<string, Set<number>>();
  for (const e of r.trace) {
    if (e.type !== 'recordProcessed') continue;
    if (group !== null && groupOf.get(e.client as number) !== group) continue;
    const k = `${String(e.topic)}\u0000${String(e.partition)}`;
    if (!handed.has(k)) handed.set(k, new Set());
    handed.get(k)!.add(e.offset as number);
  }
  return r.partitions
    .filter((p) => (topic === null ? p.topic !== r.storeTopic : p.topic === topic))
    .map((p) => {
      const seen = handed.get(`${p.topic}\u0000${p.partition}`) ?? new Set<number>();
      let unread = 0;
      for (let o = 0; o < p.logStartOffset; o++) if (!seen.has(o)) unread++;
      return { topic: p.topic, partition: p.partition, start: p.logStartOffset, end: p.logEndOffset, unread };
    });
}

/** Why records are missing from the store, from the ledger: never sent, lost before the log, deleted unread, committed past, pending. */
export function missing(r: KafkaJobReport, what: Records): string {
  const l = r.ledger;
  const parts: string[] = [];
  const cause = handlerCause(r);
  if (cause !== null) parts.push(cause);
  const copies = sentTwice(r, what);
  if (l.produced < what.total)
    parts.push(`the producer sent ${count(l.produced)} of the ${plural(what.total, what.one)}`);
  if (copies > 0) parts.push(twiceText(r, what));
  if (l.lostBeforeLog > 0) parts.push(`${count(l.lostBeforeLog)} never reached the log`);
  // Only a run that lost records in the log has any deleted unread to tell apart. A second copy
  // of a reading the store holds is not lost: the ledger counts each copy sent as a record of its
  // own, and the store's row of that reading credits only one of them.
  const inLog = Math.max(0, l.lost - l.lostBeforeLog - copies);
  const expired =
    inLog > 0
      ? Math.min(
          inLog,
          deletedUnread(r).reduce((n, p) => n + p.unread, 0),
        )
      : 0;
  if (expired > 0)
    parts.push(
      `${count(expired)} were deleted by retention before any consumer read them (retention deletes by age, read or not)`,
    );
  if (inLog - expired > 0)
    parts.push(
      `${count(inLog - expired)} were in the log and committed past without being stored (a commit before the write skips a record when the consumer dies in between)`,
    );
  if (l.pending > 0)
    parts.push(
      cause !== null
        ? `${count(l.pending)} were still in the log after the group's committed offsets when the run ended (not committed: the handler threw)`
        : `${count(l.pending)} were still in the log after the group's committed offsets when the run ended (no consumer read them: a partition without a reader, or a group that started at the end of the log)`,
    );
  return parts.join('; ');
}

/** How many more records the producer sent than the dataset holds: copies of records sent twice. */
function sentTwice(r: KafkaJobReport, what: Records): number {
  return Math.max(0, r.ledger.produced - what.total);
}

/** "the producer sent 600 records for 300 readings: some of them twice (every reading was sent twice)". */
function twiceText(r: KafkaJobReport, what: Records): string {
  const copies = sentTwice(r, what);
  const which =
    copies === what.total
      ? `every ${what.one} was sent twice`
      : copies < what.total
        ? `${plural(copies, what.one)} sent twice`
        : `some more than twice`;
  return `the producer sent ${count(r.ledger.produced)} records for ${plural(what.total, what.one)}: some of them twice (${which})`;
}

/** Every record is in the store: none lost, none still on its way, and the group's offsets committed to the end. */
export function storedVerdict(r: KafkaJobReport, what: Records, which: Which): CheckVerdict {
  const l = r.ledger;
  const copies = sentTwice(r, what);
  // Every reading stored and nothing else wrong but copies sent: say so, not "0 missing".
  if (copies > 0 && l.stored + copies >= l.produced && l.stored >= what.total && l.pending === 0)
    return fail(
      `none of the ${plural(what.total, what.one)} is missing from the store${under(which)}, but ${twiceText(r, what)}, and the store holds ${plural(r.sinkRows.length, 'row')}: send each ${what.one} once.`,
    );
  if (l.stored !== what.total || l.produced !== what.total || l.lost > 0 || l.pending > 0)
    return fail(
      `${plural(Math.max(0, what.total - l.stored), what.one)} of ${count(what.total)} missing from the store${under(which)}${l.produced !== what.total || l.stored !== what.total ? '' : ' or in it twice'}: ${missing(r, what) || 'their rows do not carry their id'}.`,
    );
  const open = uncommitted(r);
  if (open > 0)
    return fail(
      `all ${plural(what.total, what.one)} are in the store${under(which)}, but ${plural(open, 'record')} of the topic are after the group's committed offsets: a consumer that starts again reads them again. Commit what you have stored.`,
    );
  return { pass: true, reason: `all ${plural(what.total, what.one)} are in the store${under(which)}` };
}
