// KafkaJS's consumer rules on the simulated Kafka, each as a learner's program would meet it:
// heartbeats, commits during a rebalance, retries and crashes, the group's first rebalance, and
// the host's answers to calls it refuses at once.
import { describe, expect, it } from 'vitest';
import { kafkaRun, topic } from './__tests__/kafkaRun';
import type { KafkaConsumer } from './kafkajs';

const messages = (n: number) => Array.from({ length: n }, (_, i) => ({ value: String(i) }));

describe("KafkaJS's consumer rules", () => {
  it('a batch longer than the session is kept alive by heartbeats after each message, and committed once', async () => {
    // 2,000 messages at 20 ms each: 40 s of work, past the 30 s session timeout.
    const { kafka, run, host, trace } = kafkaRun([topic('in', 1)], 1, 20);
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'in', messages: messages(2000) });
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['in'], fromBeginning: true });
          await consumer.run({ eachMessage: async () => {} });
        },
      ],
      120_000,
    );
    expect(trace.events.filter((e) => e.type === 'sessionExpired')).toEqual([]);
    const summary = host.ledger.summarize();
    expect([summary.processed, summary.reprocessed]).toEqual([2000, 0]);
    expect(host.groupOf('g')!.committedOffsets()).toEqual([{ topic: 'in', partition: 0, offset: 2000 }]);
  });

  it('eachBatch: a long batch whose handler heartbeats is not evicted either', async () => {
    const { kafka, run, host, trace } = kafkaRun([topic('in', 1)], 1, 20);
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'in', messages: messages(2000) });
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['in'], fromBeginning: true });
          await consumer.run({
            eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
              for (const m of batch.messages) {
                resolveOffset(m.offset);
                await heartbeat();
              }
            },
          });
        },
      ],
      120_000,
    );
    expect(trace.events.filter((e) => e.type === 'sessionExpired')).toEqual([]);
    expect(host.ledger.summarize().reprocessed).toBe(0);
    expect(host.groupOf('g')!.committedOffsets()).toEqual([{ topic: 'in', partition: 0, offset: 2000 }]);
  });

  it('a member that joins mid-batch lets the first finish and commit its batch: nothing is processed twice', async () => {
    const { kafka, run, host } = kafkaRun([topic('in', 1)], 1, 50);
    const seen: Record<string, number> = { c1: 0, c2: 0 };
    const consume = (name: 'c1' | 'c2') => async () => {
      const consumer = kafka.consumer({ groupId: 'g' });
      await consumer.subscribe({ topics: ['in'], fromBeginning: true });
      await consumer.run({ eachMessage: async () => void seen[name]!++ });
    };
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'in', messages: messages(100) });
          await consume('c1')();
          // c2 joins while c1 is in the middle of its 5 s batch.
          const admin = kafka.admin();
          await admin.fetchTopicOffsets('in');
          await consume('c2')();
        },
      ],
      60_000,
    );
    expect(seen.c1! + seen.c2!).toBe(100);
    expect(host.ledger.summarize().reprocessed).toBe(0);
  });

  it('a message that keeps failing is retried 5 times, then the consumer crashes and restarts from the last commit', async () => {
    const { kafka, run, logs } = kafkaRun([topic('in', 1)]);
    let calls = 0;
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'in', messages: messages(1) });
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['in'], fromBeginning: true });
          await consumer.run({
            eachMessage: async () => {
              calls++;
              throw new Error('the database is down');
            },
          });
        },
      ],
      60_000,
    );
    expect(logs.filter((l) => l.startsWith('ERROR Error when calling eachMessage'))).toHaveLength(
      5 * logs.filter((l) => l.startsWith('ERROR Crash')).length,
    );
    expect(logs).toContain('ERROR Crash: KafkaJSNumberOfRetriesExceeded: the database is down');
    // After a crash it starts again, with its retries anew.
    expect(calls).toBeGreaterThan(6);
  });

  it('a TypeError in the handler stops the consumer for good', async () => {
    const { kafka, run, logs, host } = kafkaRun([topic('in', 1)]);
    let calls = 0;
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'in', messages: messages(3) });
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['in'], fromBeginning: true });
          await consumer.run({
            eachMessage: async ({ message }) => {
              calls++;
              (message as unknown as { nope: { x: number } }).nope.x++;
            },
          });
        },
      ],
      60_000,
    );
    expect(calls).toBe(1);
    expect(logs.some((l) => l.startsWith('ERROR Crash: TypeError'))).toBe(true);
    expect(host.groupOf('g')!.memberIds).toEqual([]);
  });

  it("a new group's first rebalance waits 3 s for more members; the shortest session a broker allows outlives it", async () => {
    const { kafka, run, trace } = kafkaRun([topic('in', 3)]);
    const joined: number[] = [];
    const consume = () => async () => {
      const consumer = kafka.consumer({ groupId: 'g', sessionTimeout: 6000, heartbeatInterval: 500 });
      await consumer.subscribe({ topics: ['in'] });
      await consumer.run({ eachMessage: async () => {} });
      joined.push(trace.events.filter((e) => e.type === 'groupRebalanced').length);
    };
    await run([consume(), consume()], 20_000);
    const rebalances = trace.events.filter((e) => e.type === 'groupRebalanced');
    expect(rebalances).toHaveLength(1);
    expect(rebalances[0]!.t).toBeGreaterThanOrEqual(3000);
    expect(joined).toEqual([1, 1]);
    expect(trace.events.filter((e) => e.type === 'sessionExpired')).toEqual([]);
  });

  it('a session shorter than the broker allows (group.min.session.timeout.ms, 6 s) is refused: INVALID_SESSION_TIMEOUT', async () => {
    const { kafka, run } = kafkaRun([topic('in', 1)]);
    const consumer = kafka.consumer({ groupId: 'g', sessionTimeout: 2000, heartbeatInterval: 500 });
    const { failures } = await run(
      [
        async () => {
          await consumer.subscribe({ topics: ['in'] });
          await consumer.run({ eachMessage: async () => {} });
        },
      ],
      20_000,
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ name: 'KafkaJSProtocolError', type: 'INVALID_SESSION_TIMEOUT' });
  });

  it('a member is handed only the topics it subscribed to', async () => {
    const { kafka, run } = kafkaRun([topic('a', 2), topic('b', 1)]);
    const got: string[] = [];
    const consume = (name: string, topics: string[]) => async () => {
      const consumer = kafka.consumer({ groupId: 'g' });
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic: t, partition }) => void got.push(`${name}:${t}/${partition}`),
      });
    };
    await run(
      [
        consume('c1', ['a', 'b']),
        consume('c2', ['a']),
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({
            topic: 'a',
            messages: [
              { value: 'x', partition: 0 },
              { value: 'y', partition: 1 },
            ],
          });
          await producer.send({ topic: 'b', messages: [{ value: 'z', partition: 0 }] });
        },
      ],
      20_000,
    );
    expect(got.filter((g) => g.startsWith('c2')).every((g) => g.startsWith('c2:a/'))).toBe(true);
  });

  it('an acks 0 send goes out once and takes its one-way trip in time', async () => {
    const { kafka, run, host } = kafkaRun([topic('in', 1)]);
    let result: unknown;
    const { steps } = await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          result = await producer.send({ topic: 'in', messages: messages(1), acks: 0 });
        },
      ],
      200_000,
    );
    expect(result).toEqual([]);
    expect(steps.ended).toBe('quiet');
    expect(steps.endMs).toBeGreaterThan(0);
    expect(host.brokers.partition('in', 0).log.logEndOffset).toBe(1);
  });

  it('answers what it refuses at once, and ends at a time limit between its events', async () => {
    const { kafka, run } = kafkaRun([topic('in', 1)]);
    const errors: string[] = [];
    let consumer: KafkaConsumer | null = null;
    const { steps } = await run(
      [
        async () => {
          const admin = kafka.admin();
          await admin
            .createTopics({ topics: [{ topic: 'x', replicationFactor: 5 }] })
            .catch((e: Error) => errors.push(`${e.name}: ${e.message}`));
          const producer = kafka.producer();
          await producer.connect();
          await producer
            .send({ topic: 'in', messages: messages(1), timeout: Number.POSITIVE_INFINITY })
            .catch((e: Error) => errors.push(`${e.name}: ${e.message}`));
          consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['in'] });
          await consumer.run({ eachMessage: async () => {} });
        },
      ],
      10_007,
    );
    expect(errors).toEqual([
      'KafkaJSAggregateError: Topic creation errors: topic "x": Replication-factor is invalid: 5 for topic "x", and this cluster has 3 brokers (INVALID_REPLICATION_FACTOR)',
      'KafkaJSNonRetriableError: Invalid timeout Infinity: milliseconds, above 0',
    ]);
    expect(consumer).not.toBeNull();
    expect(steps).toMatchObject({ ended: 'time', endMs: 10_007 });
    expect(() => kafka.consumer({ groupId: 'g', sessionTimeout: '45000' as unknown as number })).toThrow(
      'Consumer sessionTimeout must be a number of milliseconds, got "45000"',
    );
  });
});

