// A learner's file run by a teacher must not drive the teacher's terminal: control sequences in
// anything the CLI prints come out as visible escapes. And top-level console output of a job is
// printed once, however many workers evaluate the job module.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from './cliIo';
import { main } from './main';
import { terminalSafeText } from './terminalSafeIo';

// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const CLEAR_AND_FAKE = '\x1b[2J\x1b[H all checks passed';
const OSC52 = '\x1b]52;c;Y3VybCBldmlsLnNofHNo\x07';

describe('terminalSafeText', () => {
  it('shows every control sequence as a visible escape and keeps newlines and tabs', () => {
    const hostile = [
      CLEAR_AND_FAKE,
      OSC52,
      '\x1b]52;c;eA==\x1b\\', // OSC 52 ended by ST
      '\x9b2J\x9d52;c;eA==\x9c', // 8-bit CSI, OSC and ST
      'ok\rFAILED', // carriage return overwrites the line
      'pass\b\b\b\bfail', // backspaces
      '\x07\x00\x7f\x0b\x0c',
      'abc\u202edcba', // right-to-left override
    ];
    for (const h of hostile) expect(terminalSafeText(h)).not.toMatch(RAW_CONTROL);
    expect(terminalSafeText(CLEAR_AND_FAKE)).toBe('\\u001b[2J\\u001b[H all checks passed');
    expect(terminalSafeText(OSC52)).toBe('\\u001b]52;c;Y3VybCBldmlsLnNofHNo\\u0007');
    expect(terminalSafeText('ok\rFAILED\b')).toBe('ok\\u000dFAILED\\u0008');
    expect(terminalSafeText('a\tb\nc ü €')).toBe('a\tb\nc ü €');
  });

  it('keeps JSON valid and its data unchanged (C1 characters become JSON escapes)', () => {
    const data = { key: `${CLEAR_AND_FAKE}\x9b\u202e`, values: [OSC52] };
    const safe = terminalSafeText(JSON.stringify(data));
    expect(safe).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(safe)).toEqual(data);
  });

  it('keeps a JSON answer on its one line for readers that break lines at U+2028 and U+2029', () => {
    const data = { result: ['a\u2028b', 'c\u2029d'], failure: { message: 'x\ny\u2028z' } };
    const safe = terminalSafeText(JSON.stringify(data));
    expect(safe).toBe('{"result":["a\\u2028b","c\\u2029d"],"failure":{"message":"x\\ny\\u2028z"}}');
    expect(JSON.parse(safe)).toEqual(data);
  });
});

const JOB = `console.log(${JSON.stringify(CLEAR_AND_FAKE)});
console.log(${JSON.stringify(`top level ${OSC52}`)});
export default {
  kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/hostile', numReduceTasks: 1,
  map(offset, line, ctx) {
    if (offset === 0) console.log(${JSON.stringify(`in map ${OSC52}`)});
    if (offset === 0) ctx.write(${JSON.stringify(`key ${CLEAR_AND_FAKE}`)}, ${JSON.stringify(`\x9b31m value`)});
  },
  reduce(key, values, ctx) { ctx.write(key, [...values][0]); },
};
`;

