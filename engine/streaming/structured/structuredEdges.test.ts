/** What a careless learner does to a Structured Streaming query, and what Spark would do (a reviewer's list). */
import { describe, expect, it } from 'vitest';
import { kafkaRun, topic } from '../__tests__/kafkaRun';
import { simulatedTimers } from '../../sandbox/simulatedTimers';
import { castValue } from '../../spark/sql/casts';
import { intervalMs } from '../../spark/sql/intervals';
import { sparkStreamSession } from './sparkStreamSession';
import type { MicroBatchFrame } from './microBatchFrame';
import type { StreamingQuery } from './streamingQuery';

const T0 = Date.UTC(2024, 0, 1, 10);

/** A producer of `n` readings, one every `everyMs` (0: all at once), and a query made by `query`; runs for `untilMs`. */
async function run(
  n: number,
  everyMs: number,
  query: (
    spark: ReturnType<typeof sparkStreamSession>,
    servers: string,
    sleep: (ms: number) => Promise<unknown>,
  ) => Promise<unknown>,
  untilMs = 60_000,
  processingMs = 0,
) {
  const k = kafkaRun([topic('r', 2)], 1, processingMs);
  const fatals: unknown[] = [];
  k.transport.fatal = (e) => fatals.push(e);
  const spark = sparkStreamSession(k.transport, k.host.addresses, () => {});
  const timers = simulatedTimers(k.transport);
  const sleep = (ms: number) => new Promise((r) => timers.setTimeout(r, ms));
  const produce = async () => {
    const p = k.kafka.producer();
    await p.connect();
    // One reading every `everyMs`, or (0) all of them at once, 500 a send.
    const step = everyMs > 0 ? 1 : 500;
    for (let i = 0; i < n; i += step) {
      if (everyMs > 0) await sleep(everyMs);
      const messages = Array.from({ length: Math.min(step, n - i) }, (_, j) => ({
        key: `s${(i + j) % 3}`,
        value: JSON.stringify({ s: `s${(i + j) % 3}`, ts: new Date(T0 + (i + j) * 1000).toISOString(), v: '2.5' }),
      }));
      await p.send({ topic: 'r', messages });
    }
  };
  const { failures } = await k.run([produce, () => query(spark, k.host.addresses[0]!, sleep)], untilMs);
  return { k, failures, fatals };
}

const source = (spark: ReturnType<typeof sparkStreamSession>, servers: string) => {
  const { col, get_json_object } = spark.functions;
  const json = col('value').cast('string');
  return spark.readStream
    .format('kafka')
    .option('kafka.bootstrap.servers', servers)
    .option('subscribe', 'r')
    .option('startingOffsets', 'earliest')
    .load()
    .select(
      get_json_object(json, '$.s').alias('s'),
      get_json_object(json, '$.ts').cast('timestamp').alias('ts'),
      get_json_object(json, '$.v').alias('v'),
    );
};

