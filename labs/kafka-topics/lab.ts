/**
 * The kafka-topics lab (Cookbook 21, 24.1): Kafka as the publish-subscribe buffer of a platform.
 * Keys, partitions and order; consumer groups sharing a topic; partitions as the limit of a
 * group's parallelism, and lag; the group coordinator rebalancing when a consumer dies. The
 * learner writes KafkaJS code; the checks judge the stored readings, the coordinator's
 * assignments and when the lag was drained. Texts and programs are the files beside this one.
 */
import type { TopicConfig } from '../../engine/streaming';
import { dataset } from '../labData';
import type { Lab, StreamRunSettings } from '../labTypes';
import {
  TOPIC,
  everyReadingStoredCheck,
  lagDrainedCheck,
  onePerPartitionCheck,
  perKeyOrderCheck,
  processedOnceCheck,
  replicasCheck,
  spreadCheck,
} from './checks';
import { forgetsWithinCheck, noneDeletedUnreadCheck } from './retentionChecks';
import { MACHINES, READINGS, READINGS_PER_MACHINE, readingsText } from './topicsData';
import intro from './intro.md?raw';
import keysInstructions from './steps/1-keys-and-order/instructions.md?raw';
import keysStarter from './steps/1-keys-and-order/starter.js?raw';
import keysSolution from './steps/1-keys-and-order/solution.js?raw';
import groupsInstructions from './steps/2-consumer-groups/instructions.md?raw';
import groupsStarter from './steps/2-consumer-groups/starter.js?raw';
import groupsSolution from './steps/2-consumer-groups/solution.js?raw';
import lagInstructions from './steps/3-partitions-and-lag/instructions.md?raw';
import lagStarter from './steps/3-partitions-and-lag/starter.js?raw';
import lagSolution from './steps/3-partitions-and-lag/solution.js?raw';
import rebalanceInstructions from './steps/4-rebalance/instructions.md?raw';
import rebalanceStarter from './steps/4-rebalance/starter.js?raw';
import rebalanceSolution from './steps/4-rebalance/solution.js?raw';
import retentionInstructions from './steps/5-retention/instructions.md?raw';
import retentionStarter from './steps/5-retention/starter.js?raw';
import retentionSolution from './steps/5-retention/solution.js?raw';

const readings = (partitions: number): TopicConfig => ({
  name: TOPIC,
  partitions,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  retentionMs: Number.POSITIVE_INFINITY,
  retentionRecords: Number.POSITIVE_INFINITY,
});

const base: StreamRunSettings = {
  seed: 21,
  cluster: 'classroom',
  topics: [readings(3)],
  records: 'readings',
  consumers: 2,
  durationMs: 60_000,
  processingMs: 20,
  recordId: 'id',
};

/**
 * Step 3's bound: one consumer alone needs about 15 s for the 300 readings at 40 ms each; four
 * sharing six partitions about 8 s (10 machine keys never split evenly).
 */
const LAG_BOUND_MS = 12_000;
/** Step 4's bound: KafkaJS's default session timeout (30 s) alone is longer. */
const REBALANCE_BOUND_MS = 20_000;

const rebalance: StreamRunSettings = {
  ...base,
  seed: 24,
  topics: [readings(6)],
  consumers: 3,
  processingMs: 40,
  faults: [{ kind: 'crashConsumer', consumer: 2, atMessage: 20, point: 'before-processing' }],
};
/** Step 5: the disk holds about a minute of readings; retention checks run every second. */
const FORGET_BOUND_MS = 65_000;
const ARCHIVE_MS_EACH = 40;

const HIDDEN_CRASH = { extra: 'hidden', label: 'consumer 1 crashing instead, at another message' };

