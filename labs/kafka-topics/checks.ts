/**
 * The checks of the kafka-topics lab: each judges what the run really did, from its report and
 * trace: every reading stored, a machine's readings stored in order, how the partitions were
 * shared among the consumers of the group (the coordinator's assignments), and when the group's
 * lag was drained.
 */
import type { KafkaJobReport } from '../../engine/api';
import { fail, pass, seconds, streamReport } from '../checkKit';
import { count, plural } from '../plural';
import type { LabCheck } from '../labTypes';
import { isVerdict, judged, storedVerdict, under, type Which } from '../streamChecks';

export const TOPIC = 'readings';

/** Every reading is in the store: none lost, none still waiting, the group's offsets committed to the end. */
export function everyReadingStoredCheck(id: string, total: number, which: Which = null): LabCheck {
  return {
    id,
    title: `Every one of the ${total} readings is stored`,
    evaluate(run) {
      const j = judged(run, which);
      return isVerdict(j) ? j : storedVerdict(j.r, { one: 'reading', total }, which);
    },
  };
}

/** The store's rows, in the order they were written, as { machine, seq } (rows that are not readings are skipped). */
function storedReadings(r: KafkaJobReport): { machine: string; seq: number }[] {
  const out: { machine: string; seq: number }[] = [];
  for (const row of r.sinkRows) {
    try {
      const v = JSON.parse(row.value) as { machine?: unknown; seq?: unknown };
      if (typeof v.machine === 'string' && typeof v.seq === 'number') out.push({ machine: v.machine, seq: v.seq });
    } catch {
      // Not a reading: the order check has nothing to say about it.
    }
  }
  return out;
}

/** Each machine's readings were stored in the order the machine took them. */
export function perKeyOrderCheck(id: string, total: number): LabCheck {
  return {
    id,
    title: "Each machine's readings are stored in the order it took them",
    evaluate(run) {
      const r = streamReport(run);
      const rows = storedReadings(r);
      if (rows.length !== total || r.sinkRows.length !== total)
        return fail(
          `the store holds ${plural(r.sinkRows.length, 'row')}, ${count(rows.length)} of them readings (a machine and its seq): append each of the ${count(total)} readings, its JSON as sent, to the machine history`,
        );
      const latest = new Map<string, number>();
      const late: string[] = [];
      for (const r of rows) {
        const before = latest.get(r.machine) ?? 0;
        if (r.seq < before) late.push(`${r.machine} #${r.seq} after #${before}`);
        latest.set(r.machine, Math.max(before, r.seq));
      }
      if (late.length === 0) return pass(`${rows.length} readings of ${latest.size} machines, each machine's in order`);
      return fail(
        `${plural(late.length, 'reading')} stored after a later one of the same machine (${late.slice(0, 3).join(', ')}${late.length > 3 ? ', ...' : ''}): a machine's readings went to different partitions, which the consumers read side by side. Kafka keeps order within a partition only.`,
      );
    },
  };
}

/** The records are spread over every partition of the topic (keys, not one hot partition). */
export function spreadCheck(id: string): LabCheck {
  return {
    id,
    title: `The readings use every partition of ${TOPIC}`,
    evaluate(run) {
      const parts = streamReport(run).partitions.filter((p) => p.topic === TOPIC);
      const empty = parts.filter((p) => p.logEndOffset === 0);
      const sizes = parts.map((p) => `${TOPIC}-${p.partition}: ${p.logEndOffset}`).join(', ');
      if (parts.length > 0 && empty.length === 0) return pass(sizes);
      return fail(
        `${parts.length === 0 ? `no topic ${TOPIC}` : sizes}: a partition with no records gives its consumer nothing to do. Let the key choose the partition.`,
      );
    },
  };
}

/** The latest assignment of each group that reads the topic: member → its partitions of it. */
function finalAssignments(r: KafkaJobReport): Map<string, Map<string, number[]>> {
  const groups = new Map<string, Map<string, number[]>>();
  for (const e of r.trace) {
    if (e.type !== 'groupRebalanced') continue;
    const members = new Map<string, number[]>();
    for (const [member, byTopic] of Object.entries(e.assignment as Record<string, Record<string, number[]>>))
      members.set(member, byTopic[TOPIC] ?? []);
    groups.set(String(e.group), members);
  }
  return new Map([...groups].filter(([, m]) => [...m.values()].some((ps) => ps.length > 0)));
}

/** The group members (by member id) whose consumer crashed during the run. */
function crashedMembers(r: KafkaJobReport): Set<string> {
  const clients = new Set(r.trace.filter((e) => e.type === 'consumerCrashed').map((e) => e.client as number));
  return new Set(
    r.trace.filter((e) => e.type === 'memberJoined' && clients.has(e.client as number)).map((e) => String(e.member)),
  );
}

/**
 * Each partition of the topic is read by exactly one live consumer, of one group; with
 * `everyMember`, no member of the group is left without a partition.
 */
