// Kafka transactions through KafkaJS: what read_committed consumers see, consume-transform-produce
// with the consumed offsets committed in the transaction, fencing, and KafkaJS's refusals.
import { describe, expect, it } from 'vitest';
import { kafkaRun, topic } from './__tests__/kafkaRun';

describe('Kafka transactions through KafkaJS', () => {
  it('read_committed consumers see a committed transaction, never an aborted one; read_uncommitted sees both', async () => {
    const { kafka, run, host } = kafkaRun([topic('out', 1)]);
    const committedView: string[] = [];
    const uncommittedView: string[] = [];
    await run(
      [
        async () => {
          const producer = kafka.producer({ transactionalId: 'payments-tx' });
          await producer.connect();
          const t1 = await producer.transaction();
          await t1.send({ topic: 'out', messages: [{ value: 'a' }, { value: 'b' }] });
          await t1.abort();
          const t2 = await producer.transaction();
          await t2.send({ topic: 'out', messages: [{ value: 'c' }] });
          await t2.commit();
          for (const [groupId, readUncommitted, seen] of [
            ['committed', false, committedView],
            ['uncommitted', true, uncommittedView],
          ] as const) {
            const consumer = kafka.consumer({ groupId, readUncommitted });
            await consumer.subscribe({ topics: ['out'], fromBeginning: true });
            await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
          }
        },
      ],
      30_000,
    );
    expect(committedView).toEqual(['c']);
    expect(uncommittedView).toEqual(['a', 'b', 'c']);
    // a, b, the abort marker, c, the commit marker: the markers take offsets consumers never see.
    expect(host.brokers.partition('out', 0).log.logEndOffset).toBe(5);
    expect(host.groupOf('committed')!.committedOffsets()).toEqual([{ topic: 'out', partition: 0, offset: 5 }]);
  });

  it('an open transaction holds read_committed consumers at its first record, until it ends', async () => {
    const { kafka, run } = kafkaRun([topic('out', 1)]);
    const seen: { value: string }[] = [];
    let committedAt = 0;
    await run(
      [
        async () => {
          const tx = kafka.producer({ transactionalId: 't' });
          const plain = kafka.producer();
          await tx.connect();
          await plain.connect();
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['out'], fromBeginning: true });
          await consumer.run({
            eachMessage: async ({ message }) => void seen.push({ value: message.value!.toString() }),
          });
          const txn = await tx.transaction();
          await txn.send({ topic: 'out', messages: [{ value: 'in-txn' }] });
          await plain.send({ topic: 'out', messages: [{ value: 'after' }] });
          // Nothing is visible yet: the transaction's first record is the last stable offset.
          await kafka.admin().fetchTopicOffsets('out');
          await txn.commit();
          committedAt = seen.length;
        },
      ],
      30_000,
    );
    expect(committedAt).toBe(0);
    expect(seen.map((s) => s.value)).toEqual(['in-txn', 'after']);
  });

  it('consume-transform-produce with sendOffsets: every input once in the output, its offsets committed with it', async () => {
    const { kafka, run, host } = kafkaRun([topic('in', 2), topic('out', 2)]);
    await run(
      [
        async () => {
          const source = kafka.producer();
          await source.connect();
          await source.send({
            topic: 'in',
            messages: Array.from({ length: 10 }, (_, i) => ({ key: `card-${i % 3}`, value: String(i * 100) })),
          });
          const producer = kafka.producer({ transactionalId: 'billing-tx', idempotent: true, maxInFlightRequests: 1 });
          await producer.connect();
          const consumer = kafka.consumer({ groupId: 'billing' });
          await consumer.subscribe({ topics: ['in'], fromBeginning: true });
          await consumer.run({
            autoCommit: false,
            eachMessage: async ({ topic: t, partition, message }) => {
              const txn = await producer.transaction();
              await txn.send({ topic: 'out', messages: [{ key: message.key, value: `${message.value} cents` }] });
              await txn.sendOffsets({
                consumerGroupId: 'billing',
                topics: [{ topic: t, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }],
              });
              await txn.commit();
            },
          });
        },
      ],
      30_000,
    );
    const out = [0, 1].flatMap((p) =>
      host.brokers
        .partition('out', p)
        .log.read(0, 100, Number.POSITIVE_INFINITY)
        .filter((r) => r.control === undefined)
        .map((r) => r.value),
    );
    expect([...out].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `${i * 100} cents`).sort());
    const offsets = host.groupOf('billing')!.committedOffsets();
    expect(offsets.reduce((n, o) => n + o.offset, 0)).toBe(10);
  });

  it('a new producer with the same transactional id fences the old one and aborts what it left open', async () => {
    const { kafka, run, trace } = kafkaRun([topic('out', 1)]);
    const errors: string[] = [];
    await run(
      [
        async () => {
          const zombie = kafka.producer({ transactionalId: 't' });
          await zombie.connect();
          const open = await zombie.transaction();
          await open.send({ topic: 'out', messages: [{ value: 'zombie' }] });
          const fresh = kafka.producer({ transactionalId: 't' });
          await fresh.connect();
          const txn = await fresh.transaction();
          await open
            .send({ topic: 'out', messages: [{ value: 'late' }] })
            .catch((e: Error & { type?: string }) => errors.push(`${e.name} ${e.type}: ${e.message}`));
          await open.commit().catch((e: Error & { type?: string }) => errors.push(`${e.name} ${e.type}: ${e.message}`));
          await txn.send({ topic: 'out', messages: [{ value: 'fresh' }] });
          await txn.commit();
        },
      ],
      30_000,
    );
    expect(errors).toEqual([
      'KafkaJSProtocolError INVALID_PRODUCER_EPOCH: Producer attempted an operation with an old epoch',
      'KafkaJSProtocolError INVALID_PRODUCER_EPOCH: Producer attempted an operation with an old epoch',
    ]);
    expect(trace.events.filter((e) => e.type === 'transactionAborted').map((e) => e.why)).toEqual(['fenced']);
  });

  it("refuses what KafkaJS refuses, with KafkaJS's messages", async () => {
    const { kafka, run } = kafkaRun([topic('out', 1)]);
    const errors: string[] = [];
    const attempt = (f: () => Promise<unknown>) => f().catch((e: Error) => void errors.push(e.message));
    await run(
      [
        async () => {
          const plain = kafka.producer();
          await plain.connect();
          await attempt(() => plain.transaction());
          const tx = kafka.producer({ transactionalId: 't' });
          await tx.connect();
          const txn = await tx.transaction();
          await attempt(() => tx.transaction());
          await attempt(() => txn.send({ topic: 'out', messages: [{ value: 'x' }], acks: 1 }));
          await txn.commit();
          await attempt(() => txn.send({ topic: 'out', messages: [{ value: 'x' }] }));
          await attempt(() => txn.abort());
        },
      ],
      30_000,
    );
    expect(errors).toEqual([
      'Must provide transactional id for transactional producer',
      'There is already an ongoing transaction for this producer. Please end the transaction before beginning another.',
      "Not requiring ack for all messages invalidates the idempotent producer's EoS guarantees",
      'Cannot continue to use transaction once ended',
      'Cannot continue to use transaction once ended',
    ]);
  });
});
