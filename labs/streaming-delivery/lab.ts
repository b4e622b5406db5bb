/**
 * The streaming-delivery lab (Cookbook 12.1-12.5): the learner's KafkaJS code decides the
 * delivery guarantee. At least once for car GPS positions made harmless by an idempotent store,
 * at most once for engine misfires, exactly once for card payments with an idempotent producer
 * and transactions. Each step crashes a consumer at a chosen point; its checks read the ledger,
 * in the step's run and under a fault schedule the step does not show. Texts and programs are
 * the files beside this one (steps/<n>-<id>/).
 */
import type { TopicConfig } from '../../engine/streaming';
import { dataset } from '../labData';
import type { Lab, StepRun, StreamRunSettings } from '../labTypes';
import {
  atMostOnceCheck,
  everyRecordStoredCheck,
  loggedOnceCheck,
  storedOnceCheck,
  unseenFaultsCheck,
  type Records,
} from './checks';
import {
  FLEET_CARS,
  FLEET_MAX_DELAY_S,
  FLEET_POSITIONS,
  GPS_POSITIONS,
  MISFIRES,
  PAYMENTS,
  fleetPositionsText,
  fleetTunnelsFor,
  gpsPositionsText,
  misfiresText,
  paymentsText,
} from './deliveryData';
import intro from './intro.md?raw';
import gpsInstructions from './steps/1-gps-at-least-once/instructions.md?raw';
import gpsStarter from './steps/1-gps-at-least-once/starter.js?raw';
import gpsSolution from './steps/1-gps-at-least-once/solution.js?raw';
import misfireInstructions from './steps/2-misfires-at-most-once/instructions.md?raw';
import misfireStarter from './steps/2-misfires-at-most-once/starter.js?raw';
import misfireSolution from './steps/2-misfires-at-most-once/solution.js?raw';
import paymentInstructions from './steps/3-payments-exactly-once/instructions.md?raw';
import paymentStarter from './steps/3-payments-exactly-once/starter.js?raw';
import paymentSolution from './steps/3-payments-exactly-once/solution.js?raw';
import windowsInstructions from './steps/4-windows-late-positions/instructions.md?raw';
import windowsStarter from './steps/4-windows-late-positions/starter.js?raw';
import windowsSolution from './steps/4-windows-late-positions/solution.js?raw';
import {
  boundedStateCheck,
  everyWindowStoredCheck,
  noLatePositionsCheck,
  watermarkCoversDelayCheck,
  type FleetPosition,
} from './windowChecks';

const topic = (name: string, partitions: number): TopicConfig => ({
  name,
  partitions,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  retentionMs: Number.POSITIVE_INFINITY,
  retentionRecords: Number.POSITIVE_INFINITY,
});

const gps: StreamRunSettings = {
  seed: 122,
  cluster: 'classroom',
  topics: [topic('gps', 3)],
  records: 'gps',
  consumers: 2,
  durationMs: 90_000,
  processingMs: 20,
  faults: [{ kind: 'crashConsumer', consumer: 1, atMessage: 30, point: 'after-processing' }],
  recordId: 'id',
};
const misfires: StreamRunSettings = {
  seed: 123,
  cluster: 'classroom',
  topics: [topic('misfires', 3)],
  records: 'misfires',
  consumers: 2,
  durationMs: 90_000,
  processingMs: 20,
  faults: [{ kind: 'crashConsumer', consumer: 1, atMessage: 20, point: 'after-processing' }],
  recordId: 'id',
};
const payments: StreamRunSettings = {
  seed: 124,
  cluster: 'classroom',
  topics: [topic('payments', 3), topic('billed', 3)],
  records: 'payments',
  consumers: 2,
  durationMs: 120_000,
  processingMs: 20,
  faults: [
    { kind: 'crashConsumer', consumer: 1, atMessage: 15, point: 'after-processing' },
    { kind: 'cutNetwork', producer: 1, fromMs: 5, toMs: 3000 },
  ],
  recordId: 'id',
  storeTopic: 'billed',
};

