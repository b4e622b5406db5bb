/**
 * The retention step's checks: they read the run's trace, where the brokers record each deletion
 * by retention (the log's new start) and the consumers each record handed to them. A record below
 * the log's final start that no consumer was handed was deleted unread: lost to retention.
 */
import { fail, pass, seconds, streamReport } from '../checkKit';
import { plural } from '../plural';
import type { LabCheck } from '../labTypes';
import { deletedUnread } from '../streamChecks';
import { TOPIC } from './checks';

/**
 * No reading of the topic was deleted by retention before a consumer of `group` was handed it;
 * the topic holds every reading (not fewer, not none), and that group reads it.
 */
export function noneDeletedUnreadCheck(id: string, group: string, total: number): LabCheck {
  return {
    id,
    title: `No reading is deleted before the group ${group} reads it`,
    evaluate(run) {
      const r = streamReport(run);
      const parts = deletedUnread(r, TOPIC, group);
      if (parts.length === 0) return fail(`there is no topic ${TOPIC}`);
      const inTopic = parts.reduce((n, p) => n + p.end, 0);
      if (inTopic !== total)
        return fail(
          `${TOPIC} holds ${plural(inTopic, 'record')}: send each of the ${total} readings to ${TOPIC}, once`,
        );
      // Every consume call's consumer is one of the archive's (a crash that strikes a consumer of
      // another group shows nothing about the archive).
      const numberOf = new Map<number, number>();
      for (const e of r.trace)
        if (e.type === 'consumerNumbered') numberOf.set(e.client as number, e.consumer as number);
      const inGroup = new Set(
        r.trace
          .filter((e) => e.type === 'memberJoined' && e.group === group)
          .map((e) => numberOf.get(e.client as number) ?? 0),
      );
      const consumers = run.kind === 'stream' ? run.step.run.consumers : 0;
      const outside = Array.from({ length: consumers }, (_, i) => i + 1).filter((n) => !inGroup.has(n));
      if (outside.length > 0)
        return fail(
          `consumer ${outside.join(', ')} never joined the group ${group}: each consume call's consumer is one of the archive's (groupId '${group}')`,
        );
      const unread = parts.reduce((n, p) => n + p.unread, 0);
      if (unread === 0)
        return pass(`the group ${group} read all ${plural(total, 'reading')} before retention deleted them`);
      return fail(
        `${plural(unread, 'reading')} deleted by retention before the group ${group} read them (${parts
          .filter((p) => p.unread > 0)
          .map((p) => `${TOPIC}-${p.partition}: ${p.unread}`)
          .join(
            ', ',
          )}): retention deletes by age, read or not. A consumer that stops (consumer 1 crashed here, and its partitions waited for its session to time out before another consumer took them over) falls behind by the whole outage, and then needs time to catch up. Give the topic a retention.ms longer than that.`,
      );
    },
  };
}

/** Retention deleted every record of the topic within `boundMs` of the start: the log still forgets. */
export function forgetsWithinCheck(id: string, boundMs: number): LabCheck {
  return {
    id,
    title: `Retention deletes every reading within ${boundMs / 1000} s`,
    evaluate(run) {
      const r = streamReport(run);
      const ends = new Map(r.partitions.filter((p) => p.topic === TOPIC).map((p) => [p.partition, p.logEndOffset]));
      if (ends.size === 0) return fail(`there is no topic ${TOPIC}`);
      // When each partition's start reached its end (everything deleted).
      const emptied = new Map<number, number>();
      for (const [p, end] of ends) if (end === 0) emptied.set(p, 0);
      for (const e of r.trace)
        if (
          e.type === 'retentionDeleted' &&
          e.topic === TOPIC &&
          (e.logStartOffset as number) >= (ends.get(e.partition as number) ?? Infinity)
        )
          if (!emptied.has(e.partition as number)) emptied.set(e.partition as number, e.t);
      const kept = [...ends].filter(([p]) => !emptied.has(p));
      if (kept.length > 0) {
        const left = kept.reduce(
          (n, [p, end]) =>
            n + end - (r.partitions.find((x) => x.topic === TOPIC && x.partition === p)?.logStartOffset ?? 0),
          0,
        );
        return fail(
          `${plural(left, 'reading')} still in topic ${TOPIC} when the run ended at ${seconds(r.simulatedMs)}: the topic keeps them longer than the run (a retention.ms of -1, or none: Kafka's default is seven days). The disk of this cluster holds about a minute of readings: they must be gone within 65 s of the start (retention.ms about 60000).`,
        );
      }
      const last = Math.max(...emptied.values());
      const unread = deletedUnread(r, TOPIC).reduce((n, p) => n + p.unread, 0);
      if (last <= boundMs)
        return pass(
          `every reading was deleted by ${seconds(last)} into the run${unread === 0 ? ', after the archive had read it' : ''}`,
        );
      return fail(
        `the last readings were deleted only ${seconds(last)} into the run, later than ${boundMs / 1000} s: retention.ms is longer than the minute of readings this disk holds.`,
      );
    },
  };
}
