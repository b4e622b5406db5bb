/** A simulated Kafka for the tests, with the KafkaJS class bound to it and a way to run programs on it. */
import { preset } from '../../cluster';
import { Trace } from '../../core';
import { KafkaHost } from '../kafkaHost';
import { StepTransport, runSteps } from '../kafkaSteps';
import { kafkaClass } from '../kafkajs/kafka';
import { createSink } from '../kafkajs/clusterlabSink';
import type { TopicConfig } from '../types';
import type { KafkaFault } from '../kafkaFaults';
import type { RecordIdentity } from '../kafkaSink';

export const topic = (name: string, partitions: number): TopicConfig => ({
  name,
  partitions,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  retentionMs: Number.POSITIVE_INFINITY,
  retentionRecords: Number.POSITIVE_INFINITY,
});

/** A simulated Kafka with `topics`, the KafkaJS class bound to it, and a way to run programs on it. */
export function kafkaRun(
  topics: TopicConfig[],
  seed = 1,
  processingMsPerMessage = 0,
  faults: KafkaFault[] = [],
  options: { storeTopic?: string; recordId?: RecordIdentity } = {},
) {
  const trace = new Trace();
  const host = new KafkaHost({
    cluster: preset('classroom'),
    brokers: 3,
    topics,
    seed,
    trace,
    processingMsPerMessage,
    faults,
    ...options,
  });
  const logs: string[] = [];
  const transport = new StepTransport((level, message) => logs.push(`${level} ${message}`));
  const Kafka = kafkaClass(transport, host.addresses);
  const kafka = new Kafka({ clientId: 'lab', brokers: host.addresses.slice(0, 1) });
  const sink = createSink(transport);
  const run = async (programs: (() => Promise<unknown>)[], untilMs = 60_000) => {
    const failures: unknown[] = [];
    // As the sandbox does: the clients a program opens before its first await are its own.
    programs.forEach((p, i) => {
      transport.program = i + 1;
      try {
        p().catch((e: unknown) => failures.push(e));
      } finally {
        transport.program = null;
      }
    });
    const steps = await runSteps({
      host,
      transport,
      untilMs,
      settle: () => new Promise((resolve) => setImmediate(resolve)),
    });
    return { steps, failures };
  };
  return { host, kafka, sink, trace, logs, run, transport };
}
