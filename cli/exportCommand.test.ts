import { describe, expect, it } from 'vitest';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from './main';
import { progressCandidates } from './progressPath';
import { findLab, LABS } from '../labs/labRegistry';
import { knownLabsOf, parseHandIn } from '../labs/handIn/handInFile';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cl-export-'));
const run = async (...argv: string[]) => {
  const f = fakeIo(dir);
  const code = await main(['export', ...argv], f.io);
  return { code, out: f.out.join(''), err: f.err.join('') };
};

// The desktop app's progress file as renderer/state/progress.ts saves it.
const saved = {
  version: 1,
  labs: {
    'hdfs-blocks': {
      step: 1,
      steps: {
        'put-512mb': {
          code: findLab('hdfs-blocks')!.steps[0]!.solution,
          passed: true,
          runs: 2,
          updatedAt: 1_700_000_000_000,
          lastRun: { at: 1_700_000_000_000, checks: [{ id: 'four-blocks', state: 'pass', message: 'ok' }] },
        },
        'block-size-replication': { code: '{}', lastRun: { at: 'yesterday', checks: 'none' } },
        'kill-datanode': 42,
      },
    },
  },
  sandboxCode: 'not handed in',
  theme: 'dark',
  timeLimitSeconds: 60,
  settingsUpdatedAt: 1_700_000_000_000,
};
writeFileSync(join(dir, 'progress.json'), JSON.stringify(saved));

