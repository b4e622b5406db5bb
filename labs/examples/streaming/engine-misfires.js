// Engine misfire events (Cookbook 12.3): at-most-once. A dropped misfire is no big deal, but
// counting one twice would make a healthy engine look broken. Offsets are committed before
// processing, so when consumer 1 crashes after processing a batch (before writing it), that
// batch is skipped: some events are lost, none are counted twice.
// Misfires are counted per car in 10-second tumbling windows of event time; events more than
// 5 seconds late (by the watermark) are dropped as late.
const CARS = 25;

export default {
  name: 'Engine misfire events',
  description: 'At-most-once, windowed counts per car, append-only sink (Cookbook 12.3).',
  cluster: 'classroom',
  brokers: 3,
  durationMs: 60_000,
  topic: { name: 'misfires', partitions: 3, replicationFactor: 2 },
  producers: [
    {
      id: 'engine-sensors',
      ratePerSec: 50,
      acks: 1,
      generate({ index, now, rng }) {
        // One event in twenty arrives 20 s late (a car that was out of coverage).
        const late = rng.int(20) === 0;
        return {
          key: `car-${rng.int(CARS)}`,
          value: { cylinder: 1 + (index % 4) },
          eventTime: late ? Math.max(0, now - 20_000) : now,
        };
      },
    },
  ],
  consumers: { count: 2, groupId: 'misfire-alerts', batchIntervalMs: 2000 },
  process(record) {
    return { key: record.key, value: 1 };
  },
  window: { type: 'tumbling', sizeMs: 10_000, watermarkDelayMs: 5_000, aggregate: 'count' },
  sink: 'append',
  delivery: 'at-most-once',
  faults: [{ type: 'crash-consumer', consumer: 1, point: 'after-processing', batch: 10, restartAfterMs: 5_000 }],
  expect: { duplicated: 0 },
};