const fleet: StreamRunSettings = {
  seed: 125,
  cluster: 'classroom',
  topics: [topic('positions', 3)],
  records: 'fleet',
  consumers: 1,
  durationMs: 150_000,
  processingMs: 5,
  recordId: 'id',
  structuredStreaming: true,
};
/** The fleet's positions as the checks recompute the windows from them: the run's own (a practice attempt draws them), parsed once per text. */
let fleetPositions: { text: string; positions: FleetPosition[] } | null = null;
const fleetData = (run: StepRun) => {
  const text = run.kind === 'stream' ? run.variant.text('fleet') : fleetPositionsText();
  if (fleetPositions?.text !== text)
    fleetPositions = {
      text,
      positions: text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as FleetPosition),
    };
  return fleetPositions.positions;
};

const POSITIONS: Records = { one: 'position', total: GPS_POSITIONS };
const EVENTS: Records = { one: 'misfire', total: MISFIRES };
const BILLS: Records = { one: 'payment', total: PAYMENTS };

const HIDDEN_GPS = {
  extra: 'hidden',
  label: 'consumer 2 crashing right after a commit, and broker n2 down for 20 s',
};
const HIDDEN_MISFIRES = { extra: 'hidden', label: 'three consumers, two of them crashing at other points' };
const HIDDEN_PAYMENTS = {
  extra: 'hidden',
  label: 'consumer 2 crashing mid-transaction, and another network cut',
};

