/**
 * Test fixture of the stream pictures' tests: the card-payments KafkaJS example run against the
 * simulated Kafka (4 partitions, 3 replicas), its consumers and faults as a test asks.
 */
import { runKafkaJob, type KafkaJobReport } from '../../../engine/api';
import { createFunctionRunner } from '../../../engine/sandbox';
import { compileJobSource } from '../../../engine/sandbox/compile';
import { cardPayments } from '../../../engine/datasets';
import type { KafkaFault } from '../../../engine/streaming';
import program from '../../../labs/examples/streaming/kafkajs/card-payments.js?raw';

export function runCardPayments(o: {
  seed: number;
  consumers: number;
  faults: KafkaFault[];
  untilMs: number;
}): Promise<KafkaJobReport> {
  return runKafkaJob({
    runner: createFunctionRunner({ macrotask: (fn) => setImmediate(fn) }),
    source: compileJobSource(program, 'card-payments.js'),
    seed: o.seed,
    topics: [
      {
        name: 'payments',
        partitions: 4,
        replicationFactor: 3,
        minInsyncReplicas: 1,
        retentionMs: Number.POSITIVE_INFINITY,
        retentionRecords: Number.POSITIVE_INFINITY,
      },
    ],
    programs: [
      { fn: 'produce', input: { records: cardPayments(60) }, sink: false },
      ...Array.from({ length: o.consumers }, () => ({ fn: 'consume', input: {}, sink: true })),
    ],
    processingMsPerMessage: 20,
    faults: o.faults,
    untilMs: o.untilMs,
  });
}
