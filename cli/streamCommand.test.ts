import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CliIo, UsageError } from './cliIo';
import { streamCommand } from './streamCommand';

const root = resolve(__dirname, '..');

function fakeIo(cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function run(argv: string[], cwd = root) {
  const f = fakeIo(cwd);
  try {
    const code = await streamCommand(argv, f.io);
    return { code, stdout: f.stdout(), stderr: f.stderr() };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: f.stdout(), stderr: e.message };
    throw e;
  }
}

function scenarioDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stream-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const EXAMPLES = 'labs/examples/streaming';

// The first run builds the CLI bundle (the stream worker), which can take a few seconds.
describe('clusterlab stream', { timeout: 60_000 }, () => {
  it('car GPS: at-least-once into the key-value store replays but never duplicates or loses', async () => {
    const r = await run([`${EXAMPLES}/car-gps.js`, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ledger).toMatchObject({ produced: 12000, stored: 12000, lost: 0, duplicated: 0 });
    expect(j.ledger.reprocessed).toBeGreaterThan(0);
    expect(j.lag).toHaveLength(6);
    expect(typeof j.simulatedMs).toBe('number');
    expect(j.metrics.consumerCrashes).toBe(1);
  });

  it('engine misfires: at-most-once loses a batch and counts nothing twice', async () => {
    const r = await run([`${EXAMPLES}/engine-misfires.js`, '--json']);
    expect(r.code).toBe(0);
    const l = JSON.parse(r.stdout).ledger;
    expect(l.duplicated).toBe(0);
    expect(l.reprocessed).toBe(0);
    expect(l.lost).toBeGreaterThan(0);
    expect(l.late).toBeGreaterThan(0);
  });

  it('card payments: exactly-once through a network drop, a broker death and a consumer crash', async () => {
    const r = await run([`${EXAMPLES}/card-payments.ts`, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ledger).toMatchObject({ produced: 30000, stored: 30000, lost: 0, duplicated: 0, logDuplicated: 0 });
    expect(j.metrics.leaderElections).toBeGreaterThan(0);
    expect(j.metrics.producerRetries).toBeGreaterThan(0);
  });

  it('prints the ledger as a table by default', async () => {
    const r = await run([`${EXAMPLES}/engine-misfires.js`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Engine misfire events \(engine-misfires\.js, seed 1\)/);
    expect(r.stdout).toMatch(/\n {2}duplicated +0 /);
    expect(r.stdout).toMatch(/\n {2}partition +leader +isr/);
  });

  it('is deterministic: two runs with the same seed print byte-identical output', async () => {
    const a = await run([`${EXAMPLES}/card-payments.ts`, '--seed', '9']);
    const b = await run([`${EXAMPLES}/card-payments.ts`, '--seed', '9']);
    expect(a.stdout).toBe(b.stdout);
    const c = await run([`${EXAMPLES}/card-payments.ts`, '--seed', '10']);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('names the file and the field of an invalid scenario (exit 2)', async () => {
    const dir = scenarioDir({
      'bad.js':
        "export default { durationMs: 1000, topic: { partitions: 2 }, producers: [{ ratePerSec: 10, generate: () => ({ value: 1 }) }], sink: 'append', delivery: 'twice' };\n",
    });
    const r = await run(['bad.js'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "bad.js: delivery: must be one of 'at-most-once', 'at-least-once', 'exactly-once', got \"twice\"",
    );
  });

  it('reports the scenario line of a throwing function (exit 1) and rejects imports and bad usage (exit 2)', async () => {
    const dir = scenarioDir({
      'throws.ts': [
        'export default {',
        '  durationMs: 1000,',
        '  topic: { partitions: 2 },',
        '  producers: [{ ratePerSec: 10, generate: () => ({ key: "a", value: 1 }) }],',
        '  process(record: { value: number }) {',
        '    if (record.value === 1) throw new Error("no ones please");',
        '    return null;',
        '  },',
        "  sink: 'append',",
        "  delivery: 'at-least-once',",
        '};',
      ].join('\n'),
      'imports.js': "import fs from 'node:fs';\nexport default {};\n",
    });
    const t = await run(['throws.ts'], dir);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/^clusterlab stream: throws\.ts:6: process: threw no ones please/);
    const i = await run(['imports.js'], dir);
    expect(i.code).toBe(2);
    expect(i.stderr).toMatch(/^imports\.js:\d+: scenario files cannot import modules/);
    expect((await run([])).code).toBe(2);
    expect((await run([`${EXAMPLES}/car-gps.js`, '--seed', 'x'])).stderr).toBe(
      "--seed: must be a whole number from 0 to 4,294,967,295, got 'x'",
    );
    expect((await run(['missing.js'])).stderr).toMatch(/^missing\.js: cannot read/);
  });

  it('exits 1 when a windowed scenario produces values its aggregate cannot take', async () => {
    const dir = scenarioDir({
      'sum.js':
        "export default { durationMs: 1000, topic: { partitions: 1 }, producers: [{ ratePerSec: 10, generate: () => ({ key: 'k', value: 'x' }) }], window: { type: 'tumbling', sizeMs: 100, aggregate: 'sum' }, sink: 'append', delivery: 'at-least-once' };\n",
    });
    const r = await run(['sum.js'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "clusterlab stream: sum.js: process: window aggregate 'sum' needs a finite number as value, got x\n",
    );
  });

  it('exits 1 when the ledger does not match the scenario expectations', async () => {
    const dir = scenarioDir({
      'expect.js':
        "export default { durationMs: 1000, topic: { partitions: 2 }, producers: [{ ratePerSec: 10, generate: ({ index }) => ({ key: 'k' + index, value: index }) }], sink: 'append', delivery: 'at-least-once', expect: { produced: 11 } };\n",
    });
    const r = await run(['expect.js'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/produced = 11: FAILED \(got 10\)/);
  });

  it('stops a scenario whose process loops forever at the --timeout budget (exit 1, file and budget named)', async () => {
    const dir = scenarioDir({
      'spin.js': [
        'export default {',
        '  durationMs: 1000,',
        '  topic: { partitions: 2 },',
        "  producers: [{ ratePerSec: 10, generate: ({ index }) => ({ key: 'k' + index, value: index }) }],",
        '  process(record) {',
        '    for (;;) {}',
        '  },',
        "  sink: 'append',",
        "  delivery: 'at-least-once',",
        '};',
      ].join('\n'),
    });
    // Build the worker first so the measured time is the run's own.
    expect((await run([`${EXAMPLES}/engine-misfires.js`, '--json'])).code).toBe(0);
    const started = Date.now();
    const r = await run(['spin.js', '--timeout', '1.5'], dir);
    const elapsed = Date.now() - started;
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^clusterlab stream: spin\.js: stopped after the 1\.5 s budget \(--timeout 1\.5\)/);
    // Generous: it must not wait for the 30 s default, let alone forever.
    expect(elapsed).toBeLessThan(15_000);
  });

  it('rejects a bad --timeout (exit 2) and gives a sound run the same bytes whatever the budget', async () => {
    for (const bad of ['0', '-1', 'x', '1e3', '100000'])
      expect((await run([`${EXAMPLES}/car-gps.js`, '--timeout', bad])).stderr).toMatch(/^--timeout: must be a number/);
    expect((await run([`${EXAMPLES}/car-gps.js`, '--timeout'])).code).toBe(2);
    const a = await run([`${EXAMPLES}/car-gps.js`, '--seed', '4']);
    const b = await run([`${EXAMPLES}/car-gps.js`, '--seed=4', '--timeout=120']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('a scenario process cannot corrupt the log or the ledger by mutating its record', async () => {
    const scenario = (body: string) =>
      [
        'export default {',
        '  durationMs: 2000,',
        '  topic: { partitions: 3 },',
        "  producers: [{ ratePerSec: 100, generate: ({ index }) => ({ key: 'k' + (index % 5), value: { n: index } }) }],",
        `  process(record) { ${body} return { key: record.key + '/' + record.value.n, value: record.value.n }; },`,
        "  sink: 'key-value',",
        "  delivery: 'at-least-once',",
        "  faults: [{ type: 'crash-consumer', consumer: 1, point: 'before-commit', batch: 2, restartAfterMs: 500 }],",
        '};',
      ].join('\n');
    const dir = scenarioDir({
      'clean.js': scenario(''),
      'vandal.js': scenario(
        "for (const f of [() => { record.id = 0; }, () => { record.offset = 0; }, () => { record.value.n = -1; }, () => { record.key = 'x'; }]) { try { f(); } catch (e) { if (!(e instanceof TypeError)) throw e; } }",
      ),
    });
    const clean = JSON.parse((await run(['clean.js', '--json'], dir)).stdout);
    const vandal = await run(['vandal.js', '--json'], dir);
    expect(vandal.code).toBe(0);
    const v = JSON.parse(vandal.stdout);
    expect(v.ledger).toEqual(clean.ledger);
    expect(v.ledger).toMatchObject({ produced: 200, stored: 200, lost: 0, duplicated: 0 });
    expect(v.output).toEqual(clean.output);
  });
  it("caps a scenario's console output as a job run's (1,000 lines), then says how many were not shown", async () => {
    const dir = scenarioDir({
      'spam.js':
        "export default { durationMs: 1000, topic: { partitions: 2 }, producers: [{ ratePerSec: 5000, generate: ({ index }) => { console.log('spam', index); return { key: 'a', value: 1 }; } }], process: () => null, sink: 'append', delivery: 'at-least-once' };\n",
    });
    const r = await run(['spam.js', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1_001);
    expect(lines[0]).toBe('spam 0');
    expect(lines[999]).toBe('spam 999');
    expect(lines[1000]).toBe(
      '… 4,000 more lines of console output not shown (at most 1,000 lines or 200,000 characters a run)',
    );
  });
});
