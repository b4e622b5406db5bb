// What only this lab states: wrong solutions a careless or hostile learner writes fail a check,
// and a right one with an unused client passes (a reviewer's list, each case a real program).
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../../engine/sandbox';
import { runStep } from '../runStep';
import lab from './lab';

const runner = createFunctionRunner({ macrotask: (fn) => setImmediate(fn) });
const [keys, groups, , rebalance, retention] = lab.steps;

async function failures(index: number, source: string): Promise<string[]> {
  const o = await runStep({ lab, stepIndex: index, source, runner });
  if (o.error) return [`error: ${o.error.message}`];
  return o.checks.filter((c) => !c.pass).map((c) => `${c.id}: ${c.reason}`);
}

function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const EACH = '    eachMessage: async ({ message }) => {\n';

const RETENTION = "configEntries: [{ name: 'retention.ms', value: '60000' }],";

describe('kafka-topics: wrong solutions fail, right ones pass', () => {
  it('step 5: a topic that keeps its readings for ever (no configEntries, or retention.ms -1) fails the disk check', async () => {
    for (const to of ['', "configEntries: [{ name: 'retention.ms', value: '-1' }],"]) {
      const forever = edit(retention!.solution, RETENTION, to);
      expect((await failures(4, forever)).join('\n')).toMatch(
        /^forgets-within-a-minute: 300 readings still in topic readings when the run ended at 90.00 s/,
      );
    }
  });

  it('step 5: a retention of two minutes keeps the readings past the run; zero deletes them unread', async () => {
    const long = edit(retention!.solution, RETENTION, "configEntries: [{ name: 'retention.ms', value: '120000' }],");
    expect(await failures(4, long)).toEqual([expect.stringMatching(/^forgets-within-a-minute: 300 readings still/)]);
    const zero = edit(retention!.solution, RETENTION, "configEntries: [{ name: 'retention.ms', value: '0' }],");
    expect((await failures(4, zero)).join('\n')).toMatch(/^none-deleted-unread: \d+ readings deleted by retention/);
  });

  it('step 5: cheats fail: a second group reading what the archive lost, or the readings sent to another topic', async () => {
    const backup = edit(
      retention!.starter,
      "const consumer = kafka.consumer({ groupId: 'archive' });",
      "const consumer = kafka.consumer({ groupId: n === 2 ? 'backup' : 'archive' });",
    ).replace('export async function consume({ sink }) {', 'export async function consume({ sink, consumer: n }) {');
    expect((await failures(4, backup)).join('\n')).toMatch(
      /^none-deleted-unread: consumer 2 never joined the group archive/,
    );
    // The crash then strikes a consumer outside the archive: not a way out either.
    const audit = edit(
      retention!.starter,
      "const consumer = kafka.consumer({ groupId: 'archive' });",
      "const consumer = kafka.consumer({ groupId: n === 1 ? 'audit' : 'archive' });",
    ).replace('export async function consume({ sink }) {', 'export async function consume({ sink, consumer: n }) {');
    expect((await failures(4, audit)).join('\n')).toMatch(
      /^none-deleted-unread: consumer 1 never joined the group archive/,
    );
    const elsewhere = retention!.starter
      .replaceAll("topic: 'readings',\n      messages", "topic: 'raw',\n      messages")
      .replace("topics: ['readings']", "topics: ['raw']")
      .replace("value: '4000'", "value: '0'");
    expect(elsewhere).toContain("topic: 'raw'");
    expect((await failures(4, elsewhere)).join('\n')).toMatch(/^none-deleted-unread: readings holds 0 records/);
  });

  it('step 5: a config Kafka does not know, or a value it refuses, fails createTopics with its message', async () => {
    const unknown = edit(retention!.solution, "name: 'retention.ms'", "name: 'retention.minutes'");
    expect((await failures(4, unknown))[0]).toMatch(/^error: .*Unknown topic config name: retention\.minutes/);
    const bad = edit(retention!.solution, "value: '60000'", "value: 'a minute'");
    expect((await failures(4, bad))[0]).toMatch(/^error: .*Invalid value a minute for configuration retention\.ms/);
  });

  it('step 1: storing only the ids of out-of-order readings does not pass the order check', async () => {
    const idsOnly = edit(
      keys!.starter,
      '      await sink.append(message.value.toString());',
      '      await sink.append(JSON.stringify({ id: JSON.parse(message.value.toString()).id }));',
    );
    expect((await failures(0, idsOnly)).join('\n')).toMatch(
      /per-key-order: the store holds 300 rows, 0 of them readings/,
    );
  });

  it('step 2: the starter (a group per consumer) stores every reading; what fails is how the groups read', async () => {
    const o = await runStep({ lab, stepIndex: 1, source: groups!.starter, runner });
    expect(o.checks.map((c) => `${c.id}:${c.pass}`)).toEqual([
      'one-owner-per-partition:false',
      'processed-once:false',
      'every-reading-stored:true',
    ]);
  });

  it('step 2: one consumer doing all the work while the others stay out fails', async () => {
    const alone = edit(
      groups!.solution,
      'export async function consume({ sink, consumer: n }) {\n',
      'export async function consume({ sink, consumer: n }) {\n  if (n !== 1) return;\n',
    );
    expect((await failures(1, alone)).join('\n')).toMatch(
      /had 1 member at the end, and 3 consumers should share the work/,
    );
  });

  it('step 4: a seek past the end (its commits go far, then back) does not count as drained', async () => {
    const seek = edit(
      rebalance!.starter,
      EACH,
      `    eachMessage: async ({ topic, partition, message }) => {\n      if (Number(message.offset) === 0) consumer.seek({ topic, partition, offset: '100000' });\n`,
    );
    const failed = (await failures(3, seek)).join('\n');
    expect(failed).toMatch(/lag-drained: the lag was not drained at the end/);
  });

  it('step 4: consumers put in decoy groups do not make the crash harmless', async () => {
    const decoys = edit(
      rebalance!.starter,
      "  const consumer = kafka.consumer({ groupId: 'monitor' });",
      "  const { consumer: n } = arguments[0];\n  const consumer = kafka.consumer({ groupId: n < 3 ? `decoy${n}` : 'monitor' });",
    );
    expect((await failures(3, decoys)).join('\n')).toMatch(/reassigned: 3 groups read readings/);
  });

  it('step 4: an unused consumer opened first changes nothing', async () => {
    const spare = edit(
      rebalance!.solution,
      "  const consumer = kafka.consumer({ groupId: 'monitor', sessionTimeout: 10000, heartbeatInterval: 1000 });",
      "  kafka.consumer({ groupId: 'spare' });\n  const consumer = kafka.consumer({ groupId: 'monitor', sessionTimeout: 10000, heartbeatInterval: 1000 });",
    );
    expect(await failures(3, spare)).toEqual([]);
  });

  it('step 4: a session the broker does not allow fails the run with Kafka’s error', async () => {
    const tiny = edit(
      rebalance!.solution,
      'sessionTimeout: 10000, heartbeatInterval: 1000',
      'sessionTimeout: 100, heartbeatInterval: 10',
    );
    expect((await failures(3, tiny)).join('\n')).toMatch(
      /INVALID_SESSION_TIMEOUT|session timeout is not within the range/,
    );
  });
});
