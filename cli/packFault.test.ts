// A pack's own code that runs past a sandbox limit is the pack's fault, said so: the message names
// data.js or checks.js and "the pack's code", never the learner's file or "your code".
import { expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from './main';

const SAMPLE = resolve('labs/packs/sample-pack');
const BOMB = 'const a = []; for (;;) a.push(new Array(1e5).fill(1));';

async function check(file: string, body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pack-fault-'));
  cpSync(SAMPLE, dir, { recursive: true });
  const name = file === 'data.js' ? 'sentences' : 'everyWordCounted';
  writeFileSync(join(dir, 'word-lengths', file), `export function ${name}() {\n  ${body}\n}\n`);
  const solution = join(dir, 'word-lengths/steps/1-count-lengths/solution.js');
  const out: string[] = [];
  const before = process.env.CLUSTERLAB_WORKER_MEMORY_MB;
  process.env.CLUSTERLAB_WORKER_MEMORY_MB = '128';
  try {
    const code = await main(['check', 'word-lengths', solution, '--pack', dir], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      cwd: dir,
    });
    return { code, text: out.join('') };
  } finally {
    if (before === undefined) delete process.env.CLUSTERLAB_WORKER_MEMORY_MB;
    else process.env.CLUSTERLAB_WORKER_MEMORY_MB = before;
  }
}

it("a data generator past the memory limit is the pack's fault, naming data.js", async () => {
  const r = await check('data.js', BOMB);
  expect(r.code).toBe(1);
  expect(r.text).toMatch(/The run failed: .*word-lengths\/data\.js: the lab pack's data generator failed/);
  expect(r.text).toMatch(/the pack's code holds more than|memory limit of 128 MB/);
  expect(r.text).not.toMatch(/your code|solution\.js:/);
}, 90_000);

it("a script check past the memory limit fails its check as the pack's fault, naming checks.js", async () => {
  const r = await check('checks.js', BOMB);
  expect(r.code).toBe(1);
  expect(r.text).toMatch(/PASS {2}Your counts are the reference solution's/);
  expect(r.text).toMatch(
    /FAIL {2}Every word of the text is counted once\n\s+The lab's check could not judge your run: .*word-lengths\/checks\.js: .*the pack's code/,
  );
  expect(r.text).not.toMatch(/your code|solution\.js:/);
}, 90_000);
