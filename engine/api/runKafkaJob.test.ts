import { describe, expect, it } from 'vitest';
import { compileJobSource } from '../sandbox/compile';
import { createFunctionRunner } from '../sandbox';
import { runKafkaJob, type KafkaJobOptions } from './runKafkaJob';
import type { TopicConfig } from '../streaming/types';

const payments: TopicConfig = {
  name: 'payments',
  partitions: 3,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  retentionMs: Number.POSITIVE_INFINITY,
  retentionRecords: Number.POSITIVE_INFINITY,
};

const records = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, card: `c${i % 4}`, amount: i }));

const JOB = `import { Kafka } from 'kafkajs';
const kafka = new Kafka({ clientId: 'payments', brokers: ['n1:9092'] });

export async function produce({ records }) {
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  for (const r of records) {
    await producer.send({ topic: 'payments', messages: [{ key: r.card, value: JSON.stringify(r) }] });
  }
  await producer.disconnect();
}

export async function consume({ sink }) {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const p = JSON.parse(message.value.toString());
      await sink.put(p.id, JSON.stringify({ id: p.id, amount: p.amount, at: Date.now() }));
    },
  });
}
`;

function options(text: string, extra: Partial<KafkaJobOptions> = {}): KafkaJobOptions {
  return {
    runner: createFunctionRunner({ macrotask: (fn) => setImmediate(fn) }),
    source: compileJobSource(text, 'payments.js'),
    seed: 7,
    topics: [payments],
    programs: [
      { fn: 'produce', input: { records }, sink: false },
      { fn: 'consume', input: {}, sink: true },
      { fn: 'consume', input: {}, sink: true },
    ],
    untilMs: 30_000,
    groupId: 'billing',
    ...extra,
  };
}

describe('runKafkaJob: a learner KafkaJS program against the simulated Kafka, through the sandbox', () => {
  it('produces, consumes and stores every record once, with the ledger to show it', async () => {
    const report = await runKafkaJob(options(JOB));
    expect(report.ledger.produced).toBe(30);
    expect(report.ledger.stored).toBe(30);
    expect(report.ledger.lost).toBe(0);
    expect(report.ledger.duplicated).toBe(0);
    expect(report.sinkRows).toHaveLength(30);
    expect(report.partitions.map((p) => p.logEndOffset).reduce((a, b) => a + b, 0)).toBe(30);
    expect(report.partitions.every((p) => p.lag === 0)).toBe(true);
    expect(report.group).toMatchObject({ groupId: 'billing', members: 2 });
    // The consumers run until the run's simulated time is over.
    expect(report.ended).toBe('time');
    expect(report.simulatedMs).toBe(30_000);
    // Date.now() in the program reads the simulated clock.
    const at = report.sinkRows.map((r) => (JSON.parse(r.value) as { at: number }).at);
    expect(Math.min(...at)).toBeGreaterThan(0);
    expect(Math.max(...at)).toBeLessThan(30_000);
  });

  it('gives the same trace, byte for byte, for the same program and seed', async () => {
    const a = await runKafkaJob(options(JOB));
    const b = await runKafkaJob(options(JOB));
    expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
    expect(b.sinkRows).toEqual(a.sinkRows);
  });

  it("names the learner's line when a call the simulated Kafka refuses fails the program", async () => {
    const bad = JOB.replace("topic: 'payments', messages", "topic: 'payments', acks: 0, messages");
    await expect(runKafkaJob(options(bad))).rejects.toMatchObject({
      line: 8,
      message: expect.stringMatching(/payments\.js:8.*EoS guarantees/s) as unknown,
    });
  });

  it('refuses a batch job, a missing function and an unknown import, each with what to do', async () => {
    const batch = 'export default async (sc) => 1;';
    await expect(runKafkaJob(options(batch))).rejects.toThrow(
      /is a batch job \(it has a default export\), not a KafkaJS program/,
    );
    await expect(runKafkaJob(options(JOB.replace('function consume', 'function eat')))).rejects.toThrow(
      /must export `export async function consume\(\.\.\.\)`; it exports eat, produce/,
    );
    expect(() =>
      compileJobSource("import fs from 'fs';\nexport default fs.readFileSync('/etc/passwd');", 'x.js'),
    ).toThrow(/x\.js:1: Error: Cannot find module 'fs': a job can import only 'kafkajs'/);
  });
});

describe('runKafkaJob: what a program gets is deterministic and bounded', () => {
  const program = (body: string) => `import { Kafka } from 'kafkajs';
const kafka = new Kafka({ clientId: 'x', brokers: ['n1:9092'] });
export async function produce({ records }) {
${body}
}
`;
  it('seeds Math.random, reads Date on the simulated clock, and lets Date and Buffer be used as in Node', async () => {
    const text = program(`
  const producer = kafka.producer();
  await producer.connect();
  class Stamp extends Date { get label() { return 'at ' + this.getTime(); } }
  const s = new Stamp();
  const value = JSON.stringify({ id: 'r', now: Date.now(), ctor: new Date().constructor.now(), stamp: s instanceof Stamp && s.label, buf: Buffer.from('hé').toString() });
  await producer.send({ topic: 'payments', messages: [{ key: String(Math.random()), value: Buffer.from(value) }] });`);
    const run = (seed: number) =>
      runKafkaJob(options(text, { seed, programs: [{ fn: 'produce', input: {}, sink: false }] }));
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    const keys = (r: typeof a) => r.film.flatMap((f) => f.records.map((x) => x[3]));
    expect(keys(a)).toEqual(keys(b));
    expect(keys(c)).not.toEqual(keys(a));
    // The value's fields come from the film's record id only; the rest is checked in the log.
    const produced = a.film.flatMap((f) => f.records);
    expect(produced).toHaveLength(1);
    expect(produced[0]![2]).toBe('r');
  });

  it("refuses sends past the run's characters, topics past its partitions and names Kafka does not allow", async () => {
    const big = program(`
  const producer = kafka.producer();
  await producer.connect();
  const value = 'x'.repeat(1_000_000);
  for (let i = 0; i < 70; i++) await producer.send({ topic: 'payments', messages: [{ value }] });`);
    await expect(runKafkaJob(options(big, { programs: [{ fn: 'produce', input: {}, sink: false }] }))).rejects.toThrow(
      /payments\.js:8: KafkaJSNonRetriableError: this run may produce at most 64000000 characters/,
    );
    const topics = program(`
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'big', numPartitions: 100000000 }] });`);
    await expect(
      runKafkaJob(options(topics, { programs: [{ fn: 'produce', input: {}, sink: false }] })),
    ).rejects.toThrow(
      /payments\.js:7: KafkaJSNonRetriableError: Invalid numPartitions 100000000 .*at most 1000 partitions/,
    );
    const name = program(`
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: '../etc', messages: [{ value: 'a' }] });`);
    await expect(runKafkaJob(options(name, { programs: [{ fn: 'produce', input: {}, sink: false }] }))).rejects.toThrow(
      /payments\.js:7: KafkaJSNonRetriableError: Invalid topic "\.\.\/etc": Kafka's topic names are letters/,
    );
  });
});
