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
    await expect(runKafkaJob(options(batch))).rejects.toThrow(/is a batch job, not a KafkaJS program/);
    await expect(runKafkaJob(options(JOB.replace('function consume', 'function eat')))).rejects.toThrow(
      /must export `export async function consume\(\.\.\.\)`; it exports eat, produce/,
    );
    expect(() =>
      compileJobSource("import fs from 'fs';\nexport default fs.readFileSync('/etc/passwd');", 'x.js'),
    ).toThrow(/x\.js:1: Error: Cannot find module 'fs': a job can import only 'kafkajs'/);
  });
});
