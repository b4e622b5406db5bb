// Each submission has its own time budget: a student whose steps loop forever costs the class at
// most --budget (plus the step running when it runs out), the rest of their steps say why they
// were not run, and the next submission starts with a fresh budget.
import { expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeCommand } from './gradeCommand';
import { findLab } from '../labs/labRegistry';
import { studentSeed, variantSolution } from '../labs/variant';

const chain = findLab('mapreduce-chaining')!;
const ENDLESS =
  "export default { kind: 'mapreduce', input: '/data/graph.txt', output: '/out/m', map(o, line, ctx) { while (true) {} }, reduce(k, v, ctx) {} };\n";

it('stops grading a submission once it used its budget; the next one starts fresh', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cl-budget-'));
  const folder = join(root, 'class');
  const looper = join(folder, 'Lou Loops');
  mkdirSync(looper, { recursive: true });
  for (const n of [1, 2, 3]) writeFileSync(join(looper, `mapreduce-chaining.step${n}.js`), ENDLESS);
  const good = join(folder, 'Zoe Good');
  mkdirSync(good);
  writeFileSync(join(good, 'mapreduce-chaining.step1.js'), variantSolution(chain.steps[0]!, studentSeed('Zoe Good')));
  const err: string[] = [];
  const io = { out: () => {}, err: (t: string) => err.push(t), cwd: root };
  expect(await gradeCommand([folder, '--out', 'grades', '--timeout', '2', '--budget', '1'], io)).toBe(0);
  const rows = (
    JSON.parse(readFileSync(join(root, 'grades.json'), 'utf8')) as {
      rows: { student: string; step: number; status: string; reason: string }[];
    }
  ).rows.map((r) => [r.student, r.step, r.status, r.reason.replace(/line \d+ .*/, 'line N')]);
  expect(rows).toEqual([
    ['Lou Loops', 1, 'error', 'Your loop at mapreduce-chaining.step1.js line N'],
    ['Lou Loops', 2, 'error', 'not run: this submission used its time budget of 1 s'],
    ['Lou Loops', 3, 'error', 'not run: this submission used its time budget of 1 s'],
    ['Zoe Good', 1, 'pass', ''],
    ['Zoe Good', 2, 'missing', 'not handed in'],
    ['Zoe Good', 3, 'missing', 'not handed in'],
  ]);
  expect(err.join('')).toMatch(/Lou Loops.*: 0 of 1 steps passed \(2 not run: its time budget of 1 s was used\)/);
}, 60_000);

it('--budget is checked like --timeout', async () => {
  const io = { out: () => {}, err: () => {}, cwd: tmpdir() };
  await expect(gradeCommand(['x', '--budget', '0'], io)).rejects.toThrow(
    "--budget: must be a number of seconds above 0 and at most 3600, got '0'",
  );
});
