import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { findLab } from '../labs/labRegistry';
import { studentSeed, variantSolution, variantValues } from '../labs/variant';

const dir = mkdtempSync(join(tmpdir(), 'cl-check-student-'));

async function check(file: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['check', 'mapreduce-chaining', file, ...argv], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: dir,
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('clusterlab check --student', () => {
  it("runs a step as the student's variant: their solution passes, the lab's own fails, and the values are said", async () => {
    const step = findLab('mapreduce-chaining')!.steps[0]!;
    const seed = studentSeed('Ana Lima');
    const top = variantValues(step, seed).top;
    writeFileSync(join(dir, 'ana.js'), variantSolution(step, seed));
    writeFileSync(join(dir, 'lab.js'), step.solution);
    const ana = await check('ana.js', '--student', ' ana  lima');
    expect(ana.code, ana.out).toBe(0);
    expect(ana.err).toMatch(
      new RegExp(
        `^ ana {2}lima's variant \\(seed ${seed}\\): each student ranks a link graph .*; top = ${top}, graphBytes = \\d+, countBytes = \\d+\\n$`,
      ),
    );
    const own = await check('lab.js', '--student', 'Ana Lima');
    expect(own.code).toBe(1);
    expect(own.out).toMatch(new RegExp(`the answer has ${top}`));
    // Without --student: the step as written, where the lab's own solution passes.
    expect((await check('lab.js')).code).toBe(0);
    const bad = await check('lab.js', '--student', 'Ana\u0000');
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toMatch(/^clusterlab check: --student: the student's name contains the control character U\+0000/);
  }, 60_000);
});
