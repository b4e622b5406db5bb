// A scenario that throws strange things, returns garbage or loops forever ends with one message
// naming the file (and the line where there is one), the right exit code and never a Node stack.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import type { CliIo } from './cliIo';

async function stream(source: string, ...options: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'stream-fail-'));
  writeFileSync(join(dir, 'bad.js'), source);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir };
  const code = await main(['stream', 'bad.js', ...options], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const scenario = (generate: string, process: string, top = '') =>
  `${top}
export default {
  durationMs: 1000,
  topic: { partitions: 2 },
  producers: [{ ratePerSec: 10, generate(ctx) { ${generate} } }],
  process(record) { ${process} },
  sink: 'append',
  delivery: 'at-least-once',
};
`;
const GOOD = "return { key: 'k', value: 1 };";
const PASS = 'return record;';

const CASES: [string, string, number, RegExp][] = [
  [
    'process throws an Error',
    scenario(GOOD, "throw new Error('nope');"),
    1,
    /^clusterlab stream: bad\.js:6: process: threw nope \(record/,
  ],
  [
    'process throws a null-prototype object',
    scenario(GOOD, 'throw Object.create(null);'),
    1,
    /process: threw an object/,
  ],
  [
    'process throws a hostile Proxy',
    scenario(GOOD, 'throw new Proxy({}, { get() { throw 1; }, has() { throw 2; }, getPrototypeOf() { throw 3; } });'),
    1,
    /process: threw a value that cannot be shown/,
  ],
  [
    'process throws an object whose message getter throws',
    scenario(GOOD, "throw { get message() { throw new Error('x'); }, get stack() { throw 1; } };"),
    1,
    /process: threw a value that cannot be shown/,
  ],
  [
    'process returns a number',
    scenario(GOOD, 'return 42;'),
    1,
    /process: must return \{ key, value \} or null, got 42/,
  ],
  [
    'process returns a throwing getter',
    scenario(GOOD, "return { get key() { throw new Error('got you'); } };"),
    1,
    /process: returned a value that threw got you when read/,
  ],
  [
    'process returns a function value',
    scenario(GOOD, 'return { key: "k", value: () => 1 };'),
    1,
    /process \(value\): must be plain data .*got a function/,
  ],
  [
    'generate returns a BigInt value',
    scenario("return { key: 'k', value: 1n };", PASS),
    1,
    /generate \(value\): must be plain data .*got a BigInt/,
  ],
  [
    'generate returns a Symbol key',
    scenario("return { key: Symbol('s'), value: 1 };", PASS),
    1,
    /generate: key must be a string, a number or null, got symbol/,
  ],
  [
    'generate returns a cycle',
    scenario('const a = {}; a.a = a; return { key: "k", value: a };', PASS),
    1,
    /generate \(value\): value nests deeper than 64 levels/,
  ],
  [
    'the top level throws a null-prototype object',
    scenario(GOOD, PASS, 'throw Object.create(null);'),
    2,
    /^clusterlab stream: bad\.js: an object that is not an Error\n$/,
  ],
  [
    'the top level loops forever',
    scenario(GOOD, PASS, 'for (;;) {}'),
    2,
    /bad\.js: the top level of the file ran longer than 2 s/,
  ],
  [
    'the default export is a hostile Proxy',
    'export default new Proxy({}, { get() { throw 1; }, ownKeys() { throw 2; }, has() { throw 3; } });',
    2,
    /^clusterlab stream: bad\.js: reading the scenario threw \d\n$/,
  ],
];

describe('a failing scenario', { timeout: 120_000 }, () => {
  it.each(CASES)('%s: one message, the right exit code, no stack', async (_name, source, code, message) => {
    const r = await stream(source);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at |node:internal/);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
  });

  it('a process that loops forever is stopped at the budget (exit 1)', async () => {
    const r = await stream(scenario(GOOD, 'for (;;) {}'), '--timeout', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clusterlab stream: bad\.js: stopped after the 1 s budget/);
  });
});
