// What a hostile review of the classroom found, clicked through at 1024×700: a hand-in too large for
// the web build's storage is refused before anything changes; a step passed before the name was
// set is listed when handing in under the name; the pack's "Remove" keeps its word in English and
// German; a refused pack and a hand-in's problems speak German in a German app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildHandIn, handInText } from '../labs/handIn/buildHandIn';
import { findLab, LABS } from '../labs/labRegistry';
import { buildPackArchive } from '../labs/packs/packFiles';
import { openApp, type Session } from './harness';
import { checkStates, setEditorText, waitForChecksJudged } from './labActions';

function readFolder(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    const path = prefix ? `${prefix}/${entry}` : entry;
    if (statSync(full).isDirectory()) for (const [p, t] of readFolder(full, path)) files.set(p, t);
    else files.set(path, readFileSync(full, 'utf8'));
  }
  return files;
}

const SAMPLE = readFolder(join(import.meta.dirname, '..', 'labs', 'packs', 'sample-pack'));
const lab = findLab('mapreduce-basics')!;
const step = lab.steps[0]!;

/** A valid hand-in of 17 steps, about 7.5 MB (under the 8 MB a hand-in may be). */
function bigHandIn(): string {
  const ids = LABS.flatMap((l) => l.steps.map((s) => [l.id, s.id] as const)).slice(0, 17);
  const labs: Record<string, { step: number; steps: Record<string, { code: string; passed: boolean }> }> = {};
  const code = `// ${'x'.repeat(Math.floor((7.5 * 1024 * 1024) / 17) - 10)}\n`;
  for (const [l, s] of ids) (labs[l] ??= { step: 0, steps: {} }).steps[s] = { code, passed: true };
  return handInText(buildHandIn({ version: 1, labs }, 'Ana Lima', '0.1.0', new Date('2026-11-30T12:00:00Z')));
}

const saved = (page: Page) => page.evaluate(() => localStorage.getItem('clusterlab.progress.v1'));

/** How many lines the text of the pack's remove button takes, and its text. */
async function removeButtonLines(page: Page): Promise<{ text: string; lines: number }> {
  const button = page.locator('[data-pack="sample-pack"] .pack-head button');
  await button.waitFor();
  return button.evaluate((b) => {
    const range = document.createRange();
    range.selectNodeContents(b);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    return { text: b.textContent ?? '', lines: tops.size };
  });
}

async function openPackFile(page: Page, button: string, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
}

