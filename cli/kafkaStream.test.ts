import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CliIo, UsageError } from './cliIo';
import { streamCommand } from './streamCommand';

const root = resolve(__dirname, '..');
const EXAMPLE = 'labs/examples/streaming/kafkajs';

async function run(argv: string[], cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd };
  try {
    const code = await streamCommand(argv, io);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: out.join(''), stderr: e.message };
    throw e;
  }
}

function program(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kafkajs-'));
  writeFileSync(join(dir, 'job.js'), text);
  writeFileSync(join(dir, 'r.jsonl'), ['{"id":"a"}', '{"id":"b"}', '{"id":"c"}'].join('\n'));
  return dir;
}

const HEAD = `import { Kafka } from 'kafkajs';
const kafka = new Kafka({ clientId: 'lab', brokers: ['n1:9092'] });
export async function produce({ records }) {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 't', messages: records.map((r) => ({ value: JSON.stringify(r) })) });
}
`;

const PAYMENTS = [
  `${EXAMPLE}/card-payments.js`,
  '--records',
  `${EXAMPLE}/payments.jsonl`,
  '--topic',
  'payments:3',
  '--consumers',
  '2',
  '--json',
];

// The first run builds the CLI bundle (the sandbox worker), which can take a few seconds.
describe('clusterlab stream PROGRAM: a KafkaJS program against the simulated Kafka', { timeout: 60_000 }, () => {
  it('runs the example: every payment stored once, and a crash before the commit replays one', async () => {
    const clean = await run(PAYMENTS);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    const c = JSON.parse(clean.stdout);
    expect(c.ledger).toMatchObject({ produced: 40, stored: 40, duplicated: 0, lost: 0, reprocessed: 0 });
    expect(c.group).toMatchObject({ groupId: 'billing', members: 2 });
    expect(c.sinkRows).toHaveLength(40);

    const crashed = await run([...PAYMENTS, '--crash', '1:5:after-processing']);
    expect(crashed.code).toBe(0);
    const k = JSON.parse(crashed.stdout);
    expect(k.ledger).toMatchObject({ produced: 40, stored: 40, duplicated: 0, lost: 0, reprocessed: 1 });
    // The crashed member left the group: the survivor owns every partition.
    expect(k.group.members).toBe(1);
  });

  it('prints the same bytes for the same program, records, faults and seed', async () => {
    const args = [...PAYMENTS.filter((a) => a !== '--json'), '--crash', '2:3:before-processing', '--seed', '9'];
    const a = await run(args);
    const b = await run(args);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toMatch(/ledger \(records\)/);
  });

  it("names the program's line when it throws, and stops an endless loop at its line", async () => {
    const threw = program(`${HEAD}export async function consume() {\n  null.x;\n}\n`);
    const r = await run(['job.js', '--records', 'r.jsonl'], threw);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/program failed: job\.js:9: TypeError/);

    const handler = program(
      `${HEAD}export async function consume() {\n  const c = kafka.consumer({ groupId: 'g' });\n  await c.connect();\n  await c.subscribe({ topics: ['t'], fromBeginning: true });\n  await c.run({ eachMessage: async () => { null.x; } });\n}\n`,
    );
    const h = await run(['job.js', '--records', 'r.jsonl', '--json'], handler);
    // A TypeError in the handler (of the program's own realm) stops the consumer for good, with its
    // line: the run failed, told as a job's error is (one line, no stack), with what KafkaJS did.
    expect(h.code).toBe(1);
    expect(h.stderr).toMatch(/Crash: TypeError: Cannot read properties of null \(reading 'x'\) \(at job\.js:12\)/);
    expect(h.stderr).not.toMatch(/Error when calling eachMessage/);
    expect(h.stderr).toContain(
      "clusterlab stream: consumer 1's eachMessage failed: job.js:12: TypeError: Cannot read properties of null (reading 'x') (group g, t partition 0, offset 0)\n  KafkaJS did not commit offset 0; a TypeError is not retried, so the consumer crashed at once",
    );
    expect(h.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(JSON.parse(h.stdout).handlerErrors[0]).toMatchObject({ consumer: 1, line: 12, last: 'stop' });

    const loops = program(`${HEAD}export async function consume({ sink }) {\n  for (;;) await sink.get('a');\n}\n`);
    const l = await run(['job.js', '--timeout', '2'], loops);
    expect(l.code).toBe(1);
    expect(l.stderr).toMatch(/Your loop at job\.js line 9 has been running/);

    // A loop inside eachMessage is not a handler error to retry: it ends the program with its line.
    const inHandler = program(
      `${HEAD}export async function consume() {\n  const c = kafka.consumer({ groupId: 'g' });\n  await c.connect();\n  await c.subscribe({ topics: ['t'], fromBeginning: true });\n  await c.run({ eachMessage: async () => {\n    while (true) {}\n  } });\n}\n`,
    );
    const m = await run(['job.js', '--records', 'r.jsonl', '--timeout', '2'], inHandler);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/program failed: Your loop at job\.js line 13 has been running/);
    expect(m.stderr).not.toMatch(/Error when calling eachMessage/);
  });

  it('refuses what is not a KafkaJS program, a module there is not, and bad options, saying what to do', async () => {
    const none = program(`import { Kafka } from 'kafkajs';\nexport async function other() {}\n`);
    const n = await run(['job.js'], none);
    expect(n.code).toBe(2);
    expect(n.stderr).toMatch(/exports other: a streaming program exports the functions the run calls/);

    const fs = program(`import { Kafka } from 'kafkajs';\nimport fs from 'fs';\nexport const produce = () => fs.x;\n`);
    const f = await run(['job.js'], fs);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/job\.js:2: Error: Cannot find module 'fs'/);

    const ghost = await run([...PAYMENTS, '--crash', '3:5:after-commit']);
    expect(ghost.code).toBe(2);
    expect(ghost.stderr).toBe('--crash 3:5:after-commit: there is no consumer 3; the run has 2 (--consumers 2)');

    // A producer is numbered when it first sends, so the run tells which there were; none is cut silently.
    const noProducer = await run([...PAYMENTS, '--cut-network', '9:1-2']);
    expect(noProducer.code).toBe(2);
    expect(noProducer.stdout).toBe('');
    expect(noProducer.stderr).toBe(
      '--cut-network 9:1-2: there is no producer 9; the run had producer 1 only, numbered in the order they first sent',
    );
    expect((await run([...PAYMENTS, '--cut-network', '1:1-2'])).code).toBe(0);

    const bad = await run([...PAYMENTS, '--crash', '1:5:later']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--crash 1:5:later: must be CONSUMER:MESSAGE:POINT/);

    const scenario = await run(['labs/examples/streaming/car-gps.js', '--consumers', '2']);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(/--consumers: applies to KafkaJS programs/);

    const broker = program(HEAD.replace("'n1:9092'", "'localhost:9092'") + 'export async function consume() {}\n');
    const b = await run(['job.js'], broker);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(
      /job\.js:2: KafkaJSNonRetriableError: .*no broker at localhost:9092.*n1:9092, n2:9092, n3:9092/,
    );
  });

  it('names the fault option as given, its part and the unit (seconds) when a value is wrong', async () => {
    const refused = async (...extra: string[]) => {
      const r = await run([...PAYMENTS, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      return r.stderr;
    };
    expect(await refused('--kill-broker', 'n1:1:0')).toBe(
      "--kill-broker n1:1:0: BACK must be a number of seconds from 0.001 to 3,600, got '0'",
    );
    expect(await refused('--kill-broker', 'n4:1')).toBe(
      "--kill-broker n4:1: BROKER must be one of the brokers n1, n2, n3 (--brokers 3), got 'n4'",
    );
    const twoBrokers = PAYMENTS.map((a) => (a === 'payments:3' ? 'payments:3:2' : a));
    const n3 = await run([...twoBrokers, '--brokers', '2', '--kill-broker', 'n3:1']);
    expect(n3.stderr).toBe("--kill-broker n3:1: BROKER must be one of the brokers n1, n2 (--brokers 2), got 'n3'");
    expect(await refused('--kill-broker', 'n1:soon')).toBe(
      "--kill-broker n1:soon: SEC must be a number of seconds from 0 to 3,600, got 'soon'",
    );
    expect(await refused('--kill-broker', 'n1:90')).toBe(
      '--kill-broker n1:90: SEC must come before the run ends at 60 s (--duration), got 90 s',
    );
    expect(await refused('--cut-network', '1:3-2')).toBe('--cut-network 1:3-2: TO must come after FROM');
    expect(await refused('--cut-network', 'p:1-2')).toBe(
      "--cut-network p:1-2: PRODUCER must be a whole number from 1 to 100, got 'p'",
    );
    expect(await refused('--crash', '1:0:after-commit')).toBe(
      "--crash 1:0:after-commit: MESSAGE must be a whole number from 1 to 1,000,000, got '0'",
    );
    expect(await refused('--duration', '0.0001')).toBe(
      "--duration: must be a number of seconds from 0.001 to 3,600 with at most 3 decimals (the smallest step is 0.001 s, one simulated millisecond), got '0.0001'",
    );
    expect(await refused('--duration', '0')).toBe(
      "--duration: must be a number of seconds from 0.001 to 3,600, got '0'",
    );
    // A millisecond is the smallest step, and trailing zeros are no finer.
    expect((await run([...PAYMENTS, '--duration', '0.001'])).code).toBe(0);
    expect((await run([...PAYMENTS, '--duration', '5.5000', '--kill-broker', 'n2:1.25:0.001'])).code).toBe(0);
  });
});
