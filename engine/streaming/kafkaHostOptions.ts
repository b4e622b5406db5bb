/** What a simulated Kafka (kafkaHost.ts) is made of: its cluster, brokers, topics, clock and faults. */
import type { TraceSink } from '../core';
import type { ClusterSpec } from '../cluster';
import type { KafkaFault } from './kafkaFaults';
import type { RecordIdentity } from './kafkaSink';
import type { TopicConfig } from './types';

export interface KafkaHostOptions {
  cluster: ClusterSpec;
  /** How many nodes run a broker (spread over the racks). */
  brokers: number;
  /** Topics that exist when the run starts (a lab's setting). */
  topics: TopicConfig[];
  seed: number;
  /** One-way latency between a client and a broker (ms). */
  networkLatencyMs?: number;
  /** Whether a send to a missing topic creates it (Kafka's auto.create.topics.enable; default true). */
  autoCreateTopics?: boolean;
  /**
   * Simulated time a consumer spends on each message it is handed (ms; default 0): the learner's
   * handler runs in no simulated time, so the lab says what processing costs. The consumer's next
   * call (a commit, a fetch) waits until its messages are done.
   */
  processingMsPerMessage?: number;
  /** The step's faults: consumer crashes at chosen points, broker kills, producers' network cuts. */
  faults?: KafkaFault[];
  trace?: TraceSink;
  /** Reads a record's own id from a sink row, for the trace of each write (default: none). */
  recordId?: RecordIdentity;
  /**
   * The lab's store is this topic, as a read_committed reader sees it (a consume-transform-produce
   * pipeline's output): its records are rows of the store once visible (appended outside a
   * transaction, or their transaction committed), not records the ledger follows.
   */
  storeTopic?: string;
}
