// KafkaJS's instrumentation events on the simulated Kafka: consumer.on(consumer.events.X, listener)
// hears the group join with its assignment, fetches, batches, commits, heartbeats, a rebalance,
// a crash and the stop, on the simulated clock; a listener's error never reaches the consumer.
import { describe, expect, it } from 'vitest';
import { kafkaRun, topic } from './__tests__/kafkaRun';
import type { InstrumentationEvent } from './kafkajs/instrumentation';

const messages = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i % 7}`, value: String(i) }));

describe("KafkaJS's consumer events", () => {
  it('GROUP_JOIN carries the assignment; batches, commits and heartbeats follow; a second member makes a rebalance', async () => {
    const { kafka, run } = kafkaRun([topic('in', 4)], 1, 20);
    const heard: InstrumentationEvent[][] = [[], []];
    const consumer = (n: number) => async () => {
      const c = kafka.consumer({ groupId: 'g', heartbeatInterval: 500 });
      for (const name of Object.values(c.events)) c.on(name, (e) => heard[n]!.push(e));
      // A listener that throws changes nothing.
      c.on(c.events.COMMIT_OFFSETS, () => {
        throw new Error('listener bug');
      });
      await c.connect();
      await c.subscribe({ topics: ['in'], fromBeginning: true });
      await c.run({ eachMessage: async () => {} });
    };
    const { failures } = await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'in', messages: messages(400) });
        },
        consumer(0),
        consumer(1),
      ],
      30_000,
    );
    expect(failures).toEqual([]);
    const types = heard[0]!.map((e) => e.type);
    expect(types[0]).toBe('consumer.connect');
    for (const t of [
      'consumer.group_join',
      'consumer.fetch_start',
      'consumer.fetch',
      'consumer.start_batch_process',
      'consumer.end_batch_process',
      'consumer.commit_offsets',
      'consumer.heartbeat',
    ])
      expect(types).toContain(t);
    const joins = [...heard[0]!, ...heard[1]!].filter((e) => e.type === 'consumer.group_join');
    // The two members' last assignments share the four partitions between them.
    const last = (n: number) => heard[n]!.filter((e) => e.type === 'consumer.group_join').at(-1)!.payload;
    const owned = [last(0), last(1)].flatMap((p) => (p.memberAssignment as Record<string, number[]>).in ?? []);
    expect(owned.sort()).toEqual([0, 1, 2, 3]);
    expect(joins.every((e) => e.payload.groupId === 'g' && typeof e.payload.memberId === 'string')).toBe(true);
    expect(joins.filter((e) => e.payload.isLeader === true).length).toBeGreaterThan(0);
    // Timestamps are simulated milliseconds, in order; ids count up per consumer.
    const stamps = heard[0]!.map((e) => e.timestamp);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(stamps.at(-1)).toBeLessThanOrEqual(30_000);
    expect(heard[0]!.map((e) => e.id)).toEqual(heard[0]!.map((_, i) => i));
    const commit = heard[0]!.find((e) => e.type === 'consumer.commit_offsets')!;
    expect(commit.payload).toMatchObject({ groupId: 'g', topics: [{ topic: 'in' }] });
    const batch = heard[0]!.find((e) => e.type === 'consumer.end_batch_process')!;
    expect(batch.payload).toMatchObject({ topic: 'in', batchSize: expect.any(Number), duration: expect.any(Number) });
  });

  it('a handler that keeps failing: CRASH with the error and whether KafkaJS restarts; stop() emits STOP', async () => {
    const { kafka, run } = kafkaRun([topic('in', 1)]);
    const heard: InstrumentationEvent[] = [];
    const { failures } = await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'in', messages: messages(1) });
          const c = kafka.consumer({ groupId: 'g', retry: { retries: 0 } });
          c.on(c.events.CRASH, (e) => heard.push(e));
          c.on(c.events.STOP, (e) => heard.push(e));
          await c.subscribe({ topics: ['in'], fromBeginning: true });
          let calls = 0;
          await c.run({
            eachMessage: async () => {
              calls++;
              if (calls === 1) throw new TypeError('boom');
            },
          });
        },
      ],
      20_000,
    );
    expect(failures).toEqual([]);
    const crash = heard.find((e) => e.type === 'consumer.crash')!;
    expect((crash.payload.error as Error).message).toBe('boom');
    expect(crash.payload).toMatchObject({ groupId: 'g', restart: false });
    // As KafkaJS's onCrash: the consumer is stopped and disconnected before the crash is told.
    expect(heard.map((e) => e.type)).toEqual(['consumer.stop', 'consumer.crash']);
  });

  it('a consumer stopped by a crash can be run again from its CRASH listener', async () => {
    const { kafka, run, host } = kafkaRun([topic('in', 1)]);
    let handled = 0;
    const { failures } = await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'in', messages: messages(3) });
          const c = kafka.consumer({ groupId: 'g', retry: { retries: 0 } });
          let first = true;
          c.on(c.events.CRASH, async (e) => {
            if (e.payload.restart) return;
            await c.connect();
            await c.subscribe({ topics: ['in'], fromBeginning: true });
            await c.run({ eachMessage: async () => void handled++ });
          });
          await c.subscribe({ topics: ['in'], fromBeginning: true });
          await c.run({
            eachMessage: async () => {
              if (first) {
                first = false;
                throw new TypeError('boom');
              }
            },
          });
        },
      ],
      20_000,
    );
    expect(failures).toEqual([]);
    expect(handled).toBe(3);
    expect(host.groupOf('g')!.committedOffsets()).toEqual([{ topic: 'in', partition: 0, offset: 3 }]);
  });

  it("a listener's error is logged as KafkaJS logs it; a loop the sandbox stopped ends the program", async () => {
    const { kafka, run, logs, transport } = kafkaRun([topic('in', 1)]);
    const fatal: unknown[] = [];
    transport.fatal = (e) => fatal.push(e);
    const stopped = Object.assign(new Error('Your loop at job.js line 3 has been running for 5 s'), {
      name: 'RunawayLoopError',
    });
    const { failures } = await run([
      async () => {
        const c = kafka.consumer({ groupId: 'g' });
        c.on(c.events.CONNECT, () => {
          throw new Error('listener bug');
        });
        c.on(c.events.GROUP_JOIN, () => {
          throw stopped;
        });
        await c.connect();
        await c.subscribe({ topics: ['in'], fromBeginning: true });
        await c.run({ eachMessage: async () => {} });
      },
    ]);
    expect(logs).toContain('ERROR Failed to execute listener: listener bug');
    expect(failures).toEqual([]);
    expect(fatal).toEqual([stopped]);
    expect(logs.join('\n')).not.toMatch(/Failed to execute listener: Your loop/);
    // The names are KafkaJS's constants: frozen, so one program cannot rename them for the next.
    const c = kafka.consumer({ groupId: 'h' });
    expect(Object.isFrozen(c.events)).toBe(true);
  });

  it('an idle member heartbeats too, after its empty fetches, once heartbeatInterval has passed', async () => {
    const { kafka, run } = kafkaRun([topic('in', 1)]);
    const beats: number[] = [];
    await run(
      [
        async () => {
          const c = kafka.consumer({ groupId: 'g' });
          c.on(c.events.HEARTBEAT, (e) => beats.push(e.timestamp));
          await c.subscribe({ topics: ['in'] });
          await c.run({ eachMessage: async () => {} });
        },
      ],
      30_000,
    );
    // Empty fetches wait maxWaitTimeInMs (5 s) each: a heartbeat after each, about every 5 s.
    expect(beats.length).toBeGreaterThanOrEqual(4);
    expect(beats.every((t, i) => i === 0 || t - beats[i - 1]! >= 3000)).toBe(true);
  });

  it('refuses an event name KafkaJS does not have, and a listener that is not a function', async () => {
    const { kafka } = kafkaRun([topic('in', 1)]);
    const c = kafka.consumer({ groupId: 'g' });
    expect(() => c.on('consumer.group-join', () => {})).toThrow(/Event name should be one of consumer\.heartbeat, /);
    expect(() => c.on(c.events.FETCH, 'log' as never)).toThrow(/must be a function/);
    const remove = c.on(c.events.FETCH, () => {});
    expect(typeof remove).toBe('function');
    remove();
    for (let i = 0; i < 100; i++) c.on(c.events.FETCH, () => {});
    expect(() => c.on(c.events.FETCH, () => {})).toThrow(/More than 100 listeners/);
  });
});
