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

  it('exits 2 on an unknown option', async () => {
    const f = fakeIo();
    expect(await main(['labs', '--bogus'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/unknown argument '--bogus'/);
  });
});
