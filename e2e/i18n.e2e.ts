import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Session } from './harness';
import { lab, overflowing } from './figureActions';

/** German through the Settings dialog, as a learner switches: instant, remembered, and back. */
describe('the app in German', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('starts in English where the browser is English (the other e2e tests rely on it)', async () => {
    const { page } = s;
    expect(await page.evaluate(() => navigator.languages[0])).toBe('en-US');
    await page.getByRole('heading', { name: 'Labs', level: 2 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('switches to German in Settings at once, keeping what was typed', async () => {
    const { page } = s;
    await page.getByRole('button', { name: '⚙ Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Time limit for your code (seconds)').fill('45');
    await dialog.getByLabel('Language').selectOption('de');
    // The dialog itself is German now, and the number typed is still there.
    const german = page.getByRole('dialog', { name: 'Einstellungen' });
    await german.waitFor();
    expect(await german.getByLabel('Zeitlimit für deinen Code (Sekunden)').inputValue()).toBe('45');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await german.getByRole('button', { name: 'Abbrechen' }).click();
    // Home in German.
    await page.getByRole('button', { name: '⚙ Einstellungen' }).waitFor();
    await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('button', { name: 'Labs' }).waitFor();
    await page.getByText('Geführte Labs zum „The Data Engineering Cookbook“ von Andreas Kretz.').waitFor();
    await page.getByRole('button', { name: 'Sandbox öffnen' }).waitFor();
    expect(await page.locator('[data-lab="hdfs-blocks"] .badge').textContent()).toBe('Nicht begonnen');
  });

  it('shows a lab page in German', async () => {
    const { page } = s;
    await page.locator('[data-lab="hdfs-blocks"] button').click();
    await page.getByRole('button', { name: '▶ Ausführen' }).waitFor();
    await page.getByRole('button', { name: 'Zurücksetzen' }).waitFor();
    await page.getByRole('heading', { name: 'Prüfungen' }).waitFor();
    await page.getByRole('navigation', { name: 'Schritte des Labs' }).waitFor();
    expect(await page.locator('.lab-header .muted').textContent()).toMatch(/^Cookbook [\d., ]+ · Schritt 1 von \d+$/);
    // The lab's own texts are German too (labs/hdfs-blocks/de.ts, intro.de.md), and the home page's
    // titles of labs translated by title alone carry an EN tag.
    await page.getByRole('heading', { name: '1. Eine 512-MB-Datei in 128-MB-Blöcken' }).waitFor();
    await page.getByText('ist dabei die Hälfte, die speichert', { exact: false }).first().waitFor();
    expect(await page.locator('.lab-language-note').count()).toBe(0);
  });

  it("draws the German labs' cookbook figures with every word inside its box and the figure", async () => {
    const { page } = s;
    for (const id of ['hdfs-blocks', 'mapreduce-iot-averages', 'spark-in-memory']) {
      const l = lab(id);
      for (let i = 0; i < l.steps.length; i++) {
        const figures = [...new Set([...(l.steps[i]!.figures ?? []), ...(i === 0 ? (l.figures ?? []) : [])])];
        if (figures.length === 0) continue;
        await page.goto(`${s.baseUrl}#/lab/${id}/${i + 1}`);
        await page.getByTestId('figure-panel').waitFor();
        for (const f of figures) {
          if (figures.length > 1) await page.getByRole('button', { name: f, exact: true }).click();
          await page.locator(`.cookbook-figure[data-figure="${f}"]`).waitFor();
          expect(await overflowing(page), `${id} step ${i + 1}, Figure ${f}`).toEqual([]);
          if (f === '20.6') await page.locator('.cookbook-figure').screenshot({ path: await s.screenshot('de-20.6') });
        }
      }
    }
  });

  it('gives the editor as many lines in German as in English at 1024×700', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(`${s.baseUrl}#/lab/mapreduce-iot-averages/1`);
    await page.getByRole('button', { name: 'Zurücksetzen' }).waitFor();
    await page.locator('.lab-editor .view-line').first().waitFor();
    const seen = await page.evaluate(() => {
      const tops = (sel: string) =>
        [...document.querySelectorAll(sel)].map((e) => Math.round(e.getBoundingClientRect().top));
      const host = document.querySelector('.lab-editor .monaco-editor')!.getBoundingClientRect();
      const line = document.querySelector('.lab-editor .view-line')!.getBoundingClientRect().height;
      const hint = document.querySelector<HTMLElement>('.tab-focus-hint')!;
      return {
        // Every item of the editor's toolbar on one line, and the steps beside the lab's title.
        toolbarRows: new Set(tops('.editor-panel > .toolbar > *').map((t) => Math.round(t / 8))).size,
        stepsBesideTitle:
          document.querySelector('.step-nav')!.getBoundingClientRect().top <
          document.querySelector('.lab-header > div')!.getBoundingClientRect().bottom,
        editorLines: Math.floor(host.height / line),
        hintTitle: hint.title,
        shortcut: document.querySelector('.editor-panel .kbd-hint')!.textContent,
      };
    });
    expect(seen.toolbarRows, 'rows of the editor toolbar').toBe(1);
    expect(seen.stepsBesideTitle, 'the steps beside the title').toBe(true);
    // 17 in English at this size; the German toolbar and step names used to leave 13.
    expect(seen.editorLines, 'editor lines in view').toBeGreaterThanOrEqual(16);
    expect(seen.hintTitle).toMatch(/^Tab rückt ein\. .*Strg\+M/);
    expect(seen.shortcut).toBe('Strg/Cmd+Enter');
    // A cut step name is still whole for a screen reader and in the button's tooltip.
    const third = page.getByRole('button', { name: '3. 10x die Daten auf 10x den Maschinen' });
    expect(await third.getAttribute('title')).toBe('3. 10x die Daten auf 10x den Maschinen'.slice(3));
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('says when a lab opens in English, and marks it on the home page', async () => {
    const { page } = s;
    await page.goto(`${page.url().split('#')[0]}#/`);
    const tag = page.locator('[data-lab="kafka-topics"] .lang-tag');
    await tag.waitFor();
    expect(await tag.getAttribute('title')).toBe('Die Texte dieses Labs sind auf Englisch');
    expect(await page.locator('[data-lab="hdfs-blocks"] .lang-tag').count()).toBe(0);
    await page.locator('[data-lab="kafka-topics"] button').click();
    await page.getByText('Die Texte dieses Labs gibt es nur auf Englisch.').waitFor();
  });

  it('is still German after a reload, and switches back to English by keyboard', async () => {
    const { page } = s;
    await page.reload();
    await page.getByRole('button', { name: '▶ Ausführen' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    // Keyboard only: focus the Settings button, open it, choose English in the focused list.
    await page.getByRole('button', { name: '⚙ Einstellungen' }).focus();
    await page.keyboard.press('Enter');
    const select = page.getByRole('dialog', { name: 'Einstellungen' }).getByLabel('Sprache');
    await select.focus();
    await select.selectOption('en');
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '▶ Run' }).waitFor();
    await page.getByRole('button', { name: '⚙ Settings' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
