/**
 * What a streaming run's pictures draw, derived once from its report (each partition's log with
 * append times, and the trace: clients opened, members and rebalances, records processed, offsets
 * committed, sink writes, faults) and then read at any instant of playback (`streamAt`): each
 * partition's log end, committed offset, the last record processed and by whom, its owner and
 * leader, the lag; the ledger so far; the group's members; the sink's latest writes; what happened
 * (in the page's language: build the view again when it changes).
 */
import type { KafkaJobReport } from '../../../engine/api';
import { i18n } from '../../i18n/i18n';
import type { TraceEvent } from '../../../engine/core';
import type { PartitionAt, PartitionTrack, StreamAt, StreamEvent, StreamSend, StreamView } from './streamViewTypes';
import { buildMicroBatchView } from './microBatchView';

export type { PartitionAt, PartitionTrack, StreamAt, StreamEvent, StreamSend, StreamView };
export { countUpTo, latest, num } from './timeSeries';
export { streamAt } from './streamAt';

const pkey = (topic: string, partition: number) => `${topic}\u0000${partition}`;
const say = (key: string, options?: Record<string, unknown>) => i18n.t(`stream:event.${key}`, options);

export function buildStreamView(report: KafkaJobReport): StreamView {
  const partitions = new Map<string, PartitionTrack>();
  for (const f of report.film) {
    partitions.set(pkey(f.topic, f.partition), {
      key: pkey(f.topic, f.partition),
      topic: f.topic,
      partition: f.partition,
      replicas: f.replicas,
      offsets: f.records.map((r) => r[0]),
      appendTimes: f.records.map((r) => r[1]),
      records: f.records.map((r) => r[2]),
      keys: f.records.map((r) => r[3]),
      commits: [],
      processed: [],
      leaders: [{ t: 0, leader: f.replicas[0] ?? null }],
      isr: [{ t: 0, isr: [...f.replicas] }],
      logStarts: [],
      firstProcessed: new Map(),
      output: f.topic === report.storeTopic,
      transactions: f.records.map((r) => (r.length === 6 ? { state: r[4], at: r[5] } : null)),
      transactional: f.records.some((r) => r.length === 6),
    });
  }
  const consumerOf = new Map<number, number>();
  const producerOf = new Map<number, number>();
  /** Each retention check's one line a topic (by time and topic), and how many records it deleted. */
  const retentionLines = new Map<string, { event: StreamEvent; total: number }>();
  const sends: StreamSend[] = [];
  const memberClient = new Map<string, number>();
  const owners: StreamView['owners'] = [];
  /** Each group's latest assignment (several groups may read the same topic, each its own copy). */
  const byGroup = new Map<string, { owner: Map<string, number>; consumers: number[] }>();
  let committedGroup: string | null = report.group?.groupId ?? null;
  const members: StreamView['members'] = [];
  const live = new Set<number>();
  const events: StreamEvent[] = [];
  const sinkWrites: StreamView['sinkWrites'] = [];
  const processedCount = new Map<string, number>();
  const ledgerTimes: StreamView['ledgerTimes'] = {
    appended: [],
    logDuplicated: [],
    processed: [],
    reprocessed: [],
    stored: [],
    duplicated: [],
  };
  const recordAt = new Map<string, string | null>();
  // Copies of a record in the log (by its id): the first is appended, the second duplicates it.
  const copies = new Map<string, number>();
  for (const p of partitions.values())
    p.offsets.forEach((o, i) => {
      const record = p.records[i]!;
      recordAt.set(`${p.key}\u0000${o}`, record);
      // The store topic's records are rows of the store, not records the ledger follows.
      if (p.output) return;
      const n = record === null ? 1 : (copies.get(record) ?? 0) + 1;
      if (record !== null) copies.set(record, n);
      if (n === 1) ledgerTimes.appended.push(p.appendTimes[i]!);
      else if (n === 2) ledgerTimes.logDuplicated.push(p.appendTimes[i]!);
    });
  const rowsOf = new Map<string, Set<string>>();
  const crashes: StreamView['crashes'] = [];
  let lastActive = 0;
  const QUIET = new Set(['kafkaStep', 'clientOpened', 'consumerNumbered', 'producerNumbered', 'answerLost']);
  const brokers = new Map<string, { from: number; to: number }[]>(
    report.brokers.map((b) => [b.replace(/:\d+$/, ''), []]),
  );
  const membersChanged = (t: number) => members.push({ t, consumers: [...live].sort((a, b) => a - b) });
  const label = (client: number) => say('consumer', { n: consumerOf.get(client) ?? '?' });
  for (const e of report.trace as (TraceEvent & Record<string, unknown>)[]) {
    if (!QUIET.has(e.type)) lastActive = Math.max(lastActive, e.t);
    switch (e.type) {
      case 'consumerNumbered':
        // The number faults and crashes name a consumer by (its program call's, in join order).
        consumerOf.set(e.client as number, e.consumer as number);
        break;
      case 'topicCreated': {
        // A partition's first leader and in-sync replicas, as placed on the brokers up then.
        const leaders = e.leaders as (string | null)[] | undefined;
        const isr = e.isr as string[][] | undefined;
        leaders?.forEach((leader, i) => {
          const p = partitions.get(pkey(e.topic as string, i));
          if (!p) return;
          p.leaders = [{ t: 0, leader }];
          if (isr?.[i]) p.isr = [{ t: 0, isr: [...isr[i]] }];
        });
        break;
      }
      case 'retentionDeleted': {
        const p = partitions.get(pkey(e.topic as string, e.partition as number));
        if (!p) break;
        p.logStarts.push({ t: e.t, start: e.logStartOffset as number });
        // One line a topic for each of the broker's retention checks.
        const key = `${e.t}\u0000${p.topic}`;
        let line = retentionLines.get(key);
        if (!line) {
          line = { event: { t: e.t, kind: 'retention', text: '' }, total: 0 };
          retentionLines.set(key, line);
          events.push(line.event);
        }
        line.total += e.records as number;
        line.event.text = say('retention', { count: line.total, topic: p.topic });
        break;
      }
      case 'producerNumbered':
        producerOf.set(e.client as number, e.producer as number);
        break;
      case 'batchSent':
        sends.push({
          t: e.t,
          producer: producerOf.get(e.client as number) ?? 0,
          topic: e.topic as string,
          partition: e.partition as number,
          records: e.records as number,
          attempt: e.attempt as number,
          leader: (e.leader as string | null) ?? null,
          lost: e.lost === true,
          answerLost: false,
        });
        break;
      case 'answerLost': {
        const producer = producerOf.get(e.client as number) ?? 0;
        for (let i = sends.length - 1; i >= 0; i--) {
          const s = sends[i]!;
          if (
            s.producer === producer &&
            s.topic === e.topic &&
            s.partition === e.partition &&
            s.attempt === e.attempt
          ) {
            s.answerLost = true;
            break;
          }
        }
        break;
      }
      case 'isrChanged': {
        const p = partitions.get(pkey(e.topic as string, e.partition as number));
        const isr = e.isr as string[];
        if (!p) break;
        const before = p.isr[p.isr.length - 1]!.isr;
        p.isr.push({ t: e.t, isr: [...isr] });
        const gone = before.filter((b) => !isr.includes(b));
        const back = isr.filter((b) => !before.includes(b));
        events.push({
          t: e.t,
          kind: 'isr',
          text: say(gone.length > 0 ? 'isrLeft' : 'isrBack', {
            partition: `${p.topic}-${p.partition}`,
            brokers: (gone.length > 0 ? gone : back).join(', '),
            isr: isr.join(', '),
          }),
        });
        break;
      }
      case 'clientOpened':
        if (e.kind === 'consumer' && !consumerOf.has(e.client as number))
          consumerOf.set(e.client as number, e.n as number);
        break;
      case 'memberJoined': {
        const client = e.client as number;
        memberClient.set(e.member as string, client);
        live.add(consumerOf.get(client) ?? 0);
        membersChanged(e.t);
        events.push({
          t: e.t,
          kind: 'member',
          text: say('joined', { consumer: label(client), group: String(e.group) }),
        });
        break;
      }
      case 'memberLeft':
      case 'sessionExpired': {
        const client = memberClient.get(e.member as string);
        if (client === undefined) break;
        live.delete(consumerOf.get(client) ?? 0);
        membersChanged(e.t);
        events.push({
          t: e.t,
          kind: 'member',
          text:
            e.type === 'memberLeft'
              ? say('left', { consumer: label(client) })
              : say('sessionExpired', { consumer: label(client) }),
        });
        break;
      }
      case 'groupRebalanced': {
        const assignment = e.assignment as Record<string, Record<string, number[]>>;
        const mine = new Map<string, number>();
        for (const [member, byTopic] of Object.entries(assignment)) {
          const n = consumerOf.get(memberClient.get(member) ?? -1) ?? 0;
          for (const [topic, ps] of Object.entries(byTopic)) for (const p of ps) mine.set(pkey(topic, p), n);
        }
        byGroup.set(String(e.group), {
          owner: mine,
          consumers: Object.keys(assignment)
            .map((m) => consumerOf.get(memberClient.get(m) ?? -1) ?? 0)
            .sort((a, b) => a - b),
        });
        const owner = new Map<string, number[]>();
        for (const g of byGroup.values())
          for (const [k, n] of g.owner)
            owner.set(
              k,
              [...(owner.get(k) ?? []), n].sort((a, b) => a - b),
            );
        const groups = [...byGroup].map(([groupId, g]) => ({ groupId, consumers: g.consumers }));
        owners.push({ t: e.t, generation: e.generation as number, owner, groups });
        events.push({
          t: e.t,
          kind: 'rebalance',
          text:
            Object.keys(assignment).length === 1
              ? say('rebalanceOne', { generation: String(e.generation) })
              : say('rebalance', { generation: String(e.generation), n: Object.keys(assignment).length }),
        });
        break;
      }
      case 'recordProcessed': {
        const k = pkey(e.topic as string, e.partition as number);
        const n = consumerOf.get(e.client as number) ?? 0;
        const track = partitions.get(k);
        track?.processed.push({ t: e.t, offset: e.offset as number, consumer: n });
        if (track && !track.firstProcessed.has(e.offset as number)) track.firstProcessed.set(e.offset as number, e.t);
        const rk = `${k}\u0000${String(e.offset)}`;
        const times = (processedCount.get(rk) ?? 0) + 1;
        processedCount.set(rk, times);
        if (times === 1) ledgerTimes.processed.push(e.t);
        if (times === 2) ledgerTimes.reprocessed.push(e.t);
        break;
      }
      case 'offsetsCommitted':
        // One group's offsets: the report's group, or else the first to commit (several groups
        // reading a topic each have offsets of their own).
        committedGroup ??= String(e.group);
        if (String(e.group) !== committedGroup) break;
        for (const [topic, partition, offset] of e.offsets as [string, number, number][])
          partitions.get(pkey(topic, partition))?.commits.push({ t: e.t, offset });
        break;
      case 'sinkWritten': {
        const w = {
          t: e.t,
          kind: e.kind as 'put' | 'append' | 'topic',
          key: e.key as string | null,
          record: e.record as string | null,
        };
        sinkWrites.push(w);
        // When the store is a topic, what the program writes to the sink is no part of it.
        if (w.record === null || (report.storeTopic !== null && w.kind !== 'topic')) break;
        const rows = rowsOf.get(w.record) ?? new Set<string>();
        const before = rows.size;
        rows.add(w.kind === 'put' ? `k${w.key}` : `a${sinkWrites.length}`);
        rowsOf.set(w.record, rows);
        if (before === 0 && rows.size === 1) ledgerTimes.stored.push(e.t);
        if (before === 1 && rows.size === 2) ledgerTimes.duplicated.push(e.t);
        break;
      }
      case 'consumerCrashed':
        crashes.push({ t: e.t, consumer: e.consumer as number });
        events.push({
          t: e.t,
          kind: 'crash',
          text: say('crashed', {
            consumer: String(e.consumer),
            message: String(e.atMessage),
            // KafkaCrashPoint: 'before-processing', 'after-processing' or 'after-commit'.
            point: say(`point.${String(e.point)}`),
          }),
        });
        break;
      case 'brokerDied':
      case 'brokerRestarted': {
        const downs = brokers.get(e.broker as string);
        if (downs && e.type === 'brokerDied') downs.push({ from: e.t, to: Number.POSITIVE_INFINITY });
        if (downs && e.type === 'brokerRestarted' && downs.length > 0) downs[downs.length - 1]!.to = e.t;
        events.push({
          t: e.t,
          kind: 'broker',
          text: say(e.type === 'brokerDied' ? 'brokerDied' : 'brokerBack', { broker: String(e.broker) }),
        });
        break;
      }
      case 'leaderElected':
      case 'partitionWentOffline': {
        const p = partitions.get(pkey(e.topic as string, e.partition as number));
        const leader = e.type === 'leaderElected' ? ((e.leader as string | undefined) ?? null) : null;
        p?.leaders.push({ t: e.t, leader });
        if (p)
          events.push({
            t: e.t,
            kind: 'leader',
            text:
              leader === null
                ? say('offline', { partition: `${p.topic}-${p.partition}` })
                : say('leader', { partition: `${p.topic}-${p.partition}`, leader }),
          });
        break;
      }
    }
  }
  ledgerTimes.appended.sort((a, b) => a - b);
  ledgerTimes.logDuplicated.sort((a, b) => a - b);
  lastActive = Math.max(lastActive, ledgerTimes.appended.at(-1) ?? 0);
  return {
    endMs: report.simulatedMs,
    // Two seconds after the last thing that happened, or the end of the run.
    activeUntil: Math.min(report.simulatedMs, Math.max(1000, lastActive + 2000)),
    crashes,
    brokers: [...brokers].map(([id, down]) => ({
      id,
      rack: report.brokerHosts.find((h) => h.id === id)?.rack ?? 'default',
      down,
    })),
    producers: [...new Set(producerOf.values())].sort((a, b) => a - b),
    sends,
    partitions: [...partitions.values()],
    consumers: [...new Set(consumerOf.values())].sort((a, b) => a - b),
    owners,
    members,
    events,
    sinkWrites,
    ledgerTimes,
    final: report.ledger,
    storeTopic: report.storeTopic,
    committedGroup,
    storeWriteTimes: sinkWrites
      .filter((w) => report.storeTopic === null || w.kind === 'topic')
      .map((w) => w.t)
      .sort((a, b) => a - b),
    microBatches: buildMicroBatchView(report),
  };
}