const lab: Lab = {
  id: 'streaming-delivery',
  title: 'At most once, at least once, exactly once',
  chapters: ['12.1', '12.2', '12.3', '12.4', '12.5', '25.2'],
  minutes: 40,
  summary:
    'Write the KafkaJS consumers for car positions, engine misfires and card payments, crash them, and read the ledger of losses and duplicates; then count positions in event-time windows with Spark Structured Streaming.',
  intro,
  cluster: 'classroom',
  datasets: [
    dataset('gps', `${GPS_POSITIONS} GPS positions of 12 cars, one every 5 s each (seed 1202)`, gpsPositionsText),
    dataset('misfires', `${MISFIRES} engine misfire events (seed 1203)`, misfiresText),
    dataset('payments', `${PAYMENTS} card payments (seed 1204)`, paymentsText),
    {
      ...dataset(
        'fleet',
        `${FLEET_POSITIONS} positions of ${FLEET_CARS} cars, one every 5 s each; three cars pass a tunnel (seed 1205)`,
        fleetPositionsText,
      ),
      // A practice attempt's fleet: other cars in tunnels at other times, the longest still 30 s.
      forSeed: (seed) => fleetPositionsText(fleetTunnelsFor(seed), seed),
    },
  ],
  steps: [
    {
      id: 'gps-at-least-once',
      title: 'At least once: car positions',
      kind: 'stream',
      instructions: gpsInstructions,
      starter: gpsStarter,
      solution: gpsSolution,
      hints: [
        'Run the starter and read the ledger: one position is duplicated. In the app, click its cell on a tape: its path shows it handed to a consumer twice and written twice.',
        "A position's id is its car and timestamp. A store that writes by that key keeps one row however often it is written.",
        'Replace `sink.append(...)` with `sink.put(position.id, ...)`, and keep the commit after it.',
      ],
      run: gps,
      extraRuns: [
        {
          id: 'hidden',
          label: HIDDEN_GPS.label,
          run: {
            ...gps,
            seed: 1221,
            faults: [
              { kind: 'crashConsumer', consumer: 2, atMessage: 17, point: 'after-commit' },
              { kind: 'killBroker', broker: 'n2', atMs: 3000, restartAfterMs: 20_000 },
            ],
          },
        },
      ],
      checks: [
        everyRecordStoredCheck('every-position-stored', 'Every position is in the store', POSITIONS),
        storedOnceCheck(
          'each-position-once',
          'The store holds each position once, though the crash replays some',
          POSITIONS,
          'a position handed over again is written as a new row. Write it under its own id, so a second write replaces the first.',
        ),
        unseenFaultsCheck('unseen-faults', 'The same holds under faults you did not see', HIDDEN_GPS, (which) => [
          everyRecordStoredCheck('stored', '', POSITIONS, which),
          storedOnceCheck(
            'once',
            '',
            POSITIONS,
            'write each position under its own id, and commit after the write.',
            which,
          ),
        ]),
      ],
    },
    {
      id: 'misfires-at-most-once',
      title: 'At most once: engine misfires',
      kind: 'stream',
      instructions: misfireInstructions,
      starter: misfireStarter,
      solution: misfireSolution,
      hints: [
        'Run the starter and find the misfire counted twice: its path shows it written, then the consumer crashed before the commit.',
        'If the offset is committed before the event is appended, a crash can only skip an event, never repeat it.',
        'Swap the two awaits in eachMessage: first `consumer.commitOffsets(...)`, then `sink.append(...)`.',
      ],
      run: misfires,
      extraRuns: [
        {
          id: 'hidden',
          label: HIDDEN_MISFIRES.label,
          run: {
            ...misfires,
            seed: 1231,
            consumers: 3,
            faults: [
              { kind: 'crashConsumer', consumer: 2, atMessage: 12, point: 'after-processing' },
              { kind: 'crashConsumer', consumer: 1, atMessage: 30, point: 'after-commit' },
            ],
          },
        },
      ],
      checks: [
        atMostOnceCheck('never-twice', 'No misfire is counted twice; a crash loses at most one', EVENTS),
        atMostOnceCheck('unseen-faults', 'The same holds under faults you did not see', EVENTS, HIDDEN_MISFIRES),
      ],
    },
    {
      id: 'payments-exactly-once',
      title: 'Exactly once: card payments',
      kind: 'stream',
      instructions: paymentInstructions,
      starter: paymentStarter,
      solution: paymentSolution,
      hints: [
        'Two things go wrong in the starter: a batch of payments is in the log twice (the network cut), and one is billed twice (the crash). Find each in the ledger.',
        "`kafka.producer({ idempotent: true })` writes a batch once however often it is sent. For the bill and the offset together, a transactional producer per consumer: `kafka.producer({ transactionalId: 'billing-' + n, idempotent: true, maxInFlightRequests: 1 })`.",
        'In eachMessage: `const transaction = await producer.transaction()`, then `transaction.send(...)` the bill, `transaction.sendOffsets({ consumerGroupId: "billing", topics: [{ topic, partitions: [{ partition, offset: next }] }] })`, and `transaction.commit()`.',
      ],
      run: payments,
      extraRuns: [
        {
          id: 'hidden',
          label: HIDDEN_PAYMENTS.label,
          run: {
            ...payments,
            seed: 1241,
            faults: [
              { kind: 'crashConsumer', consumer: 2, atMessage: 40, point: 'after-processing' },
              { kind: 'cutNetwork', producer: 1, fromMs: 8, toMs: 3000 },
            ],
          },
        },
      ],
      checks: [
        everyRecordStoredCheck('every-payment-billed', 'Every payment is billed', BILLS),
        loggedOnceCheck(
          'logged-once',
          'Each payment is in the log once, though the producer sent a batch again',
          BILLS,
        ),
        storedOnceCheck(
          'billed-once',
          'No payment is billed twice, though a consumer crashed mid-way',
          BILLS,
          'the bill was written and the consumer crashed before its offset was committed, so the payment was billed again. Write the bill and the offset in one transaction.',
        ),
        unseenFaultsCheck('unseen-faults', 'The same holds under faults you did not see', HIDDEN_PAYMENTS, (which) => [
          everyRecordStoredCheck('billed', '', BILLS, which),
          loggedOnceCheck('logged', '', BILLS, which),
          storedOnceCheck('once', '', BILLS, 'bill and commit in one transaction.', which),
        ]),
      ],
    },
    {
      id: 'windows-late-positions',
      title: 'Event time: windows and late positions',
      kind: 'stream',
      instructions: windowsInstructions,
      starter: windowsStarter,
      solution: windowsSolution,
      hints: [
        'Run the starter and play it: when a tunnel car comes out, its positions arrive as red dots left of the watermark line. The ledger counts them late.',
        'A position is late when the watermark has passed the end of its window. The watermark trails the latest position by the delay you give withWatermark; the longest tunnel holds a position back 30 seconds.',
        'Give withWatermark a delay at least as long as the longest tunnel, and not much longer: the windows of the first minute must close before the run ends, and every open window costs memory.',
      ],
      run: fleet,
      checks: [
        noLatePositionsCheck('none-late', 'No position is dropped as late', FLEET_POSITIONS),
        everyWindowStoredCheck(
          'every-window-stored',
          'Every window of the first minute is stored, with all its positions',
          fleetData,
          '2026-03-01 08:00:00',
        ),
        watermarkCoversDelayCheck(
          'delay-covered',
          'The watermark covers the longest tunnel: no position can be late',
          FLEET_MAX_DELAY_S,
        ),
        boundedStateCheck('state-bounded', 'The query forgets finished windows: its state stays small', 56),
      ],
    },
  ],
};

export default lab;
