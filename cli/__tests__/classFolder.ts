/**
 * A generated class for the grading tests: 30 submissions of the mapreduce-chaining lab's first
 * step (a per-student variant) and scale-up-vs-out's first step, good, wrong, endless and hostile,
 * with what each row must say.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLab } from '../../labs/labRegistry';
import { buildHandIn, handInText } from '../../labs/handIn/buildHandIn';
import type { ProgressLike } from '../../labs/handIn/importHandIn';
import { studentSeed, variantSolution, variantValues } from '../../labs/variant';

const chaining = findLab('mapreduce-chaining')!;
const scale = findLab('scale-up-vs-out')!;
const chain1 = chaining.steps[0]!;
const at = new Date('2026-11-30T12:00:00.000Z');

/** The statuses of a source's rows in table order: any row about the whole file, then the labs in the course's order. */
export type Expect = string[];

/** The rows of a submission: scale-up-vs-out's 4 steps (the course puts it first), then mapreduce-chaining's 3. */
const grid = (chain: string, scale = 'missing') => [
  scale,
  'missing',
  'missing',
  'missing',
  chain,
  'missing',
  'missing',
];

/** A lab's own top-10 solution passes only for a student whose variant also lists 10 pages. */
const ownTen = (name: string) => (variantValues(chain1, studentSeed(name)).top === 10 ? 'pass' : 'fail');

const progress = (chain: string | null, scaleCode: string | null, passed = false): ProgressLike => ({
  version: 1,
  labs: {
    ...(chain !== null ? { 'mapreduce-chaining': { step: 0, steps: { 'two-jobs': { code: chain, passed } } } } : {}),
    ...(scaleCode !== null ? { 'scale-up-vs-out': { step: 0, steps: { 'hockey-stick': { code: scaleCode } } } } : {}),
  },
});

const ENDLESS = chain1.solution.replace(
  'const [, dst] = line.split',
  'while (true) {}\n    const [, dst] = line.split',
);

export function writeClass(dir: string): Map<string, Expect> {
  mkdirSync(dir, { recursive: true });
  const expect = new Map<string, Expect>();
  const handIn = (file: string, name: string, p: ProgressLike, e: Expect) => {
    writeFileSync(join(dir, file), handInText(buildHandIn(p, name, '0.1.0', at)));
    expect.set(file, e);
  };
  const raw = (file: string, text: string | Uint8Array, e: Expect) => {
    writeFileSync(join(dir, file), text);
    expect.set(file, e);
  };
  // 12 good: each with their own variant's solution; half also hand in scale-up-vs-out's first step.
  const good = [
    'Ana Lima',
    'Bo Chen',
    'Chiara Rossi',
    'Dmitri Ivanov',
    'Emeka Obi',
    'Fatima Zahra',
    'Gustav Berg',
    'Hana Sato',
    'Ines Costa',
    'Jonas Weber',
    'Kofi Mensah',
    'Lena Novak',
  ];
  good.forEach((name, i) => {
    const sol = variantSolution(chain1, studentSeed(name));
    const withScale = i % 2 === 0;
    handIn(
      `${name.split(' ')[0]!.toLowerCase()}.clusterlab`,
      name,
      progress(sol, withScale ? scale.steps[0]!.solution : null),
      grid('pass', withScale ? 'pass' : 'missing'),
    );
  });
  // 5 wrong: the starter (claiming it passed: never trusted), a neighbour's solution, the lab's own 10.
  handIn(
    'mia.clusterlab',
    'Mia Starter',
    progress(chain1.starter, scale.steps[0]!.starter, true),
    grid('fail', 'fail'),
  );
  handIn(
    'noah.clusterlab',
    'Noah Copy',
    progress(variantSolution(chain1, studentSeed('Ana Lima')), null),
    grid('fail'),
  );
  handIn('olga.clusterlab', 'Olga Ten', progress(chain1.solution, null), grid(ownTen('Olga Ten')));
  handIn('pia.clusterlab', 'Pia Syntax', progress('export default [ {', null), grid('error'));
  handIn('quinn.clusterlab', 'Quinn Throws', progress('throw new Error("boom");', null), grid('error'));
  // 3 endless.
  for (const n of ['Rui Loop', 'Sam Loop', 'Tea Loop'])
    handIn(
      `${n.split(' ')[0]!.toLowerCase()}.clusterlab`,
      n,
      progress(ENDLESS, scale.steps[0]!.solution),
      grid('error', 'pass'),
    );
  // 8 hostile files: each one error row for the whole file.
  raw('huge.clusterlab', Buffer.alloc(9 * 1024 * 1024, 32), ['error']);
  raw('binary.clusterlab', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe]), ['error']);
  raw('deep.json', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, ['error']);
  raw('truncated.clusterlab', handInText(buildHandIn(progress('x', null), 'Trunc Ated', '0.1.0', at)).slice(0, 120), [
    'error',
  ]);
  raw(
    'future.clusterlab',
    JSON.stringify({ format: 'clusterlab-progress', version: 2, student: { name: 'Fut Ure' } }),
    ['error'],
  );
  raw('package.json', JSON.stringify({ name: 'not-a-hand-in', version: '1.0.0' }), ['error']);
  raw(
    'control.clusterlab',
    handInText(buildHandIn(progress('x', null), 'Ok Name', '0.1.0', at)).replace('"Ok Name"', '"Bad\\u001b[31mName"'),
    ['error'],
  );
  const proto = handInText(buildHandIn(progress(chain1.solution, null), "=cmd|' /C calc'!A0", '0.1.0', at)).replace(
    '"labs": {',
    '"labs": { "__proto__": { "polluted": { "step": 0, "steps": {} } },',
  );
  const formula = "=cmd|' /C calc'!A0";
  raw('formula.clusterlab', proto, [...grid(ownTen(formula)), 'error']);
  // 2 job folders: one good (named by lab and step), one with a file of the wrong name.
  mkdirSync(join(dir, 'Uma Folder'));
  writeFileSync(
    join(dir, 'Uma Folder', 'mapreduce-chaining.step1.js'),
    variantSolution(chain1, studentSeed('Uma Folder')),
  );
  writeFileSync(join(dir, 'Uma Folder', 'scale-up-vs-out.step1.json'), scale.steps[0]!.solution);
  expect.set('Uma Folder', grid('pass', 'pass'));
  mkdirSync(join(dir, 'Vic Names'));
  writeFileSync(join(dir, 'Vic Names', 'two-jobs.js'), chain1.solution);
  writeFileSync(join(dir, 'Vic Names', 'mapreduce-chaining.step9.js'), chain1.solution);
  expect.set('Vic Names', ['not-gradable', ...grid('missing')]);
  return expect;
}
