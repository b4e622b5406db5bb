import { describe, expect, it } from 'vitest';
import { partitionForKey } from './partitioner';
import { kafkaRun, topic } from './__tests__/kafkaRun';

const payments = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ key: `card-${i % 5}`, value: JSON.stringify({ id: i, cents: 100 + i }) }));

describe('KafkaJS on the simulated Kafka', () => {
  it('sends keyed messages to murmur2 partitions and answers one RecordMetadata per partition', async () => {
    const { kafka, run, host } = kafkaRun([topic('payments', 3)]);
    let metadata: unknown;
    let offsets: unknown;
    const { failures } = await run([
      async () => {
        const producer = kafka.producer();
        await producer.connect();
        metadata = await producer.send({ topic: 'payments', messages: payments(10) });
        await producer.disconnect();
        const admin = kafka.admin();
        offsets = await admin.fetchTopicOffsets('payments');
      },
    ]);
    expect(failures).toEqual([]);
    const perPartition = [0, 1, 2].map((p) => payments(10).filter((m) => partitionForKey(m.key, 3) === p).length);
    expect(metadata).toEqual(
      [0, 1, 2]
        .filter((p) => perPartition[p]! > 0)
        .map((p) => ({
          topicName: 'payments',
          partition: p,
          errorCode: 0,
          baseOffset: '0',
          logAppendTime: '-1',
          logStartOffset: '0',
        })),
    );
    expect(offsets).toEqual(
      [0, 1, 2].map((p) => ({
        partition: p,
        offset: String(perPartition[p]),
        high: String(perPartition[p]),
        low: '0',
      })),
    );
    expect(host.ledger.summarize().appended).toBe(10);
  });

  it("refuses what KafkaJS refuses, with KafkaJS's messages", async () => {
    const { kafka, run } = kafkaRun([topic('payments', 3)]);
    const errors: string[] = [];
    const attempt = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (e) {
        errors.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    };
    await run([
      async () => {
        const producer = kafka.producer({ idempotent: true });
        await attempt(() => producer.send({ topic: 'payments', messages: [{ value: 'x' }] }));
        await producer.connect();
        await attempt(() => producer.send({ topic: 'payments', messages: [{ value: 'x' }], acks: 1 }));
        await attempt(() => producer.send({ topic: 'payments', messages: [{ key: 'k' } as never] }));
        await attempt(() => kafka.consumer({ groupId: 'g' }).commitOffsets([]));
      },
    ]);
    expect(() => kafka.consumer({ groupId: '' })).toThrow('Consumer groupId must be a non-empty string.');
    expect(errors).toEqual([
      'KafkaJSError: The producer is disconnected',
      "KafkaJSNonRetriableError: Not requiring ack for all messages invalidates the idempotent producer's EoS guarantees",
      'KafkaJSNonRetriableError: Invalid message without value for topic "payments": {"key":"k"}',
      'KafkaJSNonRetriableError: Consumer group was not initialized, consumer#run must be called first',
    ]);
  });

  it('a consumer reads from the beginning and auto-commits the next offset to read after each batch', async () => {
    const { kafka, run, host } = kafkaRun([topic('payments', 3)]);
    const seen: string[] = [];
    let committed: unknown;
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'payments', messages: payments(12) });
          const consumer = kafka.consumer({ groupId: 'billing' });
          await consumer.connect();
          await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
          await consumer.run({
            eachMessage: async ({ partition, message }) => {
              seen.push(`${partition}:${message.offset}:${JSON.parse(message.value!.toString()).id}`);
              if (seen.length === 12) {
                void consumer.stop().then(async () => {
                  committed = await kafka.admin().fetchOffsets({ groupId: 'billing', topics: ['payments'] });
                });
              }
            },
          });
        },
      ],
      20_000,
    );
    expect(seen).toHaveLength(12);
    const counts = [0, 1, 2].map((p) => payments(12).filter((m) => partitionForKey(m.key, 3) === p).length);
    expect(committed).toEqual([
      {
        topic: 'payments',
        // The next offset to read; -1 where the group committed nothing (a partition without messages).
        partitions: [0, 1, 2].map((p) => ({
          partition: p,
          offset: counts[p] ? String(counts[p]) : '-1',
          metadata: null,
        })),
      },
    ]);
    const summary = host.ledger.summarize();
    expect([summary.produced, summary.processed, summary.reprocessed]).toEqual([12, 12, 0]);
  });

  it('a handler that throws has the message delivered again (at-least-once), after what came before was committed', async () => {
    const { kafka, run, host, logs } = kafkaRun([topic('gps', 1)]);
    const seen: string[] = [];
    let failOnce = true;
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'gps', messages: ['a', 'b', 'c'].map((value) => ({ value })) });
          const consumer = kafka.consumer({ groupId: 'positions' });
          await consumer.subscribe({ topics: ['gps'], fromBeginning: true });
          await consumer.run({
            eachMessage: async ({ message }) => {
              seen.push(message.value!.toString());
              if (message.value!.toString() === 'b' && failOnce) {
                failOnce = false;
                throw new Error('the store was busy');
              }
              if (seen.length === 4) void consumer.stop();
            },
          });
        },
      ],
      20_000,
    );
    expect(seen).toEqual(['a', 'b', 'b', 'c']);
    expect(logs).toContain('ERROR Error when calling eachMessage: the store was busy');
    const summary = host.ledger.summarize();
    expect([summary.processed, summary.reprocessed]).toEqual([3, 1]);
  });

  it('two consumers of a group split the partitions round robin, each partition owned by one', async () => {
    const { kafka, run, host } = kafkaRun([topic('payments', 5)]);
    const byConsumer: Record<string, Set<number>> = { c1: new Set(), c2: new Set() };
    let total = 0;
    const consume = (name: 'c1' | 'c2') => async () => {
      const consumer = kafka.consumer({ groupId: 'billing' });
      await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition }) => {
          byConsumer[name]!.add(partition);
          total++;
        },
      });
    };
    await run(
      [
        consume('c1'),
        consume('c2'),
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({
            topic: 'payments',
            messages: Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: String(i) })),
          });
        },
      ],
      15_000,
    );
    expect(total).toBe(50);
    const [a, b] = [[...byConsumer.c1!].sort(), [...byConsumer.c2!].sort()];
    expect([...a, ...b].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(a.filter((p) => b.includes(p))).toEqual([]);
    expect(host.groupOf('billing')!.generation).toBe(1);
  });

  it("a consumer spends the lab's processing time on each message: its commit comes after them", async () => {
    const { kafka, run, trace } = kafkaRun([topic('gps', 1)], 1, 10);
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({
            topic: 'gps',
            messages: Array.from({ length: 100 }, (_, i) => ({ value: String(i) })),
          });
          const consumer = kafka.consumer({ groupId: 'positions' });
          await consumer.subscribe({ topics: ['gps'], fromBeginning: true });
          await consumer.run({ eachMessage: async () => {} });
        },
      ],
      10_000,
    );
    const commits = trace.events.filter((e) => e.type === 'offsetsCommitted');
    const joined = trace.events.find((e) => e.type === 'groupRebalanced')!;
    expect(commits.length).toBeGreaterThan(0);
    // 100 messages at 10 ms each: the batch's commit lands at least a second after the group formed.
    expect(commits[0]!.t - joined.t).toBeGreaterThanOrEqual(1000);
    expect(commits.at(-1)!.offsets).toEqual([['gps', 0, 100]]);
  });

  it('gives the same trace for the same programs and seed', async () => {
    const once = async () => {
      const { kafka, run, trace } = kafkaRun([topic('payments', 3)], 7);
      await run(
        [
          async () => {
            const producer = kafka.producer();
            await producer.connect();
            await producer.send({ topic: 'payments', messages: payments(20).map((m) => ({ value: m.value })) });
            const consumer = kafka.consumer({ groupId: 'g' });
            await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
            await consumer.run({ eachMessage: async () => {} });
          },
        ],
        10_000,
      );
      return JSON.stringify(trace.events);
    };
    const [a, b] = [await once(), await once()];
    expect(a).toBe(b);
    expect(a).toContain('groupRebalanced');
  });
});
