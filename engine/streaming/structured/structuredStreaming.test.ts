import { describe, expect, it } from 'vitest';
import { kafkaRun, topic } from '../__tests__/kafkaRun';
import { simulatedTimers } from '../../sandbox/simulatedTimers';
import { sparkStreamSession } from './sparkStreamSession';
import type { MicroBatchFrame } from './microBatchFrame';

const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);

/** One reading a second for `n` seconds; the readings at `lateBy` arrive that many seconds after they were taken. */
function readings(n: number, lateBy: Record<number, number>) {
  const out: { sensor: string; ts: string; temp: number; sendAt: number }[] = [];
  for (let i = 0; i < n; i++)
    out.push({
      sensor: i % 2 === 0 ? 's1' : 's2',
      ts: new Date(T0 + i * 1000).toISOString(),
      temp: 20 + (i % 5),
      sendAt: (i + (lateBy[i] ?? 0)) * 1000,
    });
  return out.sort((a, b) => a.sendAt - b.sendAt);
}

async function runQuery(
  delay: string,
  mode: 'append' | 'update' = 'append',
  lateBy: Record<number, number> = { 12: 35, 30: 3 },
) {
  const k = kafkaRun([topic('readings', 2)], 1, 5);
  const printed: string[] = [];
  const spark = sparkStreamSession(k.transport, k.host.addresses, (l) => printed.push(l));
  const timers = simulatedTimers(k.transport);
  const sleep = (ms: number) => new Promise((r) => timers.setTimeout(r, ms));
  const data = readings(40, lateBy);
  const batches: { id: number; rows: Record<string, unknown>[] }[] = [];
  const { col, window } = spark.functions;
  const produce = async () => {
    const p = k.kafka.producer();
    await p.connect();
    for (const r of data) {
      await sleep(r.sendAt - k.transport.now());
      await p.send({ topic: 'readings', messages: [{ key: r.sensor, value: JSON.stringify(r) }] });
    }
  };
  const consume = async () => {
    const { get_json_object } = spark.functions;
    const q = spark.readStream
      .format('kafka')
      .option('kafka.bootstrap.servers', k.host.addresses[0])
      .option('subscribe', 'readings')
      .option('startingOffsets', 'earliest')
      .load()
      .select(
        get_json_object(col('value').cast('string'), '$.sensor').alias('sensor'),
        get_json_object(col('value').cast('string'), '$.ts').cast('timestamp').alias('ts'),
      )
      .withWatermark('ts', delay)
      .groupBy(window(col('ts'), '10 seconds'), col('sensor'))
      .count()
      .writeStream.outputMode(mode)
      .trigger({ processingTime: '5 seconds' })
      .foreachBatch(async (df: MicroBatchFrame, id: number) => {
        batches.push({ id, rows: await df.collect() });
      })
      .start();
    await q.awaitTermination();
  };
  const { failures } = await k.run([produce, consume], 90_000);
  return { k, batches, failures, printed, data };
}

describe('Structured Streaming on the simulated Kafka: windows, the watermark, late rows', () => {
  it('appends each window once, when the watermark passes its end; a reading behind the watermark is late', async () => {
    const { k, batches, failures } = await runQuery('10 seconds');
    expect(failures).toEqual([]);
    const rows = batches.flatMap((b) => b.rows);
    const keys = rows.map((r) => `${(r.window as { start: Date }).start.toISOString()} ${String(r.sensor)}`);
    expect(new Set(keys).size).toBe(keys.length); // append: each window written once
    // The reading taken at 10:00:12 arrives 35 s later: its window [10:00:10, 10:00:20) has closed
    // (by the watermark of the batch before, as Spark 3.4+ judges late rows).
    const ledger = k.host.ledger.summarize();
    expect(ledger.late).toBe(1);
    expect(ledger.aggregated + ledger.late).toBe(40);
    const w10 = rows.find((r) => (r.window as { start: Date }).start.getTime() === T0 + 10_000 && r.sensor === 's1');
    expect(w10?.count).toBe(4); // s1 at 10, 14, 16, 18 (12 was late)
    const trace = k.trace.events.filter((e) => e.type === 'microBatch');
    expect(trace.length).toBeGreaterThan(3);
    expect(trace.some((e) => (e as unknown as { late: number }).late === 1)).toBe(true);
    // Batch ids count up from 0 in the order the batches ran.
    expect(batches.map((b) => b.id)).toEqual(batches.map((_, i) => i));
  });

  it('a longer watermark delay keeps the late reading; update mode writes a window again as it grows', async () => {
    const long = await runQuery('30 seconds');
    expect(long.k.host.ledger.summarize().late).toBe(0);
    const update = await runQuery('30 seconds', 'update');
    const rows = update.batches.flatMap((b) => b.rows);
    const keys = rows.map((r) => `${(r.window as { start: Date }).start.toISOString()} ${String(r.sensor)}`);
    expect(new Set(keys).size).toBeLessThan(keys.length);
  });

  it('the same program and seed give the same trace', async () => {
    const a = await runQuery('10 seconds');
    const b = await runQuery('10 seconds');
    expect(JSON.stringify(a.k.trace.events)).toBe(JSON.stringify(b.k.trace.events));
  });

  it("refuses what Spark refuses, with Spark's words", () => {
    const k = kafkaRun([topic('readings', 2)]);
    const spark = sparkStreamSession(k.transport, k.host.addresses, () => {});
    const { col, window } = spark.functions;
    const source = () =>
      spark.readStream
        .format('kafka')
        .option('kafka.bootstrap.servers', k.host.addresses[0])
        .option('subscribe', 'readings')
        .load();
    expect(() => spark.readStream.format('kafka').option('subscribe', 'x').load()).toThrow(
      /kafka.bootstrap.servers' must be specified/,
    );
    expect(() =>
      spark.readStream.format('kafka').option('kafka.bootstrap.servers', k.host.addresses[0]).load(),
    ).toThrow(/must be specified for Kafka source: subscribe/);
    expect(() => source().withWatermark('value', '10 seconds')).toThrow(
      /Event time must be defined on a window or a timestamp, but value is of type binary/,
    );
    expect(() => source().select(col('nope'))).toThrow(/UNRESOLVED_COLUMN/);
    expect(() => source().withWatermark('timestamp', 'ten seconds')).toThrow(/CANNOT_PARSE_INTERVAL/);
    const counts = source()
      .groupBy(window(col('timestamp'), '10 seconds'))
      .count();
    expect(() => counts.writeStream.format('console').start()).toThrow(
      /Append output mode not supported .* without watermark/,
    );
    expect(() => source().writeStream.outputMode('complete').format('console').start()).toThrow(
      /Complete output mode not supported/,
    );
    expect(() => source().writeStream.start()).toThrow(/choose a sink first/);
    expect(() => source().count()).toThrow(/must be executed with writeStream.start\(\)/);
    expect(() => source().select(col('value').cast('timestamp'))).toThrow(/a binary casts only to a string/);
  });
});
