import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { findLab } from '../labs/labRegistry';
import { pagesText, pagesTextFor, TAG } from '../labs/mapreduce-basics/pages';
import { studentSeed, variantInstructions } from '../labs/variant';
import { openApp, type Session } from './harness';
import { checkStates, setEditorText, waitForChecksJudged } from './labActions';
import { seriousViolations } from './axe';
import type { Page } from 'playwright-core';

/**
 * A student hands in from the app: sets their name (their own data for a step that varies), solves
 * the step, exports the file, and on another machine (a fresh profile) imports it; a corrupt file
 * is refused with its line and changes nothing.
 */
const lab = findLab('mapreduce-basics')!;
const step = lab.steps[0]!;
const NAME = 'Ana Lima';
const VIEWPORT = { width: 1024, height: 700 };

async function openSettings(page: Page) {
  await page.getByRole('button', { name: '⚙ Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.waitFor();
  return dialog;
}

async function openStep1(page: Page) {
  await page.getByRole('button', { name: 'ClusterLab home' }).click();
  await page.locator(`[data-lab="${lab.id}"] button`).click();
  const first = page.getByRole('button', { name: new RegExp(`^(✓ )?1\\. ${step.title}`) }).first();
  await first.click();
  await page.getByRole('heading', { name: `1. ${step.title}` }).waitFor();
}

const saved = (page: Page) => page.evaluate(() => localStorage.getItem('clusterlab.progress.v1'));

describe('handing in from the app', () => {
  const sessions: Session[] = [];
  let handInText = '';
  afterAll(async () => {
    for (const s of sessions) await s.close();
  });

  it("runs a step that varies as the named student's own variant, on their values", async () => {
    const s = await openApp({ viewport: VIEWPORT });
    sessions.push(s);
    const { page } = s;
    // A name the field refuses says why, next to the field, and is not saved.
    const dialog = await openSettings(page);
    await dialog.getByLabel('Your name').fill('***');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Your name must contain a letter or a digit.').waitFor();
    await dialog.getByLabel('Your name').fill(NAME);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Saved with the progress (the save is throttled: wait for it).
    await page.waitForFunction(
      (name) => JSON.parse(localStorage.getItem('clusterlab.progress.v1') ?? '{}').studentName === name,
      NAME,
    );

    await openStep1(page);
    await page.getByTestId('student-data-note').waitFor();
    const own = variantInstructions(step, studentSeed(NAME));
    expect(own).toContain('896,650 bytes');
    const side = page.locator('.lab-side');
    expect(await side.textContent()).toContain('896,650 bytes');
    expect(await side.textContent()).toContain('it has ten blocks');
    expect(await side.textContent()).not.toContain('888,784');
    await s.screenshot('handin-variant-step');

    await setEditorText(page, step.solution);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForChecksJudged(page, 120_000);
    expect((await checkStates(page)).every((c) => c.endsWith(':pass'))).toBe(true);
    // Judged on the student's own pages: the pairs counted are the tags of their file, not of the lab's own.
    const tags = (text: string) => [...text.matchAll(TAG)].length.toLocaleString('en-US');
    const mine = tags(pagesTextFor(studentSeed(NAME)));
    expect(mine).not.toBe(tags(pagesText()));
    expect(await page.getByTestId('checks').textContent()).toContain(`the maps wrote ${mine} pairs`);
  });

  it('exports <name>.clusterlab from Settings, by keyboard', async () => {
    const { page } = sessions[0]!;
    await openSettings(page);
    const exportButton = page.getByRole('button', { name: 'Hand in: export progress…' });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Hand in: export progress' });
    await dialog.getByText(`Handing in as ${NAME}: the file is ana-lima.clusterlab.`).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save the file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ana-lima.clusterlab');
    handInText = readFileSync(await download.path(), 'utf8');
    const handIn = JSON.parse(handInText);
    expect(handIn).toMatchObject({ format: 'clusterlab-progress', version: 1, student: { name: NAME } });
    expect(handIn.labs[lab.id].steps[step.id]).toMatchObject({ code: step.solution, passed: true });
    await dialog.getByTestId('export-status').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await sessions[0]!.screenshot('handin-export');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('a fresh profile refuses a corrupt file with its line, then imports the good one', async () => {
    const s = await openApp({ viewport: VIEWPORT, colorScheme: 'light' });
    sessions.push(s);
    const { page } = s;
    await page.getByRole('heading', { name: 'Labs', level: 2 }).waitFor();
    const before = await saved(page);

    await (await openSettings(page)).getByRole('button', { name: 'Import progress…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import progress' });
    await dialog.waitFor();
    const corrupt = handInText.replace('"passed": true', '"passed": tru');
    const line = corrupt.split('\n').findIndex((l) => l.includes('"passed": tru')) + 1;
    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'ana-lima.clusterlab', mimeType: 'application/json', buffer: Buffer.from(corrupt) });
    const refused = dialog.getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(`ana-lima.clusterlab:${line}:`);
    await s.screenshot('handin-import-refused');
    expect(await saved(page)).toBe(before);

    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'ana-lima.clusterlab', mimeType: 'application/json', buffer: Buffer.from(handInText) });
    await dialog.getByTestId('import-plan').waitFor();
    expect(await dialog.getByTestId('import-plan').textContent()).toContain(`Progress of ${NAME}`);
    await s.screenshot('handin-import-plan');
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing changes before the learner confirms.
    expect(await saved(page)).toBe(before);
    await dialog.getByRole('button', { name: 'Load this progress' }).click();
    await dialog.getByTestId('import-done').waitFor();
    expect(await dialog.getByTestId('import-done').textContent()).toContain(`Loaded the progress of ${NAME}`);
    const backups = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('clusterlab.backup.')),
    );
    expect(backups).toHaveLength(1);
    await s.screenshot('handin-import-done');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await openStep1(page);
    await page.getByRole('button', { name: `✓ 1. ${step.title}` }).waitFor();
    expect((await checkStates(page)).every((c) => c.endsWith(':pass'))).toBe(true);
    // The editor holds the imported code (copied out whole: Monaco draws only the lines in view).
    await page.locator('.lab-editor .monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(step.solution);
    // The imported name came along: the step still shows the student's own values.
    await page.getByTestId('student-data-note').waitFor();
  });

  it('in German the dialogs and the student’s values follow the language', async () => {
    const { page } = sessions[1]!;
    const dialog = await openSettings(page);
    await dialog.getByLabel('Language').selectOption('de');
    await page.getByRole('dialog', { name: 'Einstellungen' }).getByLabel('Dein Name').waitFor();
    await sessions[1]!.screenshot('handin-settings-de');
    await page.getByRole('dialog', { name: 'Einstellungen' }).getByRole('button', { name: 'Abbrechen' }).click();
    expect(await page.locator('.lab-side').textContent()).toContain('896.650');
    await page.getByTestId('student-data-note').waitFor();
    await sessions[1]!.screenshot('handin-step-de');
    await page.getByRole('button', { name: '⚙ Einstellungen' }).click();
    await page.getByRole('button', { name: 'Abgeben: Fortschritt exportieren…' }).click();
    const german = page.getByRole('dialog', { name: 'Abgeben: Fortschritt exportieren' });
    await german.getByText(`Du gibst als ${NAME} ab: Die Datei heißt ana-lima.clusterlab.`).waitFor();
    await sessions[1]!.screenshot('handin-export-de');
    await page.keyboard.press('Escape');
    await german.waitFor({ state: 'hidden' });
  });
});