export function onePerPartitionCheck(id: string, title: string, everyMember: boolean, which: Which = null): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const j = judged(run, which);
      if (isVerdict(j)) return j;
      const { r, settings } = j;
      const groups = finalAssignments(r);
      const partitions = r.partitions.filter((p) => p.topic === TOPIC).length;
      if (groups.size === 0) return fail(`no consumer group was assigned a partition of ${TOPIC}${under(which)}`);
      if (groups.size > 1)
        return fail(
          `${groups.size} groups read ${TOPIC}${under(which)} (${[...groups.keys()].join(', ')}): every group gets every partition, so each partition is read ${groups.size} times. The consumers that share the work must share a groupId.`,
        );
      const [groupId, members] = [...groups][0]!;
      const owners = new Map<number, number>();
      for (const ps of members.values()) for (const p of ps) owners.set(p, (owners.get(p) ?? 0) + 1);
      const dead = [...members].filter(([m, ps]) => ps.length > 0 && crashedMembers(r).has(m));
      if (dead.length > 0)
        return fail(
          `at the end ${TOPIC}-${dead[0]![1].join(`, ${TOPIC}-`)} still belonged to a consumer that had crashed${under(which)}: the coordinator had not declared it dead yet, so nobody read them.`,
        );
      const unowned = Array.from({ length: partitions }, (_, p) => p).filter((p) => !owners.has(p));
      if (unowned.length > 0)
        return fail(
          `partition ${unowned.map((p) => `${TOPIC}-${p}`).join(', ')} has no owner in group ${groupId}${under(which)}`,
        );
      const crashes = r.trace.filter((e) => e.type === 'consumerCrashed').length;
      const expected = settings.consumers - crashes;
      if (everyMember && members.size < expected)
        return fail(
          `the group ${groupId} had ${plural(members.size, 'member')} at the end, and ${plural(expected, 'consumer')} should share the work${under(which)}: every consume call's consumer must join the group and stay in it.`,
        );
      const idle = [...members.values()].filter((ps) => ps.length === 0).length;
      if (everyMember && idle > 0)
        return fail(
          `${idle} of the group's ${plural(members.size, 'consumer')} had no partition to read${under(which)}: ${TOPIC} has ${plural(partitions, 'partition')}, and a partition is read by one consumer of a group at a time. A group can use at most as many consumers as the topic has partitions.`,
        );
      return pass(
        `group ${groupId}: ${plural(partitions, 'partition')} over ${plural(members.size, 'consumer')}, each partition read by one of them${under(which)}`,
      );
    },
  };
}

/** No reading was handed to a consumer twice. */
export function processedOnceCheck(id: string): LabCheck {
  return {
    id,
    title: 'Each reading is processed once',
    evaluate(run) {
      const l = streamReport(run).ledger;
      if (l.processed === 0) return fail('no reading was handed to a consumer');
      if (l.reprocessed === 0) return pass(`${count(l.processed)} readings, each handed to one consumer once`);
      return fail(
        `${plural(l.reprocessed, 'reading')} handed to consumers more than once: each consumer read the whole topic for itself.`,
      );
    },
  };
}

/**
 * When the group's committed offsets reached the end of every partition and stayed there (null:
 * not at the end of the run): a commit that goes back re-opens the partition.
 */
export function drainedAt(r: KafkaJobReport): number | null {
  const ends = new Map(r.partitions.filter((p) => p.topic === TOPIC).map((p) => [p.partition, p.logEndOffset]));
  if (ends.size === 0) return null;
  const group = r.group?.groupId ?? null;
  const reached = new Map<number, number | null>();
  for (const [p, end] of ends) reached.set(p, end === 0 ? 0 : null);
  for (const e of r.trace) {
    if (e.type !== 'offsetsCommitted' || (group !== null && e.group !== group)) continue;
    for (const [topic, p, offset] of e.offsets as [string, number, number][]) {
      if (topic !== TOPIC || !ends.has(p)) continue;
      const end = ends.get(p)!;
      if (offset < end) reached.set(p, end === 0 ? 0 : null);
      else if (reached.get(p) === null) reached.set(p, e.t);
    }
  }
  const times = [...reached.values()];
  return times.every((t) => t !== null) ? Math.max(...(times as number[])) : null;
}

/** The group's lag is drained (every reading committed) within `boundMs` of the start. */
export function lagDrainedCheck(
  id: string,
  boundMs: number,
  why: string,
  which: Which = null,
  title = `The group's lag is drained within ${boundMs / 1000} s`,
): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const j = judged(run, which);
      if (isVerdict(j)) return j;
      const { r } = j;
      if (r.ledger.processed === 0) return fail(`no reading was handed to a consumer${under(which)}`);
      const at = drainedAt(r);
      const lag = r.partitions.filter((p) => p.topic === TOPIC).reduce((n, p) => n + p.lag, 0);
      if (at === null)
        return fail(
          `the lag was not drained at the end${under(which)}: ${plural(lag, 'reading')} after the group's committed offsets.`,
        );
      if (at <= boundMs) return pass(`every reading committed ${seconds(at)} into the run${under(which)}`);
      return fail(
        `every reading was committed only ${seconds(at)} into the run${under(which)}, later than ${boundMs / 1000} s. ${why}`,
      );
    },
  };
}

/** Every partition of the topic has `n` replicas (copies on `n` brokers). */
export function replicasCheck(id: string, n: number): LabCheck {
  return {
    id,
    title: `Each partition of ${TOPIC} is kept on ${plural(n, 'broker')}`,
    evaluate(run) {
      const films = streamReport(run).film.filter((f) => f.topic === TOPIC);
      if (films.length === 0) return fail(`there is no topic ${TOPIC}`);
      const short = films.filter((f) => f.replicas.length !== n);
      if (short.length === 0)
        return pass(
          `${plural(films.length, 'partition')}, ${films.length === 1 ? '' : 'each '}on ${plural(n, 'broker')} (${TOPIC}-${films[0]!.partition} on ${films[0]!.replicas.join(', ')})`,
        );
      return fail(
        `${TOPIC}-${short[0]!.partition} is kept on ${plural(short[0]!.replicas.length, 'broker')} (${short[0]!.replicas.join(', ')}): a partition with one copy is gone when its broker dies. Give createTopics a replicationFactor of ${n}.`,
      );
    },
  };
}
