/** `clusterlab check --lang de` and `clusterlab grade --lang de` give the reasons the labs wrote in German. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand, CHECK_USAGE } from './checkCommand';
import { gradeCommand, GRADE_USAGE } from './gradeCommand';
import { findLab } from '../labs/labRegistry';
import { UsageError } from './cliIo';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cl-lang-'));
const starter = findLab('hdfs-blocks')!.steps[0]!.starter;
writeFileSync(join(dir, 'put.json'), starter);

describe('--lang on check and grade', () => {
  it('check --lang de prints the titles, reasons and hint in German', async () => {
    for (const lang of [['--lang', 'de'], ['--lang=de']]) {
      const f = fakeIo(dir);
      expect(await checkCommand(['hdfs-blocks', 'put.json', '--step', '1', ...lang], f.io)).toBe(1);
      const out = f.out.join('');
      // The frame is German too: the step line, the verdicts, the tally and the hint's label.
      expect(out).toMatch(/, Schritt 1 von \d+: /);
      expect(out).toMatch(
        /NICHT BESTANDEN {2}\/data\/big\.bin ist als 4 Blöcke gespeichert.*\n {19}erwartet: 4 Blöcke/,
      );
      expect(out).toMatch(/erwartet: 4 Blöcke \(128 MB \+ 128 MB \+ 128 MB \+ 128 MB\), erhalten: 8/);
      expect(out).toMatch(/\n\d von \d+ Prüfungen bestanden; simulierte Zeit \d+,\d{3} s\.\n/);
      expect(out).toMatch(/Tipp: Die Zahl der Blöcke/);
      expect(out).not.toMatch(/\b(PASS|FAIL|step|checks passed|Hint)\b/);
    }
    const en = fakeIo(dir);
    expect(await checkCommand(['hdfs-blocks', 'put.json', '--step', '1', '--lang', 'en'], en.io)).toBe(1);
    expect(en.out.join('')).toMatch(/expected 4 blocks/);
    expect(en.out.join('')).toMatch(/FAIL {2}\/data\/big\.bin is stored as 4 blocks.*\n {8}expected/);
    expect(en.out.join('')).toMatch(
      /, step 1 of \d+: [\s\S]*\n\d of \d+ checks passed; simulated time \d+\.\d{3} s\.\nHint: /,
    );
    const json = fakeIo(dir);
    await checkCommand(['hdfs-blocks', 'put.json', '--json', '--lang', 'de'], json.io);
    const parsed = JSON.parse(json.out.join('')) as { checks: { id: string; reason: string }[] };
    expect(parsed.checks.find((c) => c.id === 'four-blocks')!.reason).toMatch(/^erwartet: 4 Blöcke/);
  });

  it('check --lang de words a run that could not be judged in German', async () => {
    writeFileSync(join(dir, 'broken.json'), '{ "blockSize": ');
    const f = fakeIo(dir);
    expect(await checkCommand(['hdfs-blocks', 'broken.json', '--lang', 'de'], f.io)).toBe(1);
    const out = f.out.join('');
    expect(out).toMatch(/\n {2}Der Lauf ist gescheitert: .*broken\.json/);
    expect(out).toMatch(/\n {2}Nicht beurteilte Prüfungen \(die Einstellungen ließen sich nicht lesen\):\n {4}- /);
    expect(out).toMatch(/\n0 von 3 Prüfungen bestanden: keine ließ sich beurteilen\.\n/);
  });

  it('grade --lang de writes the failing reasons in German', async () => {
    const folder = join(dir, 'class');
    mkdirSync(join(folder, 'alice'), { recursive: true });
    writeFileSync(join(folder, 'alice', 'hdfs-blocks.step1.json'), starter);
    const f = fakeIo(dir);
    expect(await gradeCommand([folder, '--out', 'grades-de', '--lang', 'de'], f.io)).toBe(0);
    const csv = readFileSync(join(dir, 'grades-de.csv'), 'utf8');
    expect(csv).toMatch(/four-blocks: erwartet: 4 Blöcke/);
  });

  it('refuses another language, and says --lang in the help', async () => {
    for (const argv of [['--lang', 'fr'], ['--lang']]) {
      await expect(checkCommand(['hdfs-blocks', 'put.json', ...argv], fakeIo(dir).io)).rejects.toThrow(
        /--lang needs one of en, de, got ('fr'|nothing)/,
      );
      await expect(gradeCommand([dir, ...argv], fakeIo(dir).io)).rejects.toThrow(UsageError);
    }
    expect(CHECK_USAGE).toMatch(/--lang LANG/);
    expect(GRADE_USAGE).toMatch(/--lang LANG/);
  });
});
