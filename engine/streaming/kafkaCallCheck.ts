/**
 * Checks a streaming run's step as it comes from the sandbox (docs/streaming-design.md): the
 * clients opened and the calls made, before the simulated Kafka applies them. In the browser the
 * learner's program shares the library's realm, so every field is checked: its type, integers
 * where Kafka has integers, finite non-negative times, names and texts within KAFKA_LIMITS.
 * Throws an Invalid naming the field (sandboxReplyValidation.ts turns it into the reply's `why`).
 */
import { bool, count, fail, int, list, obj, str } from '../sandbox/contract/replyChecks';
import type { KafkaOpened } from '../sandbox/contract';
import type { KafkaCall, KafkaRequest } from './kafkajs/kafkaCalls';
import { KAFKA_LIMITS as L, MAX_TOPIC_PARTITIONS, topicNameProblem } from './kafkaLimits';
import { checkMicroBatch, checkQueryRows } from './structuredCallCheck';

/** A safe integer of either sign (offsets and generations may be -1; the host judges their meaning). */
function sint(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(where, 'is not an integer');
  return v as number;
}

const name = (v: unknown, where: string) => str(v, where, L.name);
/** A topic: Kafka's legal names only (the library refuses others first, with KafkaJS's error). */
const topicName = (v: unknown, where: string) => {
  if (topicNameProblem(v) !== null)
    fail(where, "is not a legal topic name (letters, digits, '.', '_', '-'; at most 249)");
};
const text = (v: unknown, where: string) => (v === null ? null : str(v, where, L.messageChars));
const names = (v: unknown, where: string) =>
  list(v, where, L.partitions).forEach((x, i) => topicName(x, `${where}[${i}]`));

function offsets(v: unknown, where: string): void {
  list(v, where, L.partitions).forEach((x, i) => {
    const o = obj(x, `${where}[${i}]`);
    topicName(o.topic, `${where}[${i}].topic`);
    sint(o.partition, `${where}[${i}].partition`);
    sint(o.offset, `${where}[${i}].offset`);
  });
}

function transactionRef(v: unknown, where: string): void {
  const t = obj(v, where);
  name(t.transactionalId, `${where}.transactionalId`);
  int(t.epoch, `${where}.epoch`);
  int(t.seq, `${where}.seq`);
}

function headers(v: unknown, where: string): void {
  const h = obj(v, where);
  const keys = Object.keys(h);
  if (keys.length > L.headers) fail(where, `has more than ${L.headers} headers`);
  for (const k of keys) {
    name(k, `${where} name`);
    list(h[k], `${where}.${k.slice(0, 40)}`, L.headers).forEach((x, i) =>
      str(x, `${where}.${k.slice(0, 40)}[${i}]`, L.messageChars),
    );
  }
}

function send(r: Record<string, unknown>, where: string): void {
  bool(r.idempotent, `${where}.idempotent`);
  if (r.transaction !== null) transactionRef(r.transaction, `${where}.transaction`);
  if (r.acks !== -1 && r.acks !== 0 && r.acks !== 1) fail(`${where}.acks`, 'is not -1, 0 or 1');
  count(r.timeout, `${where}.timeout`);
  let messages = 0;
  list(r.topicMessages, `${where}.topicMessages`, L.partitions).forEach((x, i) => {
    const at = `${where}.topicMessages[${i}]`;
    const tm = obj(x, at);
    topicName(tm.topic, `${at}.topic`);
    const ms = list(tm.messages, `${at}.messages`, L.messagesPerSend);
    messages += ms.length;
    if (messages > L.messagesPerSend) fail(`${where}.topicMessages`, `holds more than ${L.messagesPerSend} messages`);
    for (let j = 0; j < ms.length; j++) {
      const m = obj(ms[j], `${at}.messages[${j}]`);
      text(m.key, `${at}.messages[${j}].key`);
      text(m.value, `${at}.messages[${j}].value`);
      if (m.partition !== null) sint(m.partition, `${at}.messages[${j}].partition`);
      headers(m.headers, `${at}.messages[${j}].headers`);
      if (m.timestamp !== null && !(typeof m.timestamp === 'number' && Number.isFinite(m.timestamp)))
        fail(`${at}.messages[${j}].timestamp`, 'is not a finite number');
    }
  });
}

const HANDLERS: ReadonlySet<unknown> = new Set(['eachMessage', 'eachBatch']);
const NEXT: ReadonlySet<unknown> = new Set(['retry', 'restart', 'stop']);

function handlerFailure(v: unknown, where: string): void {
  const f = obj(v, where);
  name(f.groupId, `${where}.groupId`);
  if (!HANDLERS.has(f.handler)) fail(`${where}.handler`, 'is not eachMessage or eachBatch');
  topicName(f.topic, `${where}.topic`);
  sint(f.partition, `${where}.partition`);
  sint(f.offset, `${where}.offset`);
  str(f.name, `${where}.name`, L.name);
  str(f.message, `${where}.message`, L.messageChars);
  if (f.where !== null) str(f.where, `${where}.where`, L.messageChars);
  int(f.attempt, `${where}.attempt`);
  int(f.retries, `${where}.retries`);
  if (!NEXT.has(f.next)) fail(`${where}.next`, 'is not retry, restart or stop');
}