async function importFile(
  page: Page,
  settings: string,
  importButton: string,
  title: string,
  name: string,
  text: string,
) {
  await page.getByRole('button', { name: settings }).click();
  await page.getByRole('button', { name: importButton }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await dialog
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  return dialog;
}

describe('the classroom after a hostile review', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the pack\'s "Remove" stays one word on one line at 1024×700', async () => {
    const { page } = s;
    await page.getByRole('heading', { name: 'Lab packs' }).waitFor();
    await openPackFile(page, 'Open a lab pack…', 'sample-pack.clusterlab', buildPackArchive(SAMPLE));
    expect(await removeButtonLines(page)).toEqual({ text: 'Remove', lines: 1 });
    await page.locator('[data-pack="sample-pack"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/h12-pack-remove-en.png' });
  });

  it('refuses a 7.5 MB hand-in the browser storage cannot hold, before anything changes', async () => {
    const { page } = s;
    const before = await saved(page);
    const dialog = await importFile(
      page,
      '⚙ Settings',
      'Import progress…',
      'Import progress',
      'ana-lima.clusterlab',
      bigHandIn(),
    );
    const refused = dialog.getByTestId('import-refused');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.textContent()).toMatch(
      /^ana-lima\.clusterlab was not loaded, and nothing changed: as progress it takes 7,\d{3},\d{3} characters, but this browser's storage has room for [\d,]+ .*The desktop app keeps progress this large/,
    );
    expect(await dialog.getByRole('button', { name: 'Load this progress' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/h12-import-too-large.png' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await saved(page)).toBe(before);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('clusterlab.backup.'))),
    ).toEqual([]);
  });

  it("a save the full browser storage refuses says so in the app's words, never the browser's", async () => {
    const { page } = s;
    // Another page of the site filled the storage: the next save of the progress cannot fit.
    await page.evaluate(() => {
      // Fill it to the last character the quota takes.
      let size = 6 * 1024 * 1024;
      for (let step = size / 2; step >= 1; step = Math.floor(step / 2)) {
        try {
          localStorage.setItem('filler', 'f'.repeat(size));
          size += step;
        } catch {
          size -= step;
        }
      }
      for (; size > 0; size--) {
        try {
          localStorage.setItem('filler', 'f'.repeat(size));
          break;
        } catch {
          // one less
        }
      }
    });
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    const notice = page.getByText("Progress could not be saved: this browser's storage for ClusterLab is full.");
    await notice.waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(/setItem|exceeded the quota/);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/h12-storage-full.png' });
    await page.evaluate(() => localStorage.removeItem('filler'));
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  });

  it('a step passed before the name was set is listed when handing in under the name', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'ClusterLab home' }).click();
    await page.locator(`[data-lab="${lab.id}"] button`).click();
    await page
      .getByRole('button', { name: new RegExp(`^(✓ )?1\\. ${step.title}`) })
      .first()
      .click();
    await setEditorText(page, step.solution);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForChecksJudged(page, 120_000);
    expect((await checkStates(page)).every((c) => c.endsWith(':pass'))).toBe(true);
    await page.getByRole('button', { name: '⚙ Settings' }).click();
    await page.getByRole('button', { name: 'Hand in: export progress…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand in: export progress' });
    expect(await dialog.getByTestId('other-name-runs').count()).toBe(0);
    await dialog.getByLabel('Your name').fill('Ana Lima');
    const note = dialog.getByTestId('other-name-runs');
    await note.waitFor();
    expect(await note.textContent()).toContain('grades it on the data of Ana Lima');
    expect(await note.textContent()).toContain(`step 1. ${step.title}: last run without a name`);
    await page.screenshot({ path: '/tmp/h12-export-other-name.png' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('in German: "Entfernen" on one line, a refused pack framed in German, a hand-in\'s problems in German', async () => {
    const { page } = s;
    await page.getByRole('button', { name: '⚙ Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('de');
    await page.getByRole('dialog', { name: 'Einstellungen' }).getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('button', { name: 'ClusterLab-Startseite' }).click();
    expect(await removeButtonLines(page)).toEqual({ text: 'Entfernen', lines: 1 });
    await page.locator('[data-pack="sample-pack"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/h12-pack-remove-de.png' });

    const broken = new Map(SAMPLE);
    const labJson = JSON.parse(broken.get('word-lengths/lab.json')!) as { minutes: unknown };
    labJson.minutes = 9000;
    broken.set('word-lengths/lab.json', JSON.stringify(labJson, null, 2));
    await openPackFile(page, 'Lab-Paket öffnen…', 'broken.clusterlab', buildPackArchive(broken));
    const alert = page.locator('.lab-packs [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^broken\.clusterlab wurde nicht geöffnet:Der Fehler steht in broken\.clusterlab\/word-lengths\/lab\.json, Zeile \d+, Spalte \d+, im Feld minutes\. Die Prüfung des Pakets beschreibt ihn auf Englisch:broken\.clusterlab\/word-lengths\/lab\.json:\d+:\d+: minutes: /,
    );
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/h12-pack-refused-de.png' });

    const file = JSON.parse(handInText(buildHandIn({ version: 1, labs: {} }, 'Ana', '0.1.0', new Date(0))));
    file.labs[lab.id] = { step: 0, steps: { [step.id]: { code: 42 }, [lab.steps[1]!.id]: { code: 'x' } } };
    const dialog = await importFile(
      page,
      '⚙ Einstellungen',
      'Fortschritt importieren…',
      'Fortschritt importieren',
      'ana.clusterlab',
      JSON.stringify(file, null, 2),
    );
    const plan = dialog.getByTestId('import-plan');
    await plan.waitFor();
    expect(await plan.textContent()).toMatch(
      new RegExp(
        `ana\\.clusterlab:\\d+:\\d+: labs\\.${lab.id}\\.steps\\.${step.id}\\.code: muss eine Zeichenkette sein: Der Schritt wird weggelassen`,
      ),
    );
    await page.screenshot({ path: '/tmp/h12-import-problems-de.png' });
    await page.keyboard.press('Escape');
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
