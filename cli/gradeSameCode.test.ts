// `grade` tells a teacher which students handed in the same code for a step (line ends and
// trailing white space aside; the starter everyone gets is no finding): a line per group on
// stderr and `same_code_as` in both tables. An earlier table without that column is still
// recognised as the grader's own and written over.
import { expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeCommand } from './gradeCommand';
import { findLab } from '../labs/labRegistry';

const scale = findLab('scale-up-vs-out')!;

it('reports the students who handed in the same code, and not those who kept the starter', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cl-same-'));
  const folder = join(root, 'class');
  const solution = scale.steps[0]!.solution;
  const other = solution.replace(/\n/, '\n\n');
  const students: [string, string][] = [
    ['Ana Lima', solution],
    ['Bo Chen', `${solution.replace(/\n/g, '  \r\n')}\n\n`],
    ['Cy Dorn', other],
    ['Di Egan', scale.steps[0]!.starter],
    ['Ed Fox', `${scale.steps[0]!.starter}\n`],
    ['Flo Gray', solution],
    ['Gus Hale', other.replace(/\n/, '\n\n')],
  ];
  for (const [name, code] of students) {
    mkdirSync(join(folder, name), { recursive: true });
    writeFileSync(join(folder, name, 'scale-up-vs-out.step1.json'), code);
  }
  // Gus handed in twice with the same code: his own two files are no finding.
  mkdirSync(join(folder, 'gus hale'));
  writeFileSync(join(folder, 'gus hale', 'scale-up-vs-out.step1.json'), students.at(-1)![1]);
  // A table an earlier ClusterLab wrote (no same_code_as column) is the grader's own: written over.
  writeFileSync(
    join(root, 'grades.csv'),
    'student,source,lab,step,step_id,status,checks_passed,checks_total,failing_checks,reason,simulated_s,figures,variant_seed\r\n',
  );
  const err: string[] = [];
  const io = { out: () => {}, err: (t: string) => err.push(t), cwd: root };
  expect(await gradeCommand([folder, '--out', 'grades'], io)).toBe(0);
  expect(err.filter((l) => l.includes('same code'))).toEqual([
    'clusterlab grade: the same code for scale-up-vs-out step 1 (hockey-stick): Ana Lima (Ana Lima), Bo Chen (Bo Chen), Flo Gray (Flo Gray)\n',
  ]);
  const rows = (
    JSON.parse(readFileSync(join(root, 'grades.json'), 'utf8')) as {
      rows: { student: string; step: number; sameCodeAs: string[] }[];
    }
  ).rows.filter((r) => r.step === 1);
  expect(rows.map((r) => [r.student, r.sameCodeAs])).toEqual([
    ['Ana Lima', ['Bo Chen', 'Flo Gray']],
    ['Bo Chen', ['Ana Lima', 'Flo Gray']],
    ['Cy Dorn', []],
    ['Di Egan', []],
    ['Ed Fox', []],
    ['Flo Gray', ['Ana Lima', 'Bo Chen']],
    ['Gus Hale', []],
    ['gus hale', []],
  ]);
  const csv = readFileSync(join(root, 'grades.csv'), 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/,variant_seed,same_code_as$/);
  expect(csv.find((l) => l.startsWith('Ana Lima,Ana Lima,scale-up-vs-out,1,'))).toMatch(/,Bo Chen; Flo Gray$/);
  expect(csv.find((l) => l.startsWith('Cy Dorn,Cy Dorn,scale-up-vs-out,1,'))).toMatch(/,$/);
});