async function cli(argv: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd };
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('the CLI prints learner text safely', { timeout: 120_000 }, () => {
  const saved = process.env.CLUSTERLAB_WORKERS;
  beforeEach(() => {
    process.env.CLUSTERLAB_WORKERS = '4';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CLUSTERLAB_WORKERS;
    else process.env.CLUSTERLAB_WORKERS = saved;
  });

  it('escapes a job console output, keys and values; top-level output appears once with 4 workers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'term-'));
    writeFileSync(join(dir, 'hostile.js'), JOB);
    const r = await cli(['run', 'hostile.js'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr.split('\\u001b[2J\\u001b[H all checks passed\n')).toHaveLength(2);
    expect(r.stderr.split('top level \\u001b]52;c;Y3VybCBldmlsLnNofHNo\\u0007\n')).toHaveLength(2);
    expect(r.stderr).toContain('in map \\u001b]52;c;');
    expect(r.stdout).toContain('key \\u001b[2J\\u001b[H all checks passed');
    expect(r.stdout).toContain('\\u009b31m value');
    const json = await cli(['run', 'hostile.js', '--json'], dir);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.stdout).result).toEqual([[`key ${CLEAR_AND_FAKE}`, '\x9b31m value']]);
  });

  it('escapes learner strings in error messages, file names and scenario output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'term-'));
    writeFileSync(
      join(dir, 'throws.js'),
      `export default { kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/x', numReduceTasks: 1,
  map() { throw new Error(${JSON.stringify(CLEAR_AND_FAKE)}); }, reduce() {} };\n`,
    );
    const thrown = await cli(['run', 'throws.js'], dir);
    expect(thrown.code).toBe(1);
    expect(thrown.stderr).toContain('\\u001b[2J\\u001b[H all checks passed');
    const missing = await cli(['run', `${OSC52}.js`], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('\\u001b]52;c;');
    writeFileSync(
      join(dir, 'scenario.js'),
      `console.log(${JSON.stringify(OSC52)});
export default { durationMs: 1000, topic: { partitions: 1 }, producers: [{ ratePerSec: 10, generate: () => ({ key: ${JSON.stringify(CLEAR_AND_FAKE)}, value: 1 }) }],
  process(record) { if (record.offset === 3) throw new Error(${JSON.stringify(`bad ${OSC52}`)}); return record; }, sink: 'append', delivery: 'at-least-once' };\n`,
    );
    const s = await cli(['stream', 'scenario.js'], dir);
    expect(s.code).toBe(1);
    expect(s.stdout + s.stderr).not.toMatch(RAW_CONTROL);
    expect(s.stderr).toContain('\\u001b]52;c;Y3VybCBldmlsLnNofHNo\\u0007\n');
    expect(s.stderr).toContain('process: threw bad \\u001b]52;c;');
    for (const r of [thrown, missing]) expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('names and paths the user gave stay on one line in messages', () => {
  const say = async (argv: string[], cwd: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
    return { code, out: out.join(''), err: err.join('') };
  };
  const job = join(process.cwd(), 'labs/examples/jobs/word-count.ts');

  it('run --put: a local file or an HDFS path with a line break is shown with ⏎', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-lines-'));
    writeFileSync(join(dir, 'in.txt'), 'a b\n');
    const dfs = await say(['run', job, '--put', 'in.txt:/data/x\nPASS all checks'], dir);
    expect(dfs.code).toBe(2);
    expect(dfs.err).toBe(
      "clusterlab run: --put in.txt:/data/x ⏎ PASS all checks: a DFS path must not contain ':' or control characters\n",
    );
    const local = await say(['run', job, '--put', 'in\nPASS.txt:/data/x'], dir);
    expect(local.code).toBe(2);
    expect(local.err).toBe('clusterlab run: --put: local file not found: in ⏎ PASS.txt\n');
  });

  it('pack build, lab new and an unknown command: the name given is shown with ⏎', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-lines-'));
    writeFileSync(join(dir, 'pack.json'), '{}');
    writeFileSync(join(dir, 'bad\nname.js'), 'x');
    const pack = await say(['pack', 'build', dir, '--out', join(dir, 'out.clusterlab')], dir);
    expect(pack.code).toBe(2);
    expect(pack.err).toMatch(/^clusterlab pack: .*bad ⏎ name\.js.*\n$/);
    expect(pack.err.split('\n')).toHaveLength(2);
    const lab = await say(['lab', 'new', 'x\nPASS'], dir);
    expect(lab.code).toBe(2);
    expect(lab.err).toMatch(/^clusterlab lab: the lab id must be kebab-case .*got 'x ⏎ PASS'\n$/);
    const unknown = await say(['ru\nn'], dir);
    expect(unknown.err).toMatch(/^clusterlab: unknown command 'ru ⏎ n'\n\nUsage/);
    // A message laid out on lines (the usage after a mistake) keeps them.
    const check = await say(['check', 'only-one'], dir);
    expect(check.code).toBe(2);
    expect(check.err).toMatch(
      /^clusterlab check: expected LAB and FILE, got 1 argument\(s\)\n\nUsage: clusterlab check/,
    );
  });
});