const lab: Lab = {
  id: 'kafka-topics',
  title: 'Kafka topics, partitions and consumer groups',
  chapters: ['21', '24.1'],
  minutes: 40,
  summary:
    'Send factory readings through a Kafka topic: keys and order, consumer groups sharing partitions, lag, and the coordinator rebalancing when a consumer dies.',
  intro,
  cluster: 'classroom',
  datasets: [
    dataset(
      'readings',
      `${READINGS} temperature readings: ${MACHINES} machines, ${READINGS_PER_MACHINE} each, oldest first (seed 2101)`,
      readingsText,
    ),
  ],
  steps: [
    {
      id: 'keys-and-order',
      title: 'Keys, partitions and order',
      kind: 'stream',
      instructions: keysInstructions,
      starter: keysStarter,
      solution: keysSolution,
      hints: [
        "Run the starter and look at the tapes: a machine's readings (the same key) should all sit on one tape.",
        'A message with a key goes to the partition murmur2(key) % partitions: the same key, the same partition.',
        'Add `key: r.machine` to each message.',
      ],
      run: base,
      checks: [
        everyReadingStoredCheck('every-reading-stored', READINGS),
        perKeyOrderCheck('per-key-order', READINGS),
        spreadCheck('every-partition-used'),
      ],
    },
    {
      id: 'consumer-groups',
      title: 'Consumer groups share the partitions',
      kind: 'stream',
      instructions: groupsInstructions,
      starter: groupsStarter,
      solution: groupsSolution,
      hints: [
        'Read the group line above the tapes, and "processed twice" in the ledger.',
        'Consumers with the same groupId split the partitions among themselves; a groupId of its own gives a consumer every partition.',
        "Give every consumer the same groupId: `kafka.consumer({ groupId: 'monitor' })`.",
      ],
      run: { ...base, seed: 22, consumers: 3 },
      checks: [
        onePerPartitionCheck(
          'one-owner-per-partition',
          'The three consumers share the partitions, each partition read by exactly one of them',
          true,
        ),
        processedOnceCheck('processed-once'),
        everyReadingStoredCheck('every-reading-stored', READINGS),
      ],
    },
    {
      id: 'partitions-and-lag',
      title: 'Partitions limit a group, and lag',
      kind: 'stream',
      instructions: lagInstructions,
      starter: lagStarter,
      solution: lagSolution,
      hints: [
        'Read the rebalance in "What happened": how many partitions does each consumer get?',
        '`const admin = kafka.admin(); await admin.connect(); await admin.createTopics({ topics: [...] })` before the first send.',
        "`{ topic: 'readings', numPartitions: 6, replicationFactor: 3 }`: at least as many partitions as consumers.",
      ],
      run: { ...base, seed: 23, topics: [], consumers: 4, processingMs: 40 },
      checks: [
        lagDrainedCheck(
          'lag-drained',
          LAG_BOUND_MS,
          'A partition is read by one consumer of the group at a time: the consumer with the most readings sets the pace.',
        ),
        onePerPartitionCheck('every-consumer-works', 'Every consumer of the group is given a partition', true),
        replicasCheck('three-replicas', 3),
        everyReadingStoredCheck('every-reading-stored', READINGS),
      ],
    },
    {
      id: 'rebalance',
      title: 'A consumer dies: the coordinator rebalances',
      kind: 'stream',
      instructions: rebalanceInstructions,
      starter: rebalanceStarter,
      solution: rebalanceSolution,
      hints: [
        'Find in "What happened" when consumer 2 crashed and when the coordinator took its partitions away.',
        "KafkaJS's consumer has `sessionTimeout` (default 30000 ms) and `heartbeatInterval` (default 3000 ms, well below it).",
        "`kafka.consumer({ groupId: 'monitor', sessionTimeout: 10000, heartbeatInterval: 1000 })`.",
      ],
      run: rebalance,
      extraRuns: [
        {
          id: 'hidden',
          label: HIDDEN_CRASH.label,
          run: {
            ...rebalance,
            seed: 241,
            faults: [{ kind: 'crashConsumer', consumer: 1, atMessage: 35, point: 'before-processing' }],
          },
        },
      ],
      checks: [
        lagDrainedCheck(
          'lag-drained',
          REBALANCE_BOUND_MS,
          "The crashed consumer's partitions wait until the coordinator declares it dead.",
        ),
        onePerPartitionCheck('reassigned', 'After the rebalance, each partition is read by one live consumer', false),
        lagDrainedCheck(
          'unseen-crash',
          REBALANCE_BOUND_MS,
          "The crashed consumer's partitions wait until the coordinator declares it dead.",
          HIDDEN_CRASH,
          `The lag is drained within ${REBALANCE_BOUND_MS / 1000} s when another consumer crashes`,
        ),
      ],
    },
    {
      id: 'retention',
      title: 'Retention: the log forgets on a clock',
      kind: 'stream',
      instructions: retentionInstructions,
      starter: retentionStarter,
      solution: retentionSolution,
      hints: [
        'Play the starter and watch the tapes of the crashed consumer: red hatching is a reading retention deleted that no consumer ever read.',
        'Retention deletes by age (retention.ms since the reading was appended), whether a group has read it or not.',
        "The outage lasts until consumer 1's session times out (30 s), and consumer 2 then needs a few seconds to catch up: `configEntries: [{ name: 'retention.ms', value: '60000' }]`.",
      ],
      run: {
        ...base,
        seed: 25,
        topics: [],
        consumers: 2,
        processingMs: ARCHIVE_MS_EACH,
        durationMs: 90_000,
        faults: [{ kind: 'crashConsumer', consumer: 1, atMessage: 20, point: 'before-processing' }],
      },
      checks: [
        noneDeletedUnreadCheck('none-deleted-unread', 'archive', READINGS),
        everyReadingStoredCheck('every-reading-stored', READINGS),
        forgetsWithinCheck('forgets-within-a-minute', FORGET_BOUND_MS),
      ],
    },
  ],
};

export default lab;
