/**
 * The sizes a streaming run's clients may use: what ClusterLab's KafkaJS refuses with KafkaJS's
 * own errors (as the brokers would), and what the host refuses of a step it is sent (a program
 * in the browser shares the library's realm, so a step may be forged).
 */
import type { KafkaRequest } from './kafkajs/kafkaCalls';

export const KAFKA_LIMITS = {
  /** Kafka's message.max.bytes (1 MB + overhead): a key or a value may hold at most this many characters. */
  messageChars: 1_048_588,
  /** Records a run may produce in all. */
  producedRecords: 1_000_000,
  /** Characters of keys, values and headers a run may produce in all (the logs keep them in memory). */
  producedChars: 64_000_000,
  /** Characters of the rows the sink may hold in all. */
  sinkChars: 64_000_000,
  /** Messages in one send (one produce request). */
  messagesPerSend: 100_000,
  /** Clients (producers, consumers, admins, the sink) a run may open. */
  clients: 1_000,
  /** Calls in one step. */
  callsPerStep: 200_000,
  /** Names: topics (Kafka's own limit is 249), groups, transactional ids, client ids, header names. */
  name: 1_000,
  /** Headers of a message, values of a header. */
  headers: 100,
  /** Partitions of a topic, topics of a request, offsets of a commit. */
  partitions: 10_000,
} as const;

/** The records of a send and the characters of their keys, values and headers. */
export function sendSize(req: Extract<KafkaRequest, { op: 'send' }>): { records: number; chars: number } {
  let records = 0;
  let chars = 0;
  for (const t of req.topicMessages)
    for (const m of t.messages) {
      records++;
      chars += (m.key?.length ?? 0) + (m.value?.length ?? 0);
      for (const values of Object.values(m.headers)) for (const v of values) chars += v.length;
    }
  return { records, chars };
}

/** Why a send of `records` and `chars` after what was produced so far passes the run's limits, or null. */
export function producedLimitProblem(
  producedRecords: number,
  records: number,
  producedChars: number,
  chars: number,
): string | null {
  if (producedRecords + records > KAFKA_LIMITS.producedRecords)
    return `this run may produce at most ${KAFKA_LIMITS.producedRecords} records in all; this send would pass it`;
  if (producedChars + chars > KAFKA_LIMITS.producedChars)
    return `this run may produce at most ${KAFKA_LIMITS.producedChars} characters of keys, values and headers in all (the simulated logs keep them); this send would pass it`;
  return null;
}

/** Kafka's rule for topic names (kafka.common.internals.Topic): legal characters, at most 249 of them. */
export const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Partitions one topic may have in this simulation (Kafka allows more; a lab needs far fewer). */
export const MAX_TOPIC_PARTITIONS = 1000;

/** What is wrong with `topic` as a topic name, or null. */
export function topicNameProblem(topic: unknown): string | null {
  if (typeof topic === 'string' && TOPIC_NAME.test(topic) && topic !== '.' && topic !== '..') return null;
  const shown =
    typeof topic === 'string'
      ? JSON.stringify(topic.slice(0, 60)) + (topic.length > 60 ? '…' : '')
      : String(typeof topic);
  return `Invalid topic ${shown}: Kafka's topic names are letters, digits, '.', '_' and '-', at most 249 characters`;
}

/** What is wrong with a group id, transactional id or client id, or null. */
export function idProblem(what: string, id: unknown): string | null {
  if (typeof id === 'string' && id !== '' && id.length <= KAFKA_LIMITS.name) return null;
  return `${what} must be a non-empty string of at most ${KAFKA_LIMITS.name} characters`;
}
