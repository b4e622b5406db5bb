// Car GPS positions (Cookbook 12.2): at-least-once. Every car sends its position with a
// timestamp. Losing a position is not fine; processing one twice is, because the store is keyed
// by car and timestamp: the second write just overwrites the first.
// Here consumer 2 crashes after writing a batch but before committing its offsets, so that batch
// is read again by another consumer. The ledger shows it reprocessed, but never duplicated.
const CARS = 40;

export default {
  name: 'Car GPS positions',
  description: 'At-least-once into a key-value store keyed by car and timestamp (Cookbook 12.2).',
  cluster: 'classroom',
  brokers: 3,
  durationMs: 60_000,
  topic: { name: 'car-gps', partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 },
  producers: [
    {
      id: 'cars',
      ratePerSec: 200,
      acks: 'all',
      retries: 5,
      generate({ index, now, rng }) {
        const car = `car-${index % CARS}`;
        return {
          key: car,
          value: { lat: 48.1 + rng.next() / 10, lon: 11.5 + rng.next() / 10, ts: now },
          eventTime: now,
        };
      },
    },
  ],
  consumers: { count: 3, groupId: 'fleet-tracker', assignment: 'range', batchIntervalMs: 1000, sessionTimeoutMs: 3000 },
  // The store key is car + timestamp, so a replayed position lands on the same row.
  process(record) {
    return { key: `${record.key}@${record.value.ts}`, value: record.value };
  },
  sink: 'key-value',
  delivery: 'at-least-once',
  faults: [{ type: 'crash-consumer', consumer: 2, point: 'before-commit', atMs: 20_000, restartAfterMs: 10_000 }],
  expect: { lost: 0, duplicated: 0 },
};
