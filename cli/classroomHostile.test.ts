// What a hostile review found in the classroom commands, each now refused or handled: grade's
// table never replaces a student's file, links are never followed, OS clutter is not a student,
// --pack refuses devices and pipes, pack build checks where it writes first and ships only the
// pack, and names and pack texts cannot hide characters.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from './main';
import { buildHandIn } from '../labs/handIn/buildHandIn';
import { studentNameProblem } from '../labs/handIn/studentName';
import { parsePackArchive } from '../labs/packs/packFiles';

const SAMPLE = resolve('labs/packs/sample-pack');

async function run(argv: string[], cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join(''), err: err.join('') };
}

const temp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));

function handIn(name: string): string {
  const progress = { version: 1 as const, labs: { 'hdfs-blocks': { step: 0, steps: {} } } };
  return JSON.stringify(buildHandIn(progress, name, '0.1.0', new Date(0)));
}

describe('grade against a hostile class folder', () => {
  it('never writes its table over a student’s file', async () => {
    const dir = temp('grade-out');
    writeFileSync(join(dir, 'ana.json'), handIn('Ana Lima'));
    const before = readFileSync(join(dir, 'ana.json'), 'utf8');
    const r = await run(['grade', '.', '--out', 'ana'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out ana: ana.json exists and is not a grade table: choose another PREFIX');
    expect(readFileSync(join(dir, 'ana.json'), 'utf8')).toBe(before);
  });

  it('follows no link, and takes no hidden file or __MACOSX folder for a student', async () => {
    const dir = temp('grade-links');
    mkdirSync(join(dir, 'class/Bob'), { recursive: true });
    mkdirSync(join(dir, 'class/__MACOSX'));
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET-CONTENT');
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'class/Bob/hdfs-blocks.step1.json'));
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'class/eve.json'));
    writeFileSync(join(dir, 'class/Bob/.DS_Store'), 'x');
    writeFileSync(join(dir, 'class/.hidden.json'), 'x');
    const r = await run(['grade', 'class', '--out', 'grades'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('skipped eve.json: a link or a device, not followed');
    const table = readFileSync(join(dir, 'grades.csv'), 'utf8');
    expect(table).not.toContain('TOP-SECRET');
    expect(table).not.toContain('__MACOSX');
    expect(table).not.toContain('.DS_Store');
    expect(table).not.toContain('.hidden');
  });

  it('takes an earlier table left in the class folder for no student', async () => {
    const dir = temp('grade-again');
    writeFileSync(join(dir, 'ana.json'), handIn('Ana Lima'));
    expect((await run(['grade', '.', '--out', 'monday'], dir)).code).toBe(0);
    const r = await run(['grade', '.', '--out', 'tuesday'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('skipped monday.json: a grade table written earlier, not a hand-in');
    expect(r.err).toContain('skipped monday.csv: a grade table written earlier, not a hand-in');
    expect(readFileSync(join(dir, 'tuesday.csv'), 'utf8')).not.toContain('monday');
  });

  it('says in one row a lab what it cannot run, however many steps a file names', async () => {
    const dir = temp('grade-flood');
    const steps = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`s${i}`, { code: 'x' }]));
    const labs = Object.fromEntries(Array.from({ length: 199 }, (_, i) => [`pack-lab-${i}`, { step: 0, steps }]));
    const { s99: _dropped, ...fewer } = steps;
    labs['hdfs-blocks'] = { step: 0, steps: { ...fewer, 'put-512mb': { code: '{}' } } };
    const progress = { version: 1 as const, labs };
    writeFileSync(join(dir, 'ana.json'), JSON.stringify(buildHandIn(progress, 'Ana Lima', '0.1.0', new Date(0))));
    const r = await run(['grade', '.', '--out', 'grades', '--json'], dir);
    expect(r.code).toBe(0);
    const rows = (
      JSON.parse(readFileSync(join(dir, 'grades.json'), 'utf8')) as { rows: { lab: string; reason: string }[] }
    ).rows;
    // 199 unknown labs, one row each; hdfs-blocks: one row for its 99 unknown steps and one per real step.
    expect(rows.filter((r) => r.lab.startsWith('pack-lab-'))).toHaveLength(199);
    expect(rows.find((r) => r.lab === 'pack-lab-7')!.reason).toBe(
      "this ClusterLab has no lab 'pack-lab-7' (100 steps handed in: 's0', 's1', 's10', 's11', 's12' and 95 more; a teacher's pack? grade with --pack)",
    );
    const hdfs = rows.filter((r) => r.lab === 'hdfs-blocks');
    expect(hdfs).toHaveLength(1 + 4);
    expect(hdfs[0]!.reason).toBe(
      "lab 'hdfs-blocks' has no step 's0', 's1', 's10', 's11', 's12' and 94 more in this ClusterLab",
    );
  });

  it('takes one --pack', async () => {
    const r = await run(['grade', 'x', '--pack', SAMPLE, '--pack', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--pack is given twice');
  });
});

describe('--pack against what is not a pack', () => {
  it('refuses a device and a pipe at once, and follows a link to a pack folder', async () => {
    const devices = await run(['labs', '--pack', '/dev/zero']);
    expect(devices.code).toBe(2);
    expect(devices.err).toContain("--pack: zero: is not a pack's folder or a .clusterlab file");
    const dir = temp('pack-fifo');
    execFileSync('mkfifo', [join(dir, 'f.clusterlab')]);
    const pipe = await run(['labs', '--pack', join(dir, 'f.clusterlab')]);
    expect(pipe.code).toBe(2);
    symlinkSync(SAMPLE, join(dir, 'linked'));
    expect((await run(['labs', '--pack', join(dir, 'linked')])).out).toContain('word-lengths');
  });
});

describe('pack build', () => {
  it('checks where it writes before judging anything, and builds only from a folder', async () => {
    const nowhere = await run(['pack', 'build', SAMPLE, '--out', '/nonexistent/x.clusterlab']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain('the folder /nonexistent does not exist');
    expect(nowhere.out).toBe('');
    const dir = temp('pack-built');
    expect((await run(['pack', 'build', SAMPLE], dir)).code).toBe(0);
    const archive = await run(['pack', 'build', join(dir, 'sample-pack.clusterlab')], dir);
    expect(archive.code).toBe(2);
    expect(archive.err).toContain('is not one (a .clusterlab file is already built)');
  }, 60_000);

  it('ships only pack.json and the labs: not an earlier archive, not the teacher’s notes', async () => {
    const dir = temp('pack-own');
    cpSync(SAMPLE, join(dir, 'p'), { recursive: true });
    writeFileSync(join(dir, 'p/answers-notes.txt'), 'the answers');
    expect((await run(['pack', 'build', 'p', '--out', 'p/sample-pack.clusterlab'], dir)).code).toBe(0);
    const again = await run(['pack', 'build', 'p', '--out', 'p/sample-pack.clusterlab', '--force'], dir);
    expect(again.code).toBe(0);
    expect(again.out).toContain('1 file(s) outside pack.json and its labs left out');
    const files = parsePackArchive(readFileSync(join(dir, 'p/sample-pack.clusterlab'), 'utf8'), 'x');
    expect([...files.keys()].filter((p) => !p.startsWith('word-lengths/'))).toEqual(['pack.json']);
  }, 60_000);
});

describe('texts that hide characters', () => {
  it('refuses a pack name that reads as another and a lab called constructor', async () => {
    const dir = temp('pack-rlo');
    cpSync(SAMPLE, dir, { recursive: true });
    const manifest = join(dir, 'pack.json');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('"Sample pack: word statistics"', '"Data \\u202eEvil"'),
    );
    const rlo = await run(['labs', '--pack', dir]);
    expect(rlo.code).toBe(2);
    expect(rlo.err).toMatch(/pack\.json:\d+:\d+: name: contains the control or invisible character U\+202E/);
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8')
        .replace('"Data \\u202eEvil"', '"Fine"')
        .replace('["word-lengths"]', '["constructor"]'),
    );
    const reserved = await run(['labs', '--pack', dir]);
    expect(reserved.code).toBe(2);
    expect(reserved.err).toContain("labs[0]: 'constructor' is a name JavaScript reserves");
  });

  it('refuses a student name with an invisible character (it would look like another student)', () => {
    expect(studentNameProblem('Ana\u200bLima')).toContain('invisible character U+200B');
    expect(studentNameProblem('Ana\u00adLima')).toContain('U+00AD');
    expect(studentNameProblem('\ufeffAna')).toContain('U+FEFF');
    expect(studentNameProblem('میلاد\u200cی')).toBeNull();
  });
});
