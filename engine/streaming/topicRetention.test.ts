// Topic configs from createTopics' configEntries, parsed as Kafka parses them, and retention on the
// simulated brokers: records older than retention.ms deleted every second (traced), a consumer that
// fetched them before still processes them, the film keeps them, and a topic is placed on live brokers.
import { describe, expect, it } from 'vitest';
import { kafkaRun } from './__tests__/kafkaRun';
import { PartitionLog } from './partitionLog';
import type { LogRecord } from './types';

async function createWith(configEntries: unknown, replicationFactor = 3) {
  const { kafka, run, host, trace } = kafkaRun([]);
  const { failures } = await run([
    async () => {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({
        topics: [{ topic: 't', numPartitions: 2, replicationFactor, configEntries } as never],
      });
    },
  ]);
  return { failures: failures.map((e) => `${(e as Error).name}: ${(e as Error).message}`), host, trace };
}

describe('topic configs (configEntries)', () => {
  it('reads retention.ms and min.insync.replicas as Kafka does: trimmed, +, up to Long.MAX (for ever)', async () => {
    const ok = await createWith([
      { name: 'retention.ms', value: ' +60000 ' },
      { name: 'min.insync.replicas', value: '2' },
      { name: 'cleanup.policy', value: ' delete' },
    ]);
    expect(ok.failures).toEqual([]);
    const t = ok.host.brokers.partitions('t')[0]!.topic;
    expect([t.retentionMs, t.minInsyncReplicas]).toEqual([60000, 2]);
    for (const forever of ['-1', '9223372036854775807']) {
      const f = await createWith([{ name: 'retention.ms', value: forever }]);
      expect(f.failures).toEqual([]);
      expect(f.host.brokers.partitions('t')[0]!.topic.retentionMs).toBe(Number.POSITIVE_INFINITY);
    }
    // More in-sync replicas than replicas: created (every acks -1 write then fails, as on Kafka).
    expect((await createWith([{ name: 'min.insync.replicas', value: '4' }])).failures).toEqual([]);
  });

  it("refuses with Kafka's words: not a LONG, below -1, an unknown name, compaction", async () => {
    // As KafkaJS: an aggregate holding one KafkaJSCreateTopicError per topic refused.
    const {
      failures: [aggregate],
    } = await createWith([{ name: 'retention.ms', value: 'soon' }]);
    expect(aggregate).toMatch(
      /^KafkaJSAggregateError: Topic creation errors: topic "t": Invalid value soon for configuration retention\.ms: Not a number of type LONG \(INVALID_CONFIG\)$/,
    );
    const cases: [unknown, RegExp][] = [
      [
        [{ name: 'retention.ms', value: '1e3' }],
        /Invalid value 1e3 for configuration retention\.ms: Not a number of type LONG/,
      ],
      [[{ name: 'retention.ms', value: '9223372036854775808' }], /Not a number of type LONG/],
      [[{ name: 'retention.ms', value: '-2' }], /Value must be at least -1/],
      [[{ name: 'min.insync.replicas', value: '0' }], /Value must be at least 1/],
      [[{ name: 'retention.minutes', value: '1' }], /INVALID_CONFIG|Unknown topic config name: retention\.minutes/],
      [[{ name: 'cleanup.policy', value: 'compact' }], /delete only \(no log compaction\)/],
      [[{ name: 'cleanup.policy', value: 'shred' }], /String must be one of: compact, delete/],
      [[{ name: 'retention.ms', value: 60000 }], /each entry is \{ name: string, value: string \}/],
      ['retention.ms=1', /expected an array of \{ name, value \}/],
    ];
    for (const [entries, message] of cases) {
      const { failures, host } = await createWith(entries);
      expect(failures.join('\n')).toMatch(message);
      expect(host.topicNames()).toEqual([]);
    }
  });

  it('places a new topic on the live brokers, and refuses more replicas than live brokers', async () => {
    const { kafka, run, host } = kafkaRun([], 1, 0, [{ kind: 'killBroker', broker: 'n1', atMs: 0 }]);
    const { failures } = await run([
      async () => {
        const admin = kafka.admin();
        await admin.connect();
        await admin.createTopics({ topics: [{ topic: 'two', numPartitions: 3, replicationFactor: 2 }] });
        await admin.createTopics({ topics: [{ topic: 'three', numPartitions: 1, replicationFactor: 3 }] });
      },
    ]);
    expect(failures.map((e) => (e as Error).message)).toEqual([
      'Topic creation errors: topic "three": Replication-factor is invalid: 3 for topic "three", and only 2 of this cluster\'s 3 brokers are alive (INVALID_REPLICATION_FACTOR)',
    ]);
    for (const ps of host.brokers.partitions('two')) {
      expect(ps.replicas).not.toContain('n1');
      expect(ps.leader).not.toBe('n1');
    }
  });

  it('a topic created on first use while every broker is down waits for one: offline, then led when it is back', async () => {
    const faults = ['n1', 'n2', 'n3'].map((broker) => ({
      kind: 'killBroker' as const,
      broker,
      atMs: 0,
      ...(broker === 'n1' ? { restartAfterMs: 2000 } : {}),
    }));
    const { kafka, run, host, trace } = kafkaRun([], 1, 0, faults);
    const { failures } = await run([
      async () => {
        const producer = kafka.producer();
        await producer.connect();
        await producer.send({ topic: 'auto', messages: [{ value: 'a' }] });
      },
    ]);
    expect(failures).toEqual([]);
    const created = trace.events.find((e) => e.type === 'topicCreated')!;
    expect(created).toMatchObject({ topic: 'auto', leaders: [null] });
    expect(host.brokers.partitions('auto')[0]!.leader).toBe('n1');
    expect(host.ledger.summarize().appended).toBe(1);
  });
});

