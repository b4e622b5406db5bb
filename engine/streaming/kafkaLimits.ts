/**
 * The sizes a streaming run's clients may use: what ClusterLab's KafkaJS refuses with KafkaJS's
 * own errors (as the brokers would), and what the host refuses of a step it is sent (a program
 * in the browser shares the library's realm, so a step may be forged).
 */
export const KAFKA_LIMITS = {
  /** Kafka's message.max.bytes (1 MB + overhead): a key or a value may hold at most this many characters. */
  messageChars: 1_048_588,
  /** Records a run may produce in all. */
  producedRecords: 1_000_000,
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
