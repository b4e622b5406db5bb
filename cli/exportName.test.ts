// `clusterlab export --progress FILE --name X` when the app saved the progress under another name:
// a warning names both and the steps that vary per student (their last runs were on the other
// name's data), and the file is still written under X (a teacher may mean it). The same name in
// another spelling (case, spaces) is no warning.
import { expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { findLab } from '../labs/labRegistry';

const dir = mkdtempSync(join(tmpdir(), 'cl-export-name-'));
const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['export', ...argv], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join(''), err: err.join('') };
};

const progress = {
  version: 1,
  studentName: 'Ana Lima',
  labs: {
    'hdfs-blocks': { step: 0, steps: { 'put-512mb': { code: findLab('hdfs-blocks')!.steps[0]!.solution } } },
    'mapreduce-chaining': {
      step: 0,
      steps: { 'two-jobs': { code: findLab('mapreduce-chaining')!.steps[0]!.solution } },
    },
  },
};
writeFileSync(join(dir, 'progress.json'), JSON.stringify(progress));

it('warns when --name is not the name saved with the progress, and still writes', async () => {
  const r = await run('--name', 'Bo Chen', '--progress', 'progress.json');
  expect(r.code, r.err).toBe(0);
  expect(r.err).toBe(
    "clusterlab export: warning: --name 'Bo Chen' is not the name saved with this progress ('Ana Lima'): the steps that vary per student (mapreduce-chaining step 1) were last run on the data of 'Ana Lima' and are graded on the data of 'Bo Chen'; written under 'Bo Chen' as asked\n",
  );
  expect(JSON.parse(readFileSync(join(dir, 'bo-chen.clusterlab'), 'utf8')).student.name).toBe('Bo Chen');
});

it('says nothing when the name is the same in another spelling', async () => {
  const r = await run('--name', '  ana   LIMA ', '--progress', 'progress.json');
  expect(r).toMatchObject({ code: 0, err: '' });
});
