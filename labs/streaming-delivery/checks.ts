/**
 * The checks of the streaming-delivery lab: each judges the delivery ledger of a real run (the
 * records the learner's producer sent, followed by their own id into the store), in the step's
 * run and in a run under faults the step does not show.
 */
import type { KafkaJobReport } from '../../engine/api';
import type { KafkaFault } from '../../engine/streaming';
import { fail, pass, streamExtra, streamReport } from '../checkKit';
import { plural } from '../plural';
import type { LabCheck, StepRun } from '../labTypes';

/** What the records are called in the reasons: "position", "misfire", "payment". */
export interface Records {
  one: string;
  /** How many the dataset holds (the producer is given them all). */
  total: number;
}

/**
 * The run a check judges: the step's own (with any fault injected from the UI) or an extra run,
 * whose label the reason names (unless `named`: a check of several said it first).
 */
type Which = { extra: string; label: string; named?: boolean } | null;

function reportOf(run: StepRun, which: Which): KafkaJobReport {
  return which === null ? streamReport(run) : streamExtra(run, which.extra);
}

const under = (which: Which) => (which === null || which.named ? '' : ` (under ${which.label})`);

/** Crashes in the run a check judges: the step's, the injected ones, or the extra run's. */
function crashesIn(run: StepRun, which: Which): number {
  if (run.kind !== 'stream') return 0;
  const faults: readonly KafkaFault[] =
    which === null
      ? [...(run.step.run.faults ?? []), ...run.injectedFaults]
      : (run.step.extraRuns?.find((x) => x.id === which.extra)?.run.faults ?? []);
  return faults.filter((f) => f.kind === 'crashConsumer').length;
}

/** Why records are missing from the store, in the ledger's words. */
function missing(r: KafkaJobReport, what: Records): string {
  const l = r.ledger;
  const parts: string[] = [];
  if (l.produced < what.total) parts.push(`the producer sent ${l.produced} of the ${plural(what.total, what.one)}`);
  if (l.lostBeforeLog > 0) parts.push(`${l.lostBeforeLog} never reached the log`);
  if (l.lost - l.lostBeforeLog > 0)
    parts.push(`${l.lost - l.lostBeforeLog} were in the log and committed past without being stored`);
  if (l.pending > 0) parts.push(`${l.pending} were still waiting for a consumer when the run ended`);
  return parts.join('; ');
}

/** Every record is in the store: none lost, none still on its way. */
export function everyRecordStoredCheck(id: string, title: string, what: Records, which: Which = null): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const r = reportOf(run, which);
      const l = r.ledger;
      if (l.stored === what.total && l.produced === what.total && l.lost === 0 && l.pending === 0)
        return pass(`all ${plural(what.total, what.one)} are in the store${under(which)}`);
      return fail(
        `${plural(what.total - l.stored, what.one)} of ${what.total} missing from the store${under(which)}: ${missing(r, what) || 'their rows do not carry their id'}. Look at where your consumer commits: a commit before the write skips the record if the consumer dies in between.`,
      );
    },
  };
}

/** No record is in the store twice. */
export function storedOnceCheck(id: string, title: string, what: Records, fix: string, which: Which = null): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const l = reportOf(run, which).ledger;
      if (l.duplicated === 0)
        return pass(
          l.reprocessed > 0
            ? `${plural(l.reprocessed, what.one)} reached a handler twice${under(which)}, and the store still holds each once`
            : `no ${what.one} is in the store twice${under(which)}`,
        );
      return fail(
        `${plural(l.duplicated, what.one)} in the store twice${under(which)} (${l.reprocessed} handed to a consumer more than once, ${l.logDuplicated} in the log twice): ${fix}`,
      );
    },
  };
}

/** At most once: no record twice, and no more lost than one per crash (the one in the crashed consumer's hands). */
export function atMostOnceCheck(id: string, title: string, what: Records, which: Which = null): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const r = reportOf(run, which);
      const l = r.ledger;
      const crashes = crashesIn(run, which);
      const gone = what.total - l.stored;
      if (l.duplicated > 0)
        return fail(
          `${plural(l.duplicated, what.one)} counted twice${under(which)}: a consumer that crashed after writing and before committing left the offset behind, and the next owner of the partition wrote it again. Commit before you write.`,
        );
      if (gone > crashes)
        return fail(
          `${plural(gone, what.one)} missing${under(which)} with ${plural(crashes, 'crash', 'crashes')}: at most once loses at most the record a crashed consumer had in hand. ${missing(r, what)}.`,
        );
      return pass(
        `no ${what.one} counted twice${under(which)}; ${gone === 0 ? 'none lost' : `${plural(gone, what.one)} lost to ${plural(crashes, 'crash', 'crashes')}, as at most once allows`}`,
      );
    },
  };
}

/** Each record is appended to the log once, though its producer sent a batch again. */
export function loggedOnceCheck(id: string, title: string, what: Records, which: Which = null): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const l = reportOf(run, which).ledger;
      if (l.logDuplicated === 0) return pass(`every ${what.one} is in the log once${under(which)}`);
      return fail(
        `${plural(l.logDuplicated, what.one)} in the log twice${under(which)}: the producer's network dropped an answer, so it sent the batch again and the broker appended it again. An idempotent producer numbers its batches, and the broker keeps one.`,
      );
    },
  };
}

/** Several checks over one extra run, as one check: its verdicts joined, the run named once. */
export function unseenFaultsCheck(
  id: string,
  title: string,
  which: { extra: string; label: string },
  checks: (which: Which) => LabCheck[],
): LabCheck {
  const parts = checks({ ...which, named: true });
  return {
    id,
    title,
    evaluate(run) {
      const verdicts = parts.map((c) => c.evaluate(run));
      const failed = verdicts.filter((v) => !v.pass);
      const said = (failed.length > 0 ? failed : verdicts).map((v) => v.reason).join('; ');
      return { pass: failed.length === 0, reason: `under ${which.label}: ${said}` };
    },
  };
}
