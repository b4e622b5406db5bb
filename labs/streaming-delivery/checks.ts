/**
 * The checks of the streaming-delivery lab: each judges the delivery ledger of a real run (the
 * records the learner's producer sent, followed by their own id into the store), in the step's
 * run and in a run under faults the step does not show. A run whose planned crash did not happen
 * proves nothing: every check says so instead of judging it.
 */
import type { KafkaJobReport } from '../../engine/api';
import { fail, pass } from '../checkKit';
import { plural } from '../plural';
import type { LabCheck } from '../labTypes';
import {
  isVerdict,
  judged,
  missing,
  storedVerdict,
  uncommitted,
  under,
  type Records,
  type Which,
} from '../streamChecks';

export type { Records };

/** Every record is in the store: none lost, none still on its way, and the group's offsets committed to the end. */
export function everyRecordStoredCheck(id: string, title: string, what: Records, which: Which = null): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const j = judged(run, which);
      return isVerdict(j) ? j : storedVerdict(j.r, what, which);
    },
  };
}

/** No record is in the store twice. */
export function storedOnceCheck(id: string, title: string, what: Records, fix: string, which: Which = null): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const j = judged(run, which);
      if (isVerdict(j)) return j;
      const l = j.r.ledger;
      if (l.duplicated === 0)
        return pass(
          l.reprocessed > 0
            ? `${plural(l.reprocessed, what.one)} reached a handler twice${under(which)}, and the store still holds each once`
            : `no ${what.one} is in the store twice${under(which)}`,
        );
      const causes = [
        l.logDuplicated > 0 ? `${l.logDuplicated} ${l.logDuplicated === 1 ? 'is' : 'are'} in the log twice` : '',
        l.reprocessed > l.logDuplicated
          ? `${l.reprocessed - l.logDuplicated} handed to a consumer again after a crash`
          : '',
      ].filter((c) => c !== '');
      return fail(
        `${plural(l.duplicated, what.one)} in the store twice${under(which)}${causes.length > 0 ? ` (${causes.join('; ')})` : ''}: ${fix}`,
      );
    },
  };
}

/** The ids of the records a consumer had in hand when it crashed. */
function heldAtCrash(r: KafkaJobReport): Set<string> {
  const held = new Set<string>();
  for (const e of r.trace) {
    if (e.type !== 'consumerCrashed' || !Array.isArray(e.message)) continue;
    const [topic, partition, offset] = e.message as [string, number, number];
    const film = r.film.find((f) => f.topic === topic && f.partition === partition);
    const id = film?.records.find((x) => x[0] === offset)?.[2];
    if (id) held.add(id);
  }
  return held;
}

/** The ids of the input records no row of the store stands for. */
function unstored(r: KafkaJobReport, field: string): string[] {
  const stored = new Set<string>();
  for (const row of r.sinkRows) {
    try {
      const id = (JSON.parse(row.value) as Record<string, unknown>)[field];
      if (typeof id === 'string' || typeof id === 'number') stored.add(String(id));
    } catch {
      // A row that is not JSON stands for no record.
    }
  }
  const out = new Set<string>();
  for (const f of r.film)
    if (f.topic !== r.storeTopic) for (const [, , id] of f.records) if (id !== null && !stored.has(id)) out.add(id);
  return [...out];
}

/**
 * At most once: no record twice, and a record lost only if it was in a crashed consumer's hands;
 * the store takes appends only (an event table, as the step's dashboard has).
 */
export function atMostOnceCheck(id: string, title: string, what: Records, which: Which = null): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const j = judged(run, which);
      if (isVerdict(j)) return j;
      const { r, settings } = j;
      const l = r.ledger;
      const puts = r.trace.filter((e) => e.type === 'sinkWritten' && e.kind === 'put').length;
      if (puts > 0)
        return fail(
          `${plural(puts, 'row')} written with sink.put${under(which)}: the dashboard's table is a list of events and takes appends only (sink.append).`,
        );
      if (l.duplicated > 0)
        return fail(
          `${plural(l.duplicated, what.one)} counted twice${under(which)}: a consumer that crashed after writing and before committing left the offset behind, and the next owner of the partition wrote it again. Commit before you write.`,
        );
      if (l.produced !== what.total)
        return fail(`the producer sent ${l.produced} records for ${plural(what.total, what.one)}${under(which)}.`);
      const held = heldAtCrash(r);
      const gone = unstored(r, settings.recordId);
      const unexplained = gone.filter((x) => !held.has(x));
      if (unexplained.length > 0)
        return fail(
          `${plural(unexplained.length, what.one)} missing${under(which)} that no crashed consumer had in hand (${unexplained.slice(0, 3).join(', ')}${unexplained.length > 3 ? ', ...' : ''}): at most once may lose only the record a consumer was working on when it died. ${missing(r, what)}.`,
        );
      if (uncommitted(r) > 0)
        return fail(
          `${plural(uncommitted(r), 'record')} of the topic are after the group's committed offsets at the end${under(which)}: commit each event's offset.`,
        );
      return pass(
        `no ${what.one} counted twice${under(which)}; ${gone.length === 0 ? 'none lost' : `${gone.join(', ')} lost: in a crashed consumer's hands, as at most once allows`}`,
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
      const j = judged(run, which);
      if (isVerdict(j)) return j;
      const l = j.r.ledger;
      if (l.produced !== what.total)
        return fail(`the producer sent ${l.produced} records for ${plural(what.total, what.one)}${under(which)}.`);
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
      const said = [...new Set((failed.length > 0 ? failed : verdicts).map((v) => v.reason))].join('; ');
      return { pass: failed.length === 0, reason: `under ${which.label}: ${said}` };
    },
  };
}