describe('retention on the brokers', () => {
  it('deletes by age every second, traces it, and a consumer still processes what it fetched before', async () => {
    const { kafka, run, host, trace } = kafkaRun([], 1, 40);
    const { failures } = await run(
      [
        async () => {
          const admin = kafka.admin();
          await admin.connect();
          await admin.createTopics({
            topics: [
              {
                topic: 'r',
                numPartitions: 1,
                replicationFactor: 3,
                configEntries: [{ name: 'retention.ms', value: '5000' }],
              },
            ],
          });
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'r', messages: Array.from({ length: 100 }, (_, i) => ({ value: String(i) })) });
          const consumer = kafka.consumer({ groupId: 'g' });
          await consumer.subscribe({ topics: ['r'], fromBeginning: true });
          await consumer.run({ eachMessage: async () => {} });
        },
      ],
      20_000,
    );
    expect(failures).toEqual([]);
    const deletions = trace.events.filter((e) => e.type === 'retentionDeleted');
    expect(deletions).toHaveLength(1);
    expect(deletions[0]).toMatchObject({ topic: 'r', partition: 0, records: 100, logStartOffset: 100 });
    expect(deletions[0]!.t % 1000).toBe(0);
    // The group's first rebalance waits 3 s; then 100 records at 40 ms are 4 s of work, past the deletion
    // at 6 s: all were fetched before it, so all are processed.
    expect(host.ledger.summarize().processed).toBe(100);
    expect(trace.events.filter((e) => e.type === 'recordProcessed').at(-1)!.t).toBeGreaterThan(deletions[0]!.t);
  });

  it("the log keeps each offset's id and every record for the film after deleting it", () => {
    const log = new PartitionLog('t', 0);
    const rec = (id: number): LogRecord => ({
      id,
      key: null,
      value: String(id),
      eventTime: 0,
      partition: 0,
      offset: -1,
      appendTime: -1,
      producer: 'p',
      seq: -1,
    });
    for (let i = 0; i < 5000; i++) log.append(rec(i), i);
    expect(log.applyRetention(10_000, 5_500, Number.POSITIVE_INFINITY)).toBe(4500);
    expect(log.logStartOffset).toBe(4500);
    expect(log.at(10)).toBeUndefined();
    expect(log.idAt(10)).toBe(10);
    expect(log.everyRecord().map((r) => r.offset)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    log.truncateTo(4800);
    expect(log.idAt(4900)).toBeUndefined();
    expect(log.everyRecord()).toHaveLength(4800);
  });
});
