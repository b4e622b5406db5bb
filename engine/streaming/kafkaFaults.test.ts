// Faults in KafkaJS runs: a consumer crashing at a chosen point of a message, a broker killed, a
// producer's network cut. What the learner's code does about them is what the ledger shows.
import { describe, expect, it } from 'vitest';
import { kafkaRun, topic } from './__tests__/kafkaRun';
import type { KafkaCrashPoint } from './kafkaFaults';

/** Two consumers committing after each message, consumer 1 crashing at its 2nd message at `point`. */
async function crashRun(point: KafkaCrashPoint) {
  const { kafka, run, host, trace } = kafkaRun([topic('gps', 2)], 1, 0, [
    { kind: 'crashConsumer', consumer: 1, atMessage: 2, point },
  ]);
  const consume = () => async () => {
    const consumer = kafka.consumer({ groupId: 'positions' });
    await consumer.subscribe({ topics: ['gps'], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: t, partition, message }) => {
        await consumer.commitOffsets([{ topic: t, partition, offset: String(Number(message.offset) + 1) }]);
      },
    });
  };
  await run(
    [
      async () => {
        const producer = kafka.producer();
        await producer.connect();
        await producer.send({
          topic: 'gps',
          messages: Array.from({ length: 8 }, (_, i) => ({ value: String(i), partition: i % 2 })),
        });
      },
      consume(),
      consume(),
    ],
    120_000,
  );
  return { summary: host.ledger.summarize(), trace };
}

describe('faults in KafkaJS runs', () => {
  it('a crash after processing, before the commit: the partition moves after the session timeout and the message is processed again', async () => {
    const { summary, trace } = await crashRun('after-processing');
    expect(trace.events.filter((e) => e.type === 'consumerCrashed')).toHaveLength(1);
    expect(trace.events.some((e) => e.type === 'sessionExpired')).toBe(true);
    expect([summary.processed, summary.reprocessed]).toEqual([8, 1]);
  });

  it('a crash after the commit: the next owner starts after the message, nothing is processed twice', async () => {
    const { summary } = await crashRun('after-commit');
    expect([summary.processed, summary.reprocessed]).toEqual([8, 0]);
  });

  it('a crash before processing: the message is handed to the next owner, once', async () => {
    const { summary } = await crashRun('before-processing');
    expect([summary.processed, summary.reprocessed]).toEqual([8, 0]);
  });

  it("a killed broker's partitions elect new leaders; acks -1 sends retry and every record is written once", async () => {
    const { kafka, run, host, trace } = kafkaRun([topic('payments', 3)], 1, 0, [
      { kind: 'killBroker', broker: 'n1', atMs: 200 },
    ]);
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          for (let i = 0; i < 40; i++)
            await producer.send({ topic: 'payments', messages: [{ key: `card-${i % 7}`, value: String(i) }] });
        },
      ],
      120_000,
    );
    expect(trace.events.some((e) => e.type === 'brokerDied')).toBe(true);
    const summary = host.ledger.summarize();
    expect([summary.produced, summary.appended, summary.logDuplicated]).toEqual([40, 40, 0]);
    expect([0, 1, 2].every((p) => host.brokers.leaderOf('payments', p) !== 'n1')).toBe(true);
  });

  it('answers lost in a network cut: a retry writes the record twice, unless the producer is idempotent', async () => {
    const duplicates = async (idempotent: boolean) => {
      const { kafka, run, host } = kafkaRun([topic('payments', 1)], 1, 0, [
        // The request arrives at 1 ms; the cut swallows the answer; the retry after the 30 s timeout gets through.
        { kind: 'cutNetwork', producer: 1, fromMs: 5, toMs: 10_000 },
      ]);
      let sent: unknown;
      await run(
        [
          async () => {
            const producer = kafka.producer({ idempotent });
            await producer.connect();
            sent = await producer.send({ topic: 'payments', messages: [{ value: 'card-1 pays 12.50' }] });
          },
        ],
        120_000,
      );
      expect(sent).toHaveLength(1);
      return host.ledger.summarize().logDuplicated;
    };
    expect(await duplicates(false)).toBe(1);
    expect(await duplicates(true)).toBe(0);
  });
});

describe('the sink and the ledger under a crash (Cookbook 12.2-12.3)', () => {
  /** GPS readings, each with its own id; consumer 1 crashes after processing its 2nd, before committing it. */
  async function gps(write: 'put' | 'append') {
    const { kafka, run, host, sink } = kafkaRun([topic('gps', 2)], 1, 0, [
      { kind: 'crashConsumer', consumer: 1, atMessage: 2, point: 'after-processing' },
    ]);
    const consume = () => async () => {
      const consumer = kafka.consumer({ groupId: 'positions' });
      await consumer.subscribe({ topics: ['gps'], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic: t, partition, message }) => {
          const reading = JSON.parse(message.value!.toString()) as { id: string };
          if (write === 'put') await sink.put(reading.id, message.value!);
          else await sink.append(message.value!);
          await consumer.commitOffsets([{ topic: t, partition, offset: String(Number(message.offset) + 1) }]);
        },
      });
    };
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({
            topic: 'gps',
            messages: Array.from({ length: 8 }, (_, i) => ({
              key: `car-${i % 2}`,
              value: JSON.stringify({ id: `r${i}`, car: `car-${i % 2}`, lat: 52 + i / 100 }),
            })),
          });
        },
        consume(),
        consume(),
      ],
      120_000,
    );
    host.settleLedger((_key, value) => (value === null ? null : (JSON.parse(value) as { id: string }).id), 'positions');
    return host.ledger.summarize();
  }

  it('at-least-once into an idempotent store (put by the reading id): reprocessed, yet each reading stored once', async () => {
    const s = await gps('put');
    expect([s.produced, s.reprocessed, s.stored, s.duplicated, s.lost]).toEqual([8, 1, 8, 0, 0]);
  });

  it('at-least-once into an append-only store: the reprocessed reading is stored twice', async () => {
    const s = await gps('append');
    expect([s.produced, s.reprocessed, s.stored, s.duplicated, s.lost]).toEqual([8, 1, 8, 1, 0]);
  });
});