describe('clusterlab export', () => {
  it("writes a hand-in from the app's progress file; malformed entries are said and left out, never the code", async () => {
    const r = await run('--name', '  Ana   Lima ', '--progress', 'progress.json');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('Wrote ana-lima.clusterlab: Ana Lima, 1 lab(s), 2 step(s).\n');
    expect(r.err).toBe(
      `clusterlab export: ${join(dir, 'progress.json')}: labs.hdfs-blocks.steps.block-size-replication.lastRun: not a run's verdicts, left out (the code is kept)\n` +
        `clusterlab export: ${join(dir, 'progress.json')}: labs.hdfs-blocks.steps.kill-datanode: not a step's progress, left out\n`,
    );
    const text = readFileSync(join(dir, 'ana-lima.clusterlab'), 'utf8');
    const parsed = parseHandIn(text, 'ana-lima.clusterlab', knownLabsOf(LABS));
    expect(parsed.problems).toEqual([]);
    const h = parsed.handIn!;
    expect(h.student.name).toBe('Ana Lima');
    expect(h.app.version).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
    expect(h.settings).toEqual({ theme: 'dark', timeLimitSeconds: 60 });
    expect(h.labs['hdfs-blocks']!.steps['put-512mb']).toEqual({
      code: saved.labs['hdfs-blocks'].steps['put-512mb'].code,
      passed: true,
      runs: 2,
      lastRun: saved.labs['hdfs-blocks'].steps['put-512mb'].lastRun,
    });
    expect(h.labs['hdfs-blocks']!.steps['block-size-replication']).toEqual({ code: '{}' });
    expect(text).not.toContain('not handed in');
    // Never over an existing file without --force.
    const again = await run('--name', 'Ana Lima', '--progress', 'progress.json');
    expect(again.code).toBe(2);
    expect(again.err).toBe(
      'clusterlab export: ana-lima.clusterlab exists: choose another --out, or add --force to replace it\n',
    );
    expect((await run('--name', 'Ana Lima', '--progress', 'progress.json', '--force')).code).toBe(0);
  });

  it('never writes through a symbolic link, with or without --force, nor over a folder (exit 2)', async () => {
    writeFileSync(join(dir, 'precious.txt'), 'keep me\n');
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'link.clusterlab'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.clusterlab'));
    mkdirSync(join(dir, 'folder.clusterlab'));
    for (const out of ['link.clusterlab', 'dangling.clusterlab'])
      for (const force of [['--force'], []]) {
        const r = await run('--name', 'Ana Lima', '--progress', 'progress.json', '--out', out, ...force);
        expect(r.code).toBe(2);
        expect(r.out).toBe('');
        expect(r.err).toContain(
          `clusterlab export: ${out} is a symbolic link: it is not written through (choose another --out)\n`,
        );
        expect(lstatSync(join(dir, out)).isSymbolicLink()).toBe(true);
      }
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(() => lstatSync(join(dir, 'nowhere.txt'))).toThrow();
    const folder = await run(
      '--name',
      'Ana Lima',
      '--progress',
      'progress.json',
      '--out',
      'folder.clusterlab',
      '--force',
    );
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('folder.clusterlab exists and is not a file');
    // pack build's --out is refused the same way, before any step is judged.
    const pack = await main(
      ['pack', 'build', resolve('labs/packs/sample-pack'), '--out', 'link.clusterlab', '--force'],
      fakeIo(dir).io,
    );
    expect(pack).toBe(2);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me\n');
  });

  it('writes a hand-in from job files named by lab and step, and refuses other names with the form expected', async () => {
    const jobs = join(dir, 'jobs');
    mkdirSync(jobs);
    const chaining = findLab('mapreduce-chaining')!;
    writeFileSync(join(jobs, 'mapreduce-chaining.step1.js'), chaining.steps[0]!.solution);
    writeFileSync(join(jobs, 'hdfs-blocks.step1.json'), findLab('hdfs-blocks')!.steps[0]!.solution);
    const r = await run('--name', 'Bo Chen', '--from-jobs', 'jobs', '--out', 'bo.clusterlab');
    expect(r.code, r.err).toBe(0);
    const h = parseHandIn(readFileSync(join(dir, 'bo.clusterlab'), 'utf8'), 'bo', knownLabsOf(LABS)).handIn!;
    expect(h.labs['mapreduce-chaining']!.steps['two-jobs']!.code).toBe(chaining.steps[0]!.solution);
    expect(Object.keys(h.labs)).toEqual(['hdfs-blocks', 'mapreduce-chaining']);
    writeFileSync(join(jobs, 'my-job.js'), 'x');
    writeFileSync(join(jobs, 'hdfs-blocks.step2.js'), 'x');
    const bad = await run('--name', 'Bo Chen', '--from-jobs', 'jobs', '--out', 'bo2.clusterlab');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      'clusterlab export: these files of jobs cannot be handed in:\n' +
        "  hdfs-blocks.step2.js: step 2 of 'hdfs-blocks' takes JSON settings (.json)\n" +
        '  my-job.js: not a job file name of the form <lab-id>.step<N>.<js|ts|json>, e.g. mapreduce-basics.step1.js\n',
    );
  });

  it("hands in a teacher's pack lab's job files with --pack; without it they are refused with the lab named", async () => {
    const jobs = join(dir, 'pack-jobs');
    mkdirSync(jobs);
    const solution = readFileSync(
      resolve('labs/packs/sample-pack/word-lengths/steps/1-count-lengths/solution.js'),
      'utf8',
    );
    writeFileSync(join(jobs, 'word-lengths.step1.js'), solution);
    const without = await run('--name', 'Bo Chen', '--from-jobs', 'pack-jobs', '--out', 'bo-pack.clusterlab');
    expect(without.code).toBe(2);
    expect(without.err).toContain('word-lengths.step1.js');
    const pack = resolve('labs/packs/sample-pack');
    const r = await run('--name', 'Bo Chen', '--from-jobs', 'pack-jobs', '--pack', pack, '--out', 'bo-pack.clusterlab');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const text = readFileSync(join(dir, 'bo-pack.clusterlab'), 'utf8');
    const h = parseHandIn(text, 'bo', knownLabsOf(LABS)).handIn!;
    expect(h.labs['word-lengths']!.steps['count-lengths']!.code).toBe(solution);
    expect((await run('--name', 'Bo Chen', '--pack')).code).toBe(2);
  });

  it('says where it looked when the app has saved no progress; bad names and usage exit 2', async () => {
    expect(progressCandidates('linux', {}, '/home/ana')).toEqual([
      '/home/ana/.config/ClusterLab/progress.json',
      '/home/ana/.config/clusterlab/progress.json',
    ]);
    expect(progressCandidates('darwin', {}, '/Users/ana')[0]).toBe(
      '/Users/ana/Library/Application Support/ClusterLab/progress.json',
    );
    expect(progressCandidates('win32', { APPDATA: 'C:/Users/ana/AppData/Roaming' }, 'C:/Users/ana')[0]).toBe(
      'C:/Users/ana/AppData/Roaming/ClusterLab/progress.json',
    );
    if (process.platform === 'linux') {
      const before = process.env.XDG_CONFIG_HOME;
      process.env.XDG_CONFIG_HOME = join(dir, 'no-config');
      try {
        const none = await run('--name', 'Ana');
        expect(none.code).toBe(2);
        expect(none.err).toBe(
          `clusterlab export: no saved progress of the ClusterLab app on this machine; looked at:\n  ${join(dir, 'no-config', 'ClusterLab', 'progress.json')}\n  ${join(dir, 'no-config', 'clusterlab', 'progress.json')}\nGive the file with --progress FILE, or use --from-jobs DIR\n`,
        );
        // Where the app keeps it, export finds it.
        mkdirSync(join(dir, 'no-config', 'ClusterLab'), { recursive: true });
        writeFileSync(join(dir, 'no-config', 'ClusterLab', 'progress.json'), JSON.stringify(saved));
        expect((await run('--name', 'Ana Found', '--out', 'found.clusterlab')).out).toBe(
          'Wrote found.clusterlab: Ana Found, 1 lab(s), 2 step(s).\n',
        );
      } finally {
        if (before === undefined) delete process.env.XDG_CONFIG_HOME;
        else process.env.XDG_CONFIG_HOME = before;
      }
    }
    const missing = await run('--name', 'Ana', '--progress', 'nope.json');
    expect(missing).toMatchObject({ code: 2, err: 'clusterlab export: progress file not found: nope.json\n' });
    const bidi = await run('--name', 'Ana\u202eamiL', '--progress', 'progress.json');
    expect(bidi.err).toMatch(
      /^clusterlab export: --name: the student's name contains the text-direction control U\+202E/,
    );
    expect((await run('--progress', 'progress.json')).err).toMatch(/^clusterlab export: --name is required/);
    writeFileSync(join(dir, 'foreign.json'), JSON.stringify({ format: 'clusterlab-progress', version: 1 }));
    expect((await run('--name', 'Ana', '--progress', 'foreign.json')).err).toBe(
      `clusterlab export: ${join(dir, 'foreign.json')}: not the app's progress file: it is a 'clusterlab-progress' file\n`,
    );
  });
  it('names the backup of a broken progress file only where there is one', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"a":');
    const broken = await run('--name', 'Ana', '--progress', 'broken.json');
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/broken\.json: not valid JSON \(.+\)\n$/);
    expect(broken.err).not.toContain('backup');
    writeFileSync(join(dir, 'broken.json.bak'), JSON.stringify(saved));
    expect((await run('--name', 'Ana', '--progress', 'broken.json')).err).toContain(
      `; the app keeps a backup beside it (${join(dir, 'broken.json.bak')})`,
    );
    // A folder that does not exist is said in words, not as ENOENT.
    const noFolder = await run('--name', 'Ana', '--progress', 'broken.json.bak', '--out', 'no-such/x.clusterlab');
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toMatch(
      /\nclusterlab export: cannot write no-such\/x\.clusterlab: its folder does not exist \(create it, or choose another --out\)\n$/,
    );
  });
});
