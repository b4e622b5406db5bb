/**
 * A consumer whose eachMessage throws (a typo, a `throw new Error`): the run's report names the
 * consumer, the message, the learner's line and what KafkaJS did next, as KafkaJS's runner does
 * (the offset not committed, the message again, a crash after the retries or at once).
 */
import { describe, expect, it } from 'vitest';
import { compileJobSource } from '../sandbox/compile';
import { createFunctionRunner } from '../sandbox';
import { runKafkaJob, type KafkaJobOptions } from './runKafkaJob';
import { handlerFailureText, handlerNextText } from '../streaming';

const records = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, card: `c${i % 3}`, cents: i * 100 }));

/** A program whose consumer runs `handler` (line 17 of the file is the handler's line). */
const program = (handler: string) => `import { Kafka } from 'kafkajs';
const kafka = new Kafka({ clientId: 'payments', brokers: ['n1:9092'] });

export async function produce({ records }) {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'payments', messages: records.map((r) => ({ key: r.card, value: JSON.stringify(r) })) });
  await producer.disconnect();
}

export async function consume({ sink }) {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const p = JSON.parse(message.value.toString()); ${handler}
      await sink.put(p.id, JSON.stringify(p));
    },
  });
}
`;

function options(text: string): KafkaJobOptions {
  return {
    runner: createFunctionRunner({ macrotask: (fn) => setImmediate(fn) }),
    source: compileJobSource(text, 'payments.js'),
    seed: 3,
    topics: [
      {
        name: 'payments',
        partitions: 1,
        replicationFactor: 3,
        minInsyncReplicas: 2,
        retentionMs: Number.POSITIVE_INFINITY,
        retentionRecords: Number.POSITIVE_INFINITY,
      },
    ],
    programs: [
      { fn: 'produce', input: { records }, sink: false },
      { fn: 'consume', input: {}, sink: true },
    ],
    untilMs: 60_000,
    groupId: 'billing',
  };
}

describe('a consumer handler that throws', () => {
  it('a typo (TypeError): named with its line and message, not retried, the consumer stopped for good', async () => {
    const report = await runKafkaJob(options(program('p.cents.toFixd(1);')));
    expect(report.handlerErrors).toHaveLength(1);
    const e = report.handlerErrors![0]!;
    expect(e).toMatchObject({
      consumer: 1,
      groupId: 'billing',
      handler: 'eachMessage',
      topic: 'payments',
      partition: 0,
      offset: 0,
      name: 'TypeError',
      where: 'payments.js:17',
      line: 17,
      times: 1,
      last: 'stop',
      crashes: 1,
    });
    expect(e.message).toContain('toFixd is not a function');
    expect(e.memberId).toMatch(/^payments-/);
    expect(handlerFailureText(e)).toContain("consumer 1's eachMessage (group billing) threw at line 17 (TypeError:");
    expect(handlerNextText(e)).toContain('KafkaJS did not commit offset 0; a TypeError is not retried');
    // Nothing stored, nothing committed: the records are still on their way.
    expect(report.sinkRows).toHaveLength(0);
    expect(report.partitions[0]!.committed).toBeNull();
    const traced = report.trace.filter((t) => t.type === 'handlerFailed');
    expect(traced).toHaveLength(1);
    expect(traced[0]).toMatchObject({ where: 'payments.js:17', offset: 0, next: 'stop' });
  });

  it('an Error: retried five times at the same message, then the consumer crashes and restarts from the last commit', async () => {
    const report = await runKafkaJob(options(program("if (p.id === 'p4') throw new Error('boom');")));
    const e = report.handlerErrors![0]!;
    expect(e).toMatchObject({ name: 'Error', message: 'boom', offset: 4, line: 17, retries: 5 });
    // The first try and 5 retries, then a crash; again after the restart.
    expect(e.times).toBeGreaterThanOrEqual(6);
    expect(e.crashes).toBeGreaterThanOrEqual(1);
    const nexts = report.trace.filter((t) => t.type === 'handlerFailed').map((t) => t.next);
    expect(nexts.slice(0, 6)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'restart']);
    // Every failure was at the same message: it is never committed past.
    expect(new Set(report.trace.filter((t) => t.type === 'handlerFailed').map((t) => t.offset))).toEqual(new Set([4]));
    expect(handlerNextText(e)).toContain('after 5 retries it crashed the consumer (KafkaJSNumberOfRetriesExceeded)');
  });

  it('eachBatch: the failure is at the first message the handler had not resolved', async () => {
    const text = program('').replace(
      /eachMessage: async \(\{ message \}\) => \{[\s\S]*?\n {4}\},\n/,
      `eachBatch: async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        if (message.offset === '3') throw new RangeError('bad reading');
        resolveOffset(message.offset);
      }
    },
`,
    );
    expect(text).toContain('eachBatch');
    const report = await runKafkaJob(options(text));
    expect(report.handlerErrors![0]).toMatchObject({
      handler: 'eachBatch',
      offset: 3,
      name: 'RangeError',
      message: 'bad reading',
      line: 18,
      last: 'stop',
    });
  });

  it('a run whose handlers never throw has no handlerErrors (its report is as before)', async () => {
    const report = await runKafkaJob(options(program('')));
    expect(report).not.toHaveProperty('handlerErrors');
    expect(report.trace.some((t) => t.type === 'handlerFailed')).toBe(false);
  });

  it('is deterministic: the same program and seed give the same report', async () => {
    const a = await runKafkaJob(options(program("if (p.id === 'p4') throw new Error('boom');")));
    const b = await runKafkaJob(options(program("if (p.id === 'p4') throw new Error('boom');")));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
