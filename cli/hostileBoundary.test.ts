// Hostile values crossing the sandbox boundary, through the real CLI (`main`, real sandbox
// processes): whatever a job returns, throws, writes or logs, the command ends with the right exit
// code and exactly one clear message, and no Node stack reaches the terminal.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { CASES } from './__tests__/hostileCases';

const dir = mkdtempSync(join(tmpdir(), 'clusterlab-hostile-'));

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: process.cwd() }, out, err };
}

const NO_STACK = /^\s+at |node:internal|triggerUncaughtException|\.mjs:\d+/m;

const contained: Record<string, { tried: number; contained: number }> = {};

describe('hostile values crossing the sandbox boundary (real CLI, real sandbox)', () => {
  it.each(CASES.map((c) => [`${c.family}: ${c.name}`, c] as const))(
    '%s',
    async (_label, c) => {
      const file = join(
        dir,
        `${c.name.includes('getter') ? 'getter' : c.name.startsWith('an RDD') ? 'rdd' : c.family}-${CASES.indexOf(c)}.js`,
      );
      writeFileSync(file, c.source);
      const f = fakeIo();
      const tally = (contained[c.family] ??= { tried: 0, contained: 0 });
      tally.tried++;
      const code = await main(['run', file, '--json', '--timeout', '20', '--workers', '2'], f.io);
      const err = f.err.join('');
      expect(err).not.toMatch(NO_STACK);
      expect(code).toBe(c.code);
      if (c.code === 0) {
        expect(JSON.parse(f.out.join('')).result).toEqual(c.result);
        if (c.logs) expect(err).toMatch(c.logs);
        else expect(err).toBe('');
      } else {
        const lines = err.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^clusterlab run: /);
        expect(lines[0]).toMatch(c.message!);
      }
      tally.contained++;
    },
    60_000,
  );

  it('contained every case tried (counts per family)', () => {
    const families = [...new Set(CASES.map((c) => c.family))];
    for (const family of families) expect(contained[family]!.contained).toBe(contained[family]!.tried);
    console.info(`hostile boundary cases (tried/contained): ${JSON.stringify(contained)}`);
  });
});