describe("KafkaJS's seek, pause and resume, and positions outside the log", () => {
  const produce = (kafka: ReturnType<typeof kafkaRun>['kafka'], topicName: string, n: number) => async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: topicName, messages: messages(n) });
  };

  it('seek moves the next fetch (and commits it with autoCommit); -2 is the log start', async () => {
    const { kafka, run, host } = kafkaRun([topic('in', 1)]);
    const seen: string[] = [];
    await run(
      [
        async () => {
          await produce(kafka, 'in', 5)();
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['in'], fromBeginning: true });
          const seeks = ['1', '-2'];
          await consumer.run({
            eachMessage: async ({ message }) => {
              seen.push(message.value!.toString());
              if (message.offset === '3' && seeks.length === 2)
                consumer.seek({ topic: 'in', partition: 0, offset: seeks.shift()! });
              else if (message.offset === '4' && seeks.length === 1)
                consumer.seek({ topic: 'in', partition: 0, offset: seeks.shift()! });
            },
          });
        },
      ],
      30_000,
    );
    // 0..3, then from 1 after the first seek (the rest of the batch was stale), then from 0.
    expect(seen.slice(0, 8)).toEqual(['0', '1', '2', '3', '1', '2', '3', '4']);
    expect(seen[8]).toBe('0');
    expect(host.groupOf('g')!.committedOffsets()).toEqual([{ topic: 'in', partition: 0, offset: 5 }]);
  });

  it('a paused partition is not fetched until it is resumed, and paused() lists it', async () => {
    const { kafka, run } = kafkaRun([topic('in', 2)]);
    const seen: number[] = [];
    let listed: unknown;
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({
            topic: 'in',
            messages: [0, 1, 0, 1].map((partition, i) => ({ value: String(i), partition })),
          });
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['in'], fromBeginning: true });
          await consumer.run({
            eachMessage: async ({ partition, pause }) => {
              seen.push(partition);
              if (seen.length === 1) {
                const resume = pause();
                listed = consumer.paused();
                // Resumed once the other partition has been read.
                setTimeoutInSteps(resume);
              }
            },
          });
          await producer.disconnect();
        },
      ],
      30_000,
    );
    expect(listed).toEqual([{ topic: 'in', partitions: [seen[0]!] }]);
    expect(seen.filter((p) => p === seen[0]).length).toBe(2);
    expect(seen.length).toBe(4);
  });

  it('subscribes to the topics a RegExp matches when it subscribes', async () => {
    const { kafka, run } = kafkaRun([topic('cars.gps', 1), topic('cars.misfires', 1), topic('cards', 1)]);
    const topics = new Set<string>();
    await run(
      [
        async () => {
          await produce(kafka, 'cars.gps', 1)();
          await produce(kafka, 'cars.misfires', 1)();
          await produce(kafka, 'cards', 1)();
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: [/^cars\./], fromBeginning: true });
          await consumer.run({ eachMessage: async ({ topic: t }) => void topics.add(t) });
        },
      ],
      20_000,
    );
    expect([...topics].sort()).toEqual(['cars.gps', 'cars.misfires']);
  });

  it('a committed offset past the log end starts over at the log start (fromBeginning), and is committed', async () => {
    const { kafka, run, host } = kafkaRun([topic('in', 1)]);
    const seen: string[] = [];
    await run(
      [
        async () => {
          await produce(kafka, 'in', 3)();
          const first = kafka.consumer({ groupId: 'g' });
          await first.subscribe({ topics: ['in'] });
          await first.run({ eachMessage: async () => {} });
          await first.commitOffsets([{ topic: 'in', partition: 0, offset: '1000' }]);
          await first.stop();
          const second = kafka.consumer({ groupId: 'g' });
          await second.subscribe({ topics: ['in'], fromBeginning: true });
          await second.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
        },
      ],
      30_000,
    );
    expect(seen).toEqual(['0', '1', '2']);
    expect(host.groupOf('g')!.committedOffsets()).toEqual([{ topic: 'in', partition: 0, offset: 3 }]);
  });
});

/** Runs `fn` a few steps later (the test's own code, not a learner's: the steps are macrotasks). */
function setTimeoutInSteps(fn: () => void): void {
  let n = 0;
  const tick = (): void => {
    if (++n >= 3) fn();
    else setImmediate(tick);
  };
  setImmediate(tick);
}
