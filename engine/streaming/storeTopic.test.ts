// Exactly once through Kafka (Cookbook 12.4): a consume-transform-produce program's output topic is
// the store, read as read_committed readers see it; a crash takes down the consumer's whole program
// call, its transactional producer with it, and the coordinator aborts what it left open.
import { describe, expect, it } from 'vitest';
import { kafkaRun, topic } from './__tests__/kafkaRun';
import { checkKafkaFaults } from './kafkaFaultCheck';
import type { KafkaFault } from './kafkaFaults';

const id = (_key: string | null, value: string | null) =>
  value === null ? null : ((JSON.parse(value) as { id?: string }).id ?? null);

/** 12 payments, billed by two consumers to 'billed'; in transactions or not. */
async function billing(transactions: boolean, faults: KafkaFault[]) {
  const r = kafkaRun([topic('payments', 2), topic('billed', 2)], 1, 10, faults, { storeTopic: 'billed', recordId: id });
  const { kafka, run, host, trace } = r;
  const consume = (n: number) => async () => {
    const consumer = kafka.consumer({ groupId: 'billing' });
    const producer = transactions
      ? kafka.producer({ transactionalId: `billing-${n}`, idempotent: true, maxInFlightRequests: 1 })
      : kafka.producer();
    await Promise.all([consumer.connect(), producer.connect()]);
    await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: t, partition, message }) => {
        const next = String(Number(message.offset) + 1);
        const bill = { topic: 'billed', messages: [{ key: message.key, value: message.value!.toString() }] };
        if (!transactions) {
          await producer.send(bill);
          await consumer.commitOffsets([{ topic: t, partition, offset: next }]);
          return;
        }
        const txn = await producer.transaction();
        await txn.send(bill);
        await txn.sendOffsets({
          consumerGroupId: 'billing',
          topics: [{ topic: t, partitions: [{ partition, offset: next }] }],
        });
        await txn.commit();
      },
    });
  };
  const { failures } = await run(
    [
      async () => {
        const producer = kafka.producer({ idempotent: true });
        await producer.connect();
        await producer.send({
          topic: 'payments',
          messages: Array.from({ length: 12 }, (_, i) => ({
            key: `card-${i % 3}`,
            value: JSON.stringify({ id: `pay-${i}` }),
          })),
        });
      },
      consume(1),
      consume(2),
    ],
    150_000,
  );
  expect(failures).toEqual([]);
  host.settleLedger(id, 'billing');
  return { ledger: host.ledger.summarize(), rows: host.sink.rows(), trace: trace.events };
}

const crash: KafkaFault = { kind: 'crashConsumer', consumer: 1, atMessage: 2, point: 'after-processing' };

describe('the store topic: exactly once with transactions', () => {
  it('without transactions, a bill written before the crash is billed again: in the store twice', async () => {
    const { ledger } = await billing(false, [crash]);
    // The bills are rows, not records the ledger follows: 12 payments produced, not 12 + the bills.
    expect([ledger.produced, ledger.stored, ledger.duplicated, ledger.lost, ledger.pending]).toEqual([12, 12, 1, 0, 0]);
  });

  it('with transactions, the crash takes the producer with it; its transaction is aborted and the payment billed once', async () => {
    const { ledger, rows, trace } = await billing(true, [crash]);
    expect([ledger.produced, ledger.stored, ledger.duplicated, ledger.lost, ledger.pending]).toEqual([12, 12, 0, 0, 0]);
    expect(ledger.reprocessed).toBe(1);
    expect(rows).toHaveLength(12);
    // The crash dropped the transaction's sendOffsets (the producer was the consumer's own), and the
    // coordinator aborted the open transaction once its timeout (60 s) had passed.
    const crashed = trace.find((e) => e.type === 'consumerCrashed')!;
    const aborted = trace.find((e) => e.type === 'transactionAborted')!;
    expect(aborted).toMatchObject({ transactionalId: 'billing-1', why: 'timeout' });
    expect(aborted.t - crashed.t).toBeGreaterThanOrEqual(59_000);
    // Each committed transaction's offsets reach the trace, as a member's commit does.
    expect(trace.some((e) => e.type === 'offsetsCommitted' && e.transactional === true)).toBe(true);
    // A row appears when its transaction commits, never for an aborted one.
    const rowTimes = trace.filter((e) => e.type === 'sinkWritten' && e.kind === 'topic');
    expect(rowTimes).toHaveLength(12);
  });
});

