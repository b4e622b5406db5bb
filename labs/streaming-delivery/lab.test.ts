// What only this lab states: wrong solutions a careless or hostile learner writes fail a check,
// with a reason that names what went wrong (a reviewer's list, each case a real program).
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../../engine/sandbox';
import { runStep } from '../runStep';
import lab from './lab';

const runner = createFunctionRunner({ macrotask: (fn) => setImmediate(fn) });
const [gps, misfires, payments, windows] = lab.steps.map((s) => s);

/** The failed checks of `source` on step `index`, as `id: reason`. */
async function failures(index: number, source: string): Promise<string[]> {
  const o = await runStep({ lab, stepIndex: index, source, runner });
  if (o.error) return [`error: ${o.error.message}`];
  return o.checks.filter((c) => !c.pass).map((c) => `${c.id}: ${c.reason}`);
}

function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const COMMIT =
  '      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);\n';

describe('streaming-delivery: wrong solutions fail', () => {
  it('decoy consumers opened first do not switch the crash off', async () => {
    const decoys = edit(
      misfires!.starter,
      "  const consumer = kafka.consumer({ groupId: 'dashboard' });",
      "  for (let i = 0; i < 5; i++) kafka.consumer({ groupId: 'decoy' });\n  const consumer = kafka.consumer({ groupId: 'dashboard' });",
    );
    expect((await failures(1, decoys)).join('\n')).toMatch(/never-twice: 1 misfire counted twice/);
  });

  it('a consumer that never commits is crashed all the same, and its lag is told', async () => {
    const noCommit = edit(gps!.solution, COMMIT.replace('commitOffsets', 'commitOffsets'), '');
    expect((await failures(0, noCommit)).join('\n')).toMatch(/after the group's committed offsets/);
  });

  it('a producer that sends every position twice is told so', async () => {
    const twice = edit(
      gps!.solution,
      '  await producer.disconnect();',
      "  await producer.send({ topic: 'gps', messages: records.map((p) => ({ key: p.car, value: JSON.stringify(p) })) });\n  await producer.disconnect();",
    );
    expect((await failures(0, twice)).join('\n')).toMatch(/sent 480 records for 240 positions: some of them twice/);
  });

  it('a Set of ids kept in a module variable does not dedupe across consumers: each is a process of its own', async () => {
    const seen = (text: string) =>
      edit(
        edit(text, 'const kafka = new Kafka(', 'const seen = new Set();\nconst kafka = new Kafka('),
        '      await sink.append(message.value.toString());',
        '      const id = JSON.parse(message.value.toString()).id;\n      if (!seen.has(id)) { seen.add(id); await sink.append(message.value.toString()); }',
      );
    expect((await failures(1, seen(misfires!.starter))).join('\n')).toMatch(/never-twice: 1 misfire counted twice/);
  });

  it('at most once: a misfire dropped on purpose, or a put by id, fails', async () => {
    const dropped = edit(
      misfires!.solution,
      '      await sink.append(message.value.toString());',
      '      if (!message.value.toString().includes(\'"misfire-77"\')) await sink.append(message.value.toString());',
    );
    expect((await failures(1, dropped)).join('\n')).toMatch(/no crashed consumer had in hand \(misfire-77\)/);
    const put = edit(
      misfires!.starter,
      '      await sink.append(message.value.toString());',
      '      await sink.put(JSON.parse(message.value.toString()).id, message.value.toString());',
    );
    expect((await failures(1, put)).join('\n')).toMatch(/takes appends only/);
  });

  it('exactly once: a transaction without sendOffsets, then commitOffsets, bills a payment twice', async () => {
    let noOffsets = edit(
      payments!.solution,
      `        await transaction.sendOffsets({
          consumerGroupId: 'billing',
          topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }],
        });
        await transaction.commit();`,
      `        await transaction.commit();
        await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);`,
    );
    noOffsets = noOffsets.replace('} catch (error) {\n        await transaction.abort();', '} catch (error) {');
    expect((await failures(2, noOffsets)).join('\n')).toMatch(/billed-once: 1 payment in the store twice/);
  });

  it('exactly once: writing the bills to the sink instead of the topic bills nothing', async () => {
    const sink = edit(
      edit(
        payments!.starter,
        'const producer = kafka.producer();\n  await producer.connect();\n  for',
        'const producer = kafka.producer({ idempotent: true });\n  await producer.connect();\n  for',
      ),
      "      await producer.send({ topic: 'billed', messages: [{ key: payment.card, value: JSON.stringify(bill) }] });",
      '      await sink.put(bill.id, JSON.stringify(bill));',
    ).replace('export async function consume({ consumer: n })', 'export async function consume({ sink, consumer: n })');
    expect((await failures(2, sink)).join('\n')).toMatch(
      /every-payment-billed: 200 payments of 200 missing from the store/,
    );
  });

  it('windows: a watermark that never forgets, or complete mode, keeps every window in memory', async () => {
    const noWatermark = edit(
      edit(windows!.solution, ".withWatermark('ts', '35 seconds')", ''),
      "outputMode('append')",
      "outputMode('update')",
    );
    expect((await failures(3, noWatermark)).join('\n')).toMatch(
      /state-bounded: the query's state grew to 96 car-windows/,
    );
    const complete = edit(windows!.solution, "outputMode('append')", "outputMode('complete')");
    expect((await failures(3, complete)).join('\n')).toMatch(/state-bounded/);
  });

  it('windows: append without a watermark is refused as Spark refuses it, naming the line', async () => {
    const noWatermark = edit(windows!.solution, ".withWatermark('ts', '35 seconds')", '');
    expect((await failures(3, noWatermark)).join('\n')).toMatch(
      /^error: windows-late-positions\.js:\d+: Error: \[AnalysisException\] Append output mode not supported when there are streaming aggregations/,
    );
  });

  it('windows: a watermark so long that the first minute never closes leaves windows out of the store', async () => {
    const long = edit(windows!.solution, "'35 seconds'", "'80 seconds'");
    expect((await failures(3, long)).join('\n')).toMatch(
      /every-window-stored: \d+ windows of the first minute are wrong: car-01's window 08:00:\d0–08:0\d:\d0 is not in the store.*; and \d+ more\. /,
    );
  });

  it('windows: the first late position is timed as every check and the page time one ("50.00 s")', async () => {
    expect((await failures(3, windows!.starter)).join('\n')).toMatch(
      /none-late: \d+ positions dropped as late \(the first at \d+\.\d\d s, taken at 08:00:\d\d\)/,
    );
  });

  it('windows: rows written in another shape are not counted as windows', async () => {
    const shape = edit(windows!.solution, 'positions: row.count', 'n: row.count');
    expect((await failures(3, shape)).join('\n')).toMatch(/every-window-stored: the store holds no window/);
  });

  it('windows: a watermark too late to close any window is told as such, not as the rows’ shape', async () => {
    const late = edit(windows!.solution, "withWatermark('ts', '35 seconds')", "withWatermark('ts', '2 minutes')");
    const why = (await failures(3, late)).join('\n');
    expect(why).toMatch(/every-window-stored: nothing was written to the store: no window closed before the run ended/);
    expect(why).not.toMatch(/in the shape the dashboard reads/);
  });

  it("a KafkaJS step gives no Spark query to read behind the group's back", async () => {
    const sneaky = edit(
      gps!.solution,
      'export async function consume({ sink }) {',
      'export async function consume({ sink, spark }) {\n  spark.readStream;',
    );
    expect((await failures(0, sneaky)).join('\n')).toMatch(
      /^error: gps-at-least-once\.js:\d+: Error: spark\.readStream: this step's consumers are KafkaJS consumers/,
    );
  });
});
