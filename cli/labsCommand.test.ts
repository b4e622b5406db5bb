import { describe, expect, it } from 'vitest';
import { labsCommand } from './labsCommand';
import { main } from './main';
import { LAB_CATALOGUE } from '../labs/catalogue';
import { LABS } from '../labs/labRegistry';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: process.cwd() }, out, err };
}

describe('clusterlab labs', () => {
  it('lists the available labs with chapters, steps and minutes', async () => {
    const f = fakeIo();
    expect(await labsCommand([], f.io)).toBe(0);
    const text = f.out.join('');
    expect(text).toMatch(/^ID\s+TITLE\s+CHAPTERS\s+STEPS\s+MINUTES\n/);
    for (const lab of LABS) {
      const cells = [lab.id, lab.title, lab.chapters.join(', '), String(lab.steps.length), String(lab.minutes)];
      expect(text).toMatch(new RegExp(`${cells.map(escape).join('\\s+')}\\n`));
    }
    for (const soon of LAB_CATALOGUE.filter((e) => !e.available))
      expect(text).not.toMatch(new RegExp(`^${escape(soon.id)}\\s`, 'm'));
  });

  it('prints JSON, and the announced labs with --all', async () => {
    const f = fakeIo();
    expect(await labsCommand(['--json'], f.io)).toBe(0);
    const rows = JSON.parse(f.out.join('')) as { id: string; steps: number; chapters: string[]; minutes: number }[];
    expect(rows.map((r) => r.id)).toEqual(LABS.map((l) => l.id));
    const last = LABS[LABS.length - 1]!;
    expect(rows[rows.length - 1]).toMatchObject({
      steps: last.steps.length,
      chapters: last.chapters,
      minutes: last.minutes,
    });
    const g = fakeIo();
    expect(await labsCommand(['--all', '--json'], g.io)).toBe(0);
    expect(JSON.parse(g.out.join('')).length).toBe(LAB_CATALOGUE.length);
  });

  it('gives German titles with --lang de and marks the labs that are still English', async () => {
    const f = fakeIo();
    expect(await labsCommand(['--lang', 'de'], f.io)).toBe(0);
    const text = f.out.join('');
    expect(text).toMatch(/^hdfs-blocks\s+HDFS-Blöcke und Replikate\s+19\.2\.2, 15\.1\s+4\s+20\n/m);
    expect(text).toMatch(/^mapreduce-basics\s+MapReduce-Grundlagen \*\s+20\.1, 20\.1\.1\s/m);
    expect(text).toContain("* the lab's texts are in English: only its title and summary are translated");
    const g = fakeIo();
    expect(await labsCommand(['--json', '--lang=de'], g.io)).toBe(0);
    const rows = JSON.parse(g.out.join('')) as { id: string; title: string; language: string }[];
    expect(rows.filter((r) => r.language === 'de').map((r) => r.id)).toEqual([
      'hdfs-blocks',
      'mapreduce-iot-averages',
      'spark-in-memory',
    ]);
    expect(rows.find((r) => r.id === 'spark-in-memory')!.title).toBe('Sparks In-Memory-DAG');
    const en = fakeIo();
    expect(await labsCommand(['--lang', 'en'], en.io)).toBe(0);
    expect(en.out.join('')).not.toContain('*');
  });

  it('refuses a language the labs are not translated into', async () => {
    for (const argv of [
      ['labs', '--lang', 'fr'],
      ['labs', '--lang'],
    ]) {
      const f = fakeIo();
      expect(await main(argv, f.io)).toBe(2);
      expect(f.err.join('')).toMatch(/--lang needs one of en, de, got ('fr'|nothing)/);
    }
  });

  it('exits 2 on an unknown option', async () => {
    const f = fakeIo();
    expect(await main(['labs', '--bogus'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/unknown argument '--bogus'/);
  });
});