describe('faults are checked before a run', () => {
  it('names the field of a forged fault', () => {
    const bad = (faults: unknown) => () => checkKafkaFaults(faults, ['n1', 'n2', 'n3']);
    expect(bad('crash')).toThrow(/^faults: must be an array/);
    expect(bad([{ kind: 'explode' }])).toThrow(/faults\[0\]\.kind: must be crashConsumer, killBroker or cutNetwork/);
    expect(bad([{ kind: 'crashConsumer', consumer: 0, atMessage: 1, point: 'before-processing' }])).toThrow(
      /faults\[0\]\.consumer: must be an integer from 1/,
    );
    expect(bad([{ kind: 'crashConsumer', consumer: 1, atMessage: 1, point: 'later' }])).toThrow(/faults\[0\]\.point/);
    expect(bad([{ kind: 'killBroker', broker: 'n9', atMs: 0 }])).toThrow(
      /faults\[0\]\.broker: must be one of the brokers \(n1, n2, n3\)/,
    );
    expect(bad([{ kind: 'cutNetwork', producer: 1, fromMs: 500, toMs: 100 }])).toThrow(
      /faults\[0\]\.toMs: must be an integer from 500/,
    );
    expect(bad(Array.from({ length: 101 }, () => ({ kind: 'killBroker', broker: 'n1', atMs: 0 })))).toThrow(
      /at most 100/,
    );
    expect(
      checkKafkaFaults([{ kind: 'killBroker', broker: 'n2', atMs: 10, restartAfterMs: 5, extra: 1 }], ['n2']),
    ).toEqual([{ kind: 'killBroker', broker: 'n2', atMs: 10, restartAfterMs: 5 }]);
  });
});

describe('a crashed consumer does nothing more', () => {
  it('crashed when handed a message, it never runs the handler for it or for the rest of its batch', async () => {
    // The coordinator gives the one partition to the second member (its id sorts first).
    const { kafka, run, host, sink, trace } = kafkaRun(
      [topic('t', 1)],
      1,
      10,
      [{ kind: 'crashConsumer', consumer: 2, atMessage: 2, point: 'before-processing' }],
      { recordId: id },
    );
    const { failures } = await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({
            topic: 't',
            messages: Array.from({ length: 8 }, (_, i) => ({ value: JSON.stringify({ id: `r${i}` }) })),
          });
        },
        ...[1, 2].map(() => async () => {
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.connect();
          await consumer.subscribe({ topics: ['t'], fromBeginning: true });
          // Auto-commit, and a handler that makes no call of the consumer's own: it would go on
          // through the batch if it were not stopped at the crash.
          await consumer.run({
            eachMessage: async ({ message }) => {
              await sink.append(message.value!);
            },
          });
        }),
      ],
      90_000,
    );
    expect(failures).toEqual([]);
    host.settleLedger(id, 'g');
    const writes = trace.events.filter((e) => e.type === 'sinkWritten');
    const crashedAt = trace.events.find((e) => e.type === 'consumerCrashed')!.t;
    // Consumer 2 wrote r0 and nothing after it crashed; consumer 1 took the partition over from the
    // last commit (none: auto-commit comes after the batch) and wrote all eight.
    expect(writes.filter((e) => e.t <= crashedAt).map((e) => e.record)).toEqual(['r0']);
    expect(host.ledger.summarize()).toMatchObject({ stored: 8, duplicated: 1, lost: 0 });
  });
});