/** Checks one request's fields by its op. */
function request(v: unknown, where: string): void {
  const r = obj(v, where);
  const op = r.op as KafkaRequest['op'];
  switch (op) {
    case 'connect':
    case 'disconnect':
    case 'listTopics':
      return;
    case 'send':
      return send(r, where);
    case 'createTopics':
      list(r.topics, `${where}.topics`, L.partitions).forEach((x, i) => {
        const t = obj(x, `${where}.topics[${i}]`);
        topicName(t.topic, `${where}.topics[${i}].topic`);
        int(t.numPartitions, `${where}.topics[${i}].numPartitions`, MAX_TOPIC_PARTITIONS);
        int(t.replicationFactor, `${where}.topics[${i}].replicationFactor`, 1000);
        if (t.retentionMs !== undefined && t.retentionMs !== null)
          int(t.retentionMs, `${where}.topics[${i}].retentionMs`, Number.MAX_SAFE_INTEGER);
        if (t.minInsyncReplicas !== undefined)
          int(t.minInsyncReplicas, `${where}.topics[${i}].minInsyncReplicas`, 1000);
      });
      return;
    case 'fetchTopicOffsets':
      return void topicName(r.topic, `${where}.topic`);
    case 'fetchOffsets':
      name(r.groupId, `${where}.groupId`);
      return names(r.topics, `${where}.topics`);
    case 'join':
      name(r.groupId, `${where}.groupId`);
      names(r.topics, `${where}.topics`);
      count(r.sessionTimeout, `${where}.sessionTimeout`);
      return void count(r.rebalanceTimeout, `${where}.rebalanceTimeout`);
    case 'fetch':
      if (r.groupId !== null) name(r.groupId, `${where}.groupId`);
      sint(r.generation, `${where}.generation`);
      offsets(r.positions, `${where}.positions`);
      count(r.maxWaitTimeInMs, `${where}.maxWaitTimeInMs`);
      count(r.maxBytesPerPartition, `${where}.maxBytesPerPartition`);
      return void bool(r.readCommitted, `${where}.readCommitted`);
    case 'commit':
      name(r.groupId, `${where}.groupId`);
      sint(r.generation, `${where}.generation`);
      if (r.standalone !== undefined) bool(r.standalone, `${where}.standalone`);
      return offsets(r.offsets, `${where}.offsets`);
    case 'leave':
    case 'heartbeat':
      return void name(r.groupId, `${where}.groupId`);
    case 'initTransactions':
      name(r.transactionalId, `${where}.transactionalId`);
      return void count(r.transactionTimeout, `${where}.transactionTimeout`);
    case 'sendOffsets':
      transactionRef(r.transaction, `${where}.transaction`);
      name(r.groupId, `${where}.groupId`);
      return offsets(r.offsets, `${where}.offsets`);
    case 'endTransaction':
      transactionRef(r.transaction, `${where}.transaction`);
      return void bool(r.commit, `${where}.commit`);
    case 'sleep':
      return void count(r.ms, `${where}.ms`);
    case 'sinkPut':
      str(r.key, `${where}.key`, L.messageChars);
      return void str(r.value, `${where}.value`, L.messageChars);
    case 'sinkAppend':
      return void str(r.value, `${where}.value`, L.messageChars);
    case 'sinkGet':
      return void str(r.key, `${where}.key`, L.messageChars);
    case 'processed':
      topicName(r.topic, `${where}.topic`);
      sint(r.partition, `${where}.partition`);
      return void sint(r.offset, `${where}.offset`);
    case 'handlerFailed':
      return handlerFailure(r.failure, `${where}.failure`);
    case 'queryRows':
      topicName(r.topic, `${where}.topic`);
      return checkQueryRows(r, where);
    case 'microBatch':
      return checkMicroBatch(r, where);
    default:
      fail(`${where}.op`, `is not a request Kafka knows (${JSON.stringify(String(op).slice(0, 40))})`);
  }
}

const KINDS: ReadonlySet<unknown> = new Set(['producer', 'consumer', 'admin', 'sink']);

/** Checks a step's clients and calls; throws an Invalid naming the first bad field. */
export function checkKafkaStep(opened: unknown, calls: unknown): { opened: KafkaOpened[]; calls: KafkaCall[] } {
  list(opened, 'kafkaStep.opened', L.clients).forEach((x, i) => {
    const o = obj(x, `kafkaStep.opened[${i}]`);
    int(o.client, `kafkaStep.opened[${i}].client`, L.clients);
    if (!KINDS.has(o.kind)) fail(`kafkaStep.opened[${i}].kind`, 'is not producer, consumer, admin or sink');
    name(o.clientId, `kafkaStep.opened[${i}].clientId`);
    if (o.program !== null) int(o.program, `kafkaStep.opened[${i}].program`, L.clients);
  });
  list(calls, 'kafkaStep.calls', L.callsPerStep).forEach((x, i) => {
    const c = obj(x, `kafkaStep.calls[${i}]`);
    int(c.client, `kafkaStep.calls[${i}].client`, L.clients);
    int(c.seq, `kafkaStep.calls[${i}].seq`);
    request(c.request, `kafkaStep.calls[${i}].request`);
  });
  return { opened: opened as KafkaOpened[], calls: calls as KafkaCall[] };
}
