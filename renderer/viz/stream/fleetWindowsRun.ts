/**
 * Test fixture of the micro-batch pictures' tests: the streaming-delivery lab's windows step (a
 * Structured Streaming query counting car positions in 10-second event-time windows) run against
 * the simulated Kafka (3 partitions, 3 replicas). The solution waits 35 s for late positions; the
 * starter only 5 s, so the positions a tunnel held back are dropped as late.
 */
import { runKafkaJob, type KafkaJobReport } from '../../../engine/api';
import { createFunctionRunner } from '../../../engine/sandbox';
import { compileJobSource } from '../../../engine/sandbox/compile';
import { fleetPositionsText } from '../../../labs/streaming-delivery/deliveryData';
import solution from '../../../labs/streaming-delivery/steps/4-windows-late-positions/solution.js?raw';
import starter from '../../../labs/streaming-delivery/steps/4-windows-late-positions/starter.js?raw';

export function runFleetWindows(which: 'solution' | 'starter'): Promise<KafkaJobReport> {
  const records = fleetPositionsText()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
  return runKafkaJob({
    runner: createFunctionRunner({ macrotask: (fn) => setImmediate(fn) }),
    source: compileJobSource(which === 'solution' ? solution : starter, `${which}.js`),
    seed: 125,
    topics: [
      {
        name: 'positions',
        partitions: 3,
        replicationFactor: 3,
        minInsyncReplicas: 2,
        retentionMs: Number.POSITIVE_INFINITY,
        retentionRecords: Number.POSITIVE_INFINITY,
      },
    ],
    programs: [
      { fn: 'produce', input: { records }, sink: false },
      { fn: 'consume', input: {}, sink: true },
    ],
    processingMsPerMessage: 5,
    untilMs: 150_000,
  });
}
