// Streaming scenario files are learners' code too (often shared ones): every known way out of the
// sandbox must fail and write nothing. Each hostile scenario tries to reach `process` and create a
// file under a temp folder; the test asserts the file does not exist, the exit code and that no
// Node stack is printed.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { streamCommand } from './streamCommand';

const root = resolve(__dirname, '..');

async function run(argv: string[], cwd: string) {
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

/** A sound scenario with hostile code in `top` (module level), `generate` and `process`. */
function scenario(target: string, parts: { top?: string; generate?: string; process?: string }): string {
  return `const TARGET = ${JSON.stringify(target)};
function pwn(p) {
  if (p === null || p === undefined) return;
  const fs = typeof p.getBuiltinModule === 'function' ? p.getBuiltinModule('fs') : p.mainModule.require('fs');
  fs.writeFileSync(TARGET, 'escaped');
}
function attempt(f) { try { pwn(f()); } catch (e) { /* blocked */ } }
${parts.top ?? ''}
export default {
  durationMs: 1000,
  topic: { partitions: 2 },
  producers: [{ ratePerSec: 10, generate(ctx) { ${parts.generate ?? ''}; return { key: 'k' + ctx.index, value: ctx.index }; } }],
  process(record) { ${parts.process ?? ''}; return { key: record.key, value: record.value }; },
  sink: 'append',
  delivery: 'at-least-once',
};
`;
}

const SITES = `(e, sites) => { for (const s of sites) { attempt(() => s.getThis()); attempt(() => s.getFunction() && s.getFunction().constructor('return process')()); } return 'x'; }`;

/** Hostile cases that must run to the end (exit 0) without escaping. */
const CONTAINED: Record<string, Parameters<typeof scenario>[1]> = {
  'console.log constructor': { top: "attempt(() => console.log.constructor('return process')());" },
  'console constructor chain': { top: "attempt(() => console.constructor.constructor('return process')());" },
  'own function constructor': {
    generate:
      "attempt(() => (function () {}).constructor('return process')()); attempt(() => pwn.constructor('return this')().process)",
  },
  'async and generator constructors': {
    top: "attempt(() => Object.getPrototypeOf(function* () {}).constructor('return process')().next().value); attempt(() => Object.getPrototypeOf(async () => 1).constructor('return process')())",
  },
  'eval and new Function': {
    process:
      "attempt(() => eval('process')); attempt(() => new Function('return process')()); attempt(() => eval('this.constructor.constructor(\"return process\")()'))",
  },
  'generate ctx and rng': {
    generate:
      "attempt(() => ctx.constructor.constructor('return process')()); attempt(() => ctx.rng.next.constructor('return process')()); attempt(() => ctx.rng.constructor.constructor('return process')())",
  },
  'process record': {
    process:
      "attempt(() => record.constructor.constructor('return process')()); attempt(() => Object.getPrototypeOf(record).constructor.constructor('return process')())",
  },
  'Error.prepareStackTrace in the context': {
    process: `Error.prepareStackTrace = ${SITES}; attempt(() => new Error('x').stack);`,
  },
  "Error.prepareStackTrace of the worker's realm": {
    top: `try { console.log(1n); } catch (e) { const OuterError = Object.getPrototypeOf(e.constructor); attempt(() => { OuterError.prepareStackTrace = ${SITES}; }); attempt(() => OuterError.constructor('return process')()); }`,
    process: 'try { console.log(2n); } catch (e) { attempt(() => e.stack); }',
  },
  "a returned object's getter": {
    process: `return { get key() { Error.prepareStackTrace = ${SITES}; attempt(() => new Error('g').stack); return 'k'; }, get value() { attempt(() => console.log.constructor('return process')()); return 1; } }`,
  },
  'globalThis tricks': {
    top: "attempt(() => globalThis.constructor.constructor('return process')()); attempt(() => this && this.constructor.constructor('return process')()); attempt(() => exports.constructor.constructor('return process')()); attempt(() => module.constructor.constructor('return process')()); attempt(() => Object.getPrototypeOf(globalThis).constructor.constructor('return process')()); attempt(() => globalThis.process); attempt(() => Reflect.getPrototypeOf(module.exports).constructor.constructor('return process')());",
  },
  "polluting the worker realm's prototypes": {
    top: "for (const proto of [Object.getPrototypeOf(console), Object.getPrototypeOf(console.log), Object.getPrototypeOf(Object.getPrototypeOf(console.log))]) { attempt(() => { proto.polluted = 1; }); attempt(() => Object.defineProperty(proto, 'then', { get() { pwn(this); return undefined; } })); }",
    generate: 'if (Object.getPrototypeOf(console).polluted || Object.getPrototypeOf(console.log).polluted) return 42',
  },
  'WebAssembly compile': {
    top: 'attempt(() => { new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return undefined; });',
  },
};

/** Hostile cases that are bad input: exit 2 with one message naming the file. */
const REFUSED: Record<string, [string, RegExp]> = {
  require: [
    "require('node:fs').writeFileSync(TARGET, 'escaped');",
    /^hostile\.js:\d+: scenario files cannot import modules/,
  ],
  process: [
    "process.getBuiltinModule('fs').writeFileSync(TARGET, 'escaped');",
    /^hostile\.js:\d+: process is not defined$/,
  ],
  'static import': [
    "import { writeFileSync } from 'node:fs'; writeFileSync(TARGET, 'escaped');",
    /cannot import modules/,
  ],
};

describe('a streaming scenario file in the sandbox', { timeout: 120_000 }, () => {
  it.each(Object.entries(CONTAINED))('contains %s: the run ends normally and writes nothing', async (_name, parts) => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-escape-'));
    const target = join(dir, 'pwned');
    writeFileSync(join(dir, 'hostile.js'), scenario(target, parts));
    const r = await run(['hostile.js', '--json', '--timeout', '60'], dir);
    expect(existsSync(target)).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ledger).toMatchObject({ produced: 10, stored: 10 });
  });

  it.each(Object.entries(REFUSED))(
    'refuses %s with one message (exit 2) and writes nothing',
    async (_n, [top, message]) => {
      const dir = mkdtempSync(join(tmpdir(), 'stream-escape-'));
      const target = join(dir, 'pwned');
      writeFileSync(join(dir, 'hostile.js'), scenario(target, { top }));
      const r = await run(['hostile.js'], dir);
      expect(existsSync(target)).toBe(false);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    },
  );

  it('a dynamic import() fails without escaping or crashing the command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-escape-'));
    const target = join(dir, 'pwned');
    writeFileSync(
      join(dir, 'hostile.js'),
      scenario(target, { top: "import('node:fs').then((fs) => fs.writeFileSync(TARGET, 'escaped'));" }),
    );
    const r = await run(['hostile.js', '--json'], dir);
    expect(existsSync(target)).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // The failed import is a promise left to fail: the run fails with it, on one line.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clusterlab stream: hostile\.js: the run failed: [^\n]+\n$/);
  });

  it('the three examples still run', async () => {
    for (const f of ['car-gps.js', 'engine-misfires.js', 'card-payments.ts'])
      expect((await run([`labs/examples/streaming/${f}`, '--json'], root)).code).toBe(0);
  });
});