describe('Structured Streaming under a careless learner', () => {
  it('stop() inside foreachBatch ends the query quietly; awaitTermination resolves', async () => {
    let q: StreamingQuery | null = null;
    let batches = 0;
    const { failures, fatals } = await run(20, 1000, async (spark, servers) => {
      q = source(spark, servers)
        .writeStream.foreachBatch(async () => {
          batches++;
          await q!.stop();
        })
        .start();
      await q.awaitTermination();
    });
    expect([failures, fatals]).toEqual([[], []]);
    expect(batches).toBe(1);
    expect(q!.isActive).toBe(false);
  });

  it('a foreachBatch that takes longer than a session timeout keeps the query going (no group to leave)', async () => {
    let batches = 0;
    const { failures, fatals, k } = await run(
      10,
      1000,
      async (spark, servers, sleep) => {
        const q = source(spark, servers)
          .writeStream.trigger({ processingTime: '5 seconds' })
          .foreachBatch(async () => {
            batches++;
            await sleep(35_000);
          })
          .start();
        await q.awaitTermination();
      },
      120_000,
    );
    expect([failures, fatals]).toEqual([[], []]);
    expect(batches).toBeGreaterThan(1);
    expect(k.host.ledger.summarize().processed).toBe(10);
  });

  it('an error after an awaitTermination that timed out ends the program (nobody else waits)', async () => {
    const { fatals } = await run(20, 1000, async (spark, servers) => {
      const q = source(spark, servers)
        .writeStream.foreachBatch((_df: MicroBatchFrame, id: number) => {
          if (id === 2) throw new Error('boom in batch 2');
        })
        .start();
      expect(await q.awaitTermination(500)).toBe(false);
    });
    expect(String(fatals[0])).toMatch(/boom in batch 2/);
  });

  it('a batch of 5,000 rows is noted in bounded parts, every row counted', async () => {
    const { failures, k } = await run(5000, 0, async (spark, servers) => {
      const q = source(spark, servers).writeStream.format('console').option('numRows', 1).start();
      await q.awaitTermination();
    });
    expect(failures).toEqual([]);
    expect(k.host.ledger.summarize().processed).toBe(5000);
  });

  it('a batch running past its trigger is followed at once, as Spark falls behind', async () => {
    const { k } = await run(
      40,
      1000,
      async (spark, servers) => {
        const q = source(spark, servers).writeStream.trigger({ processingTime: '5 seconds' }).format('console').start();
        await q.awaitTermination();
      },
      60_000,
      1500,
    );
    const starts = k.trace.events.filter((e) => e.type === 'microBatch').map((e) => e.startedAt as number);
    // 5 rows of 1.5 s each run 7.5 s: the next batch starts right after, not at the next multiple of 5 s.
    const late = starts.slice(1).filter((s) => s % 5000 !== 0);
    expect(late.length).toBeGreaterThan(0);
  });

  it('sum of a string column is refused as Spark refuses it; a long sliding window too', () => {
    const k = kafkaRun([topic('r', 1)]);
    const spark = sparkStreamSession(k.transport, k.host.addresses, () => {});
    const { col, sum, window } = spark.functions;
    const df = source(spark, k.host.addresses[0]!);
    expect(() => df.groupBy('s').agg(sum(col('v')))).toThrow(/DATATYPE_MISMATCH\] sum\(v#\d+\) needs a numeric column/);
    expect(() => df.groupBy('s').agg(sum(col('v').cast('double')))).not.toThrow();
    expect(() => window(col('ts'), '10 minutes', '1 second')).toThrow(
      /puts each row in 600 windows; ClusterLab allows at most 100/,
    );
  });

  it('refuses intervals past a thousand years, and awaitTermination(Infinity) waits without a bad call', async () => {
    expect(() => intervalMs(`1${'0'.repeat(300)} weeks`, 'x')).toThrow(/longer than ClusterLab takes/);
    const { failures, fatals } = await run(3, 1000, async (spark, servers) => {
      const q = source(spark, servers).writeStream.format('console').start();
      await q.awaitTermination(Number.POSITIVE_INFINITY);
    });
    expect([failures, fatals]).toEqual([[], []]);
  });

  it('reads years 0 to 99 as those years', () => {
    const ts = castValue('0050-06-01 12:00:00', 'string', 'timestamp');
    expect(castValue(ts, 'timestamp', 'string')).toBe('0050-06-01 12:00:00');
  });

  it('maxOffsetsPerTrigger below the partitions still moves every partition with a backlog (Spark rounds a share up)', async () => {
    const { k } = await run(30, 0, async (spark, servers) => {
      const q = source(spark, servers).writeStream.trigger({ processingTime: '1 second' }).format('console').start();
      await q.awaitTermination();
    });
    expect(k.host.ledger.summarize().processed).toBe(30);
    const limited = await run(30, 0, async (spark, servers) => {
      const q = spark.readStream
        .format('kafka')
        .option('kafka.bootstrap.servers', servers)
        .option('subscribe', 'r')
        .option('startingOffsets', 'earliest')
        .option('maxOffsetsPerTrigger', 1)
        .load()
        .writeStream.trigger({ processingTime: '1 second' })
        .format('console')
        .start();
      await q.awaitTermination();
    });
    expect(limited.k.host.ledger.summarize().processed).toBeGreaterThanOrEqual(30);
  });

  it('complete mode drops no row as late; a topic not there yet is waited for', async () => {
    const { k, failures, fatals } = await run(20, 1000, async (spark, servers) => {
      const { col, window } = spark.functions;
      const q = source(spark, servers)
        .withWatermark('ts', '1 second')
        .groupBy(window(col('ts'), '2 seconds'))
        .count()
        .writeStream.outputMode('complete')
        .format('console')
        .start();
      const missing = spark.readStream
        .format('kafka')
        .option('kafka.bootstrap.servers', servers)
        .option('subscribe', 'not-yet')
        .load()
        .writeStream.format('console')
        .start();
      await Promise.all([q.awaitTermination(), missing.awaitTermination()]);
    });
    expect([failures, fatals]).toEqual([[], []]);
    expect(k.host.ledger.summarize().late).toBe(0);
  });

  it("a KafkaJS consumer's commit before it has joined is refused; only the Spark source commits standalone", async () => {
    const k = kafkaRun([topic('r', 1)]);
    const client = k.transport.open('consumer', 'c');
    const errors: unknown[] = [];
    const forged = async () => {
      await k.transport.call(client, { op: 'connect' });
      await k.transport
        .call(client, {
          op: 'commit',
          groupId: 'g',
          generation: -1,
          offsets: [{ topic: 'r', partition: 0, offset: 5 }],
        })
        .catch((e: unknown) => errors.push(e));
    };
    await k.run([forged], 5_000);
    expect(String(errors[0])).toMatch(/not aware of this member/);
    expect(k.trace.events.filter((e) => e.type === 'offsetsCommitted')).toEqual([]);
  });
});
