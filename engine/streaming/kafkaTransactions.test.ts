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

describe('transaction lifecycles, as a second review found them', () => {
  it('a transaction the coordinator aborted on its timeout fences the producer: later calls fail, nothing is half published', async () => {
    const { kafka, run, host } = kafkaRun([topic('out', 1)]);
    const errors: string[] = [];
    await run(
      [
        async () => {
          const producer = kafka.producer({ transactionalId: 'slow', transactionTimeout: 50 });
          await producer.connect();
          const txn = await producer.transaction();
          await txn.send({ topic: 'out', messages: [{ value: 'A' }] });
          await kafka.admin().fetchTopicOffsets('out');
          await kafka.admin().createTopics({ topics: [{ topic: 'wait-a-bit' }] });
          for (let i = 0; i < 30; i++) await kafka.admin().listTopics();
          await txn
            .send({ topic: 'out', messages: [{ value: 'B' }] })
            .catch((e: Error & { type?: string }) => errors.push(e.type!));
          await txn.commit().catch((e: Error & { type?: string }) => errors.push(e.type!));
        },
      ],
      30_000,
    );
    expect(errors).toEqual(['INVALID_PRODUCER_EPOCH', 'INVALID_PRODUCER_EPOCH']);
    const log = host.brokers.partition('out', 0).log.read(0, 10, Number.POSITIVE_INFINITY);
    expect(log.map((r) => r.control ?? r.value)).toEqual(['A', 'abort']);
  });

  it('refuses a second transaction() while one initialises or commits (KafkaJS state machine)', async () => {
    const { kafka, run } = kafkaRun([topic('out', 1)]);
    const said: string[] = [];
    await run(
      [
        async () => {
          const producer = kafka.producer({ transactionalId: 't' });
          await producer.connect();
          const [a, b] = await Promise.allSettled([producer.transaction(), producer.transaction()]);
          said.push(a.status, b.status === 'rejected' ? (b.reason as Error).message : 'fulfilled');
          const txn = (a as PromiseFulfilledResult<Awaited<ReturnType<typeof producer.transaction>>>).value;
          await txn.send({ topic: 'out', messages: [{ value: 'keep' }] });
          const committing = txn.commit();
          await producer.transaction().catch((e: Error) => said.push(e.message));
          await committing;
          const next = await producer.transaction();
          said.push(String(next.isActive()));
          await next.abort();
        },
      ],
      30_000,
    );
    expect(said).toEqual([
      'fulfilled',
      'There is already an ongoing transaction for this producer. Please end the transaction before beginning another.',
      'Transaction state exception: Cannot call "beginTransaction" in state "COMMITTING"',
      'true',
    ]);
  });

  it("a read_committed consumer starting at 'latest' starts at the last stable offset, so an open transaction is not skipped", async () => {
    const { kafka, run } = kafkaRun([topic('out', 1)]);
    const seen: string[] = [];
    await run(
      [
        async () => {
          const producer = kafka.producer({ transactionalId: 't' });
          await producer.connect();
          const txn = await producer.transaction();
          await txn.send({ topic: 'out', messages: [{ value: 'in-txn' }] });
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['out'] });
          await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
          await txn.commit();
        },
      ],
      30_000,
    );
    expect(seen).toEqual(['in-txn']);
  });

  it('eachBatch: lastOffset counts the marker, resolving the last message passes it; commitOffsetsIfNecessary(offsets) commits those', async () => {
    const { kafka, run, host } = kafkaRun([topic('out', 1)]);
    const batches: string[] = [];
    await run(
      [
        async () => {
          const producer = kafka.producer({ transactionalId: 't' });
          await producer.connect();
          const txn = await producer.transaction();
          await txn.send({ topic: 'out', messages: [{ value: 'a' }, { value: 'b' }] });
          await txn.commit();
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['out'], fromBeginning: true });
          await consumer.run({
            autoCommit: false,
            eachBatchAutoResolve: false,
            eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
              batches.push(`${batch.firstOffset()}..${batch.lastOffset()} lag ${batch.offsetLag()}`);
              for (const m of batch.messages) resolveOffset(m.offset);
              await commitOffsetsIfNecessary({
                topics: [{ topic: 'out', partitions: [{ partition: 0, offset: '3' }] }],
              });
            },
          });
        },
      ],
      30_000,
    );
    expect(batches).toEqual(['0..2 lag 0']);
    expect(host.groupOf('g')!.committedOffsets()).toEqual([{ topic: 'out', partition: 0, offset: 3 }]);
  });

  it('offsets are checked as KafkaJS reads them', async () => {
    const { kafka, run } = kafkaRun([topic('out', 1)]);
    const errors: string[] = [];
    await run(
      [
        async () => {
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['out'] });
          await consumer.run({ eachMessage: async () => {} });
          for (const offset of [null, '', true, ' 3 ', '0x4', '-1'])
            await consumer
              .commitOffsets([{ topic: 'out', partition: 0, offset: offset as string }])
              .catch((e: Error) => errors.push(e.message));
          await consumer
            .commitOffsets([{ topic: 'no-such-topic', partition: 0, offset: '1' }])
            .catch((e: Error) => errors.push(e.message));
          await consumer.stop();
        },
      ],
      30_000,
    );
    expect(errors).toEqual([
      'Invalid offset, expected a long received null',
      'Invalid offset, expected a long received ',
      'Invalid offset, expected a long received true',
      'Invalid offset, expected a long received  3 ',
      'Invalid offset, expected a long received 0x4',
      'Offset must not be a negative number',
      'This server does not host this topic-partition',
    ]);
  });
});
