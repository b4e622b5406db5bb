// Card payments (Cookbook 12.4): exactly-once. A payment must not be dropped (it would not go
// through) nor booked twice (the customer would pay twice).
// The producer is idempotent with acks='all', so the network outage and the broker death cost
// retries but neither duplicates nor losses in the log. The transactional sink commits each
// batch's bookings together with the consumer offsets, so the consumer crash between writing and
// committing throws that batch away and it is booked once, later.
interface Payment {
  card: string;
  amountCents: number;
}

export default {
  name: 'Card payments',
  description: 'Exactly-once with an idempotent producer and a transactional sink (Cookbook 12.4).',
  cluster: 'cookbook-9',
  brokers: 5,
  durationMs: 60_000,
  topic: { name: 'payments', partitions: 12, replicationFactor: 3, minInsyncReplicas: 2 },
  producers: [
    {
      id: 'card-terminals',
      ratePerSec: 500,
      acks: 'all' as const,
      retries: 20,
      idempotent: true,
      generate({ index, rng }: { index: number; rng: { int(n: number): number } }) {
        const payment: Payment = { card: `card-${rng.int(1000)}`, amountCents: 100 + rng.int(20_000) };
        return { key: payment.card, value: { ...payment, paymentId: `pay-${index}` } };
      },
    },
  ],
  consumers: { count: 4, groupId: 'ledger-writer', assignment: 'round-robin' as const, batchIntervalMs: 500 },
  process(record: { value: Payment & { paymentId: string } }) {
    return { key: record.value.paymentId, value: record.value.amountCents };
  },
  sink: 'transactional' as const,
  delivery: 'exactly-once' as const,
  faults: [
    { type: 'drop-network', producer: 'card-terminals', fromMs: 10_000, toMs: 12_000 },
    { type: 'kill-broker', node: 'n2', atMs: 25_000, restartAfterMs: 15_000 },
    { type: 'crash-consumer', consumer: 3, point: 'before-commit', atMs: 30_000, restartAfterMs: 5_000 },
  ],
  expect: { lost: 0, duplicated: 0 },
};
