/**
 * A pipeline step in Chromium at 1024×700: the diagram follows the file as it is typed (and keeps
 * the last good drawing while it does not parse, also after a Run), the editor helpers rewrite the
 * file, a run plays back on the diagram with a sentence that is true at the instant shown, and the
 * run's table shows the files the lake closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { setEditorText, waitForRunEnd } from './labActions';

const LAB = 'platform-blueprint';

/** The editor's text, copied out as a learner would. */
async function editorText(page: Page): Promise<string> {
  await page.locator('.lab-editor .monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('ArrowRight');
  return page.evaluate(() => navigator.clipboard.readText());
}

async function diagramInView(page: Page) {
  await page.getByTestId('pipeline-diagram').evaluate((e) => e.scrollIntoView({ block: 'center' }));
}

async function seek(page: Page, key: 'End' | 'Home') {
  await page
    .getByRole('button', { name: /Pause/ })
    .click()
    .catch(() => {});
  const slider = page.getByRole('slider').first();
  await slider.focus();
  await page.keyboard.press(key);
}

describe('a pipeline step: diagram, editor helpers and playback', { timeout: 240_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ colorScheme: 'light', viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => s?.close());

  it('draws the file, keeps the last drawing while it does not parse, and the helpers rewrite the file', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/${LAB}/1`);
    const diagram = page.getByTestId('pipeline-diagram');
    await diagram.waitFor({ timeout: 60_000 });
    await page.locator('.lab-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    const starter = await editorText(page);
    const parts = (JSON.parse(starter) as { parts: { id: string }[] }).parts.map((p) => p.id);
    for (const id of parts) await expect.poll(() => page.getByTestId(`part-${id}`).count()).toBe(1);
    await s.screenshot('pipeline-before-run-light');

    await setEditorText(page, starter.slice(0, -5));
    await page.getByTestId('pipeline-parse').waitFor();
    expect(await page.getByTestId(`part-${parts[0]}`).count()).toBe(1);
    await setEditorText(page, starter);
    await page.getByTestId('pipeline-parse').waitFor({ state: 'detached' });

    // Add a Kafka part on n3 with the form; the file holds it, pretty-printed.
    const form = page.getByRole('form', { name: 'Edit the pipeline' });
    await form.getByLabel('Kind').selectOption('kafka');
    await form.getByLabel('Id').fill('buffer');
    await form.getByRole('group', { name: 'Add a part' }).getByLabel('Machine').selectOption('n3');
    await form.getByRole('button', { name: 'Add part' }).click();
    await page.getByTestId('part-buffer').waitFor();
    await expect
      .poll(async () => JSON.parse(await editorText(page)).parts.at(-1))
      .toEqual({
        id: 'buffer',
        type: 'kafka',
        node: 'n3',
      });
    expect(await editorText(page)).toMatch(/^\{\n {2}"parts": \[\n {4}\{\n/);
    // Its setting: retention to 24 h, typed and confirmed with Enter.
    const retention = form.getByLabel('retentionHours');
    await retention.fill('24');
    await retention.press('Enter');
    await form.scrollIntoViewIfNeeded();
    await s.screenshot('pipeline-form-light');
    await expect
      .poll(async () => JSON.parse(await editorText(page)).parts.at(-1).settings)
      .toEqual({ retentionHours: 24 });
    // Remove it again: the file is the starter's parts once more.
    await form.getByRole('button', { name: 'Remove buffer' }).click();
    await page.getByTestId('part-buffer').waitFor({ state: 'detached' });
    expect(JSON.parse(await editorText(page))).toEqual(JSON.parse(starter));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('plays the run back on the diagram: the sentence and the boxes say what is true at the instant', async () => {
    const { page } = s;
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    await page.getByTestId('pipeline-now').waitFor();
    await seek(page, 'End');
    const end = await page.getByTestId('pipeline-now').textContent();
    expect(end).toMatch(/: the run (is over|reached its time limit): .* events displayed/);
    const summary = (await page.getByTestId('pipeline-summary').textContent()) ?? '';
    const [, shown, total] = /^The whole run: ([\d,]+) of ([\d,]+) events displayed/.exec(summary) ?? [];
    expect(end).toContain(shown === total ? `all ${total} events displayed` : `${shown} of ${total} events displayed`);
    await seek(page, 'Home');
    await expect
      .poll(() => page.getByTestId('pipeline-now').textContent())
      .toMatch(/^0\.00 s: none of the run's [\d,]+ events displayed yet\.$/);
    // Step through the events until a part is down: the box is grey, and the sentence names it with the time it went down.
    const step = page.getByRole('button', { name: /next event/i }).or(page.getByTitle('Jump to the next event'));
    for (let i = 0; i < 60; i++) {
      if ((await page.locator('.pipeline-box.down').count()) > 0) break;
      await step.first().click();
    }
    const down = page.locator('.pipeline-box.down').first();
    const id = ((await down.getAttribute('data-testid')) ?? '').replace(/^part-/, '');
    const [, since] =
      /^down since ([\d.]+ s)$/.exec((await down.locator('.pipeline-status').textContent()) ?? '') ?? [];
    expect(since).toBeTruthy();
    expect(id).toBeTruthy();
    expect(await page.getByTestId('pipeline-now').textContent()).toContain(`${id} down since ${since}`);
    await diagramInView(page);
    await s.screenshot('pipeline-outage-light');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await diagramInView(page);
    await s.screenshot('pipeline-outage-dark');
    expect(s.consoleErrors).toEqual([]);
  });

  it('clips a long part id to its box, with the whole id in the box’s title', async () => {
    const { page } = s;
    const long = 'ingest-api-for-every-device-in-the-fleet';
    const starter = await editorText(page);
    await setEditorText(page, starter.replace(/"ingest"/g, `"${long}"`));
    const box = page.getByTestId(`part-${long}`);
    await box.waitFor();
    const shown = (await box.locator('.pipeline-id').textContent()) ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
    expect(await box.locator('title').textContent()).toMatch(new RegExp(`^${long}: Ingest API, on n1`));
    // Every line of the box fits inside it, as drawn in this browser's font.
    const tooLong = await box.evaluate((g) => {
      const width = (g.querySelector('rect') as SVGRectElement).getBBox().width;
      return [...g.querySelectorAll('tspan')]
        .map((t) => ({ text: t.textContent, right: 8 + (t as SVGTSpanElement).getComputedTextLength(), width }))
        .filter((line) => line.right > line.width);
    });
    expect(tooLong).toEqual([]);
    await diagramInView(page);
    await s.screenshot('pipeline-long-id-dark');
    await setEditorText(page, starter);
  });

  it('keeps the last good drawing, with its note, after Run with a file that does not parse', async () => {
    const { page } = s;
    const starter = await editorText(page);
    const parts = (JSON.parse(starter) as { parts: { id: string }[] }).parts.map((p) => p.id);
    await setEditorText(page, starter.slice(0, -5));
    await page.getByTestId('pipeline-parse').waitFor();
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    // The run failed on the file; the panel was renewed, and still draws the last version that parsed.
    await expect
      .poll(() => page.getByTestId('pipeline-parse').textContent())
      .toMatch(/The diagram shows the last version that did\.$/);
    for (const id of parts) expect(await page.getByTestId(`part-${id}`).count()).toBe(1);
    await setEditorText(page, starter);
    await page.getByTestId('pipeline-parse').waitFor({ state: 'detached' });
  });

  it("step 2's table shows the files the lake closed, as its hint says", async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/${LAB}/2`);
    await page.getByTestId('pipeline-diagram').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    const table = page.getByTestId('pipeline-parts');
    await table.waitFor();
    const headers = await table.locator('thead th').allTextContents();
    const column = headers.indexOf('Files closed');
    expect(column).toBeGreaterThan(0);
    const cells = await table.locator('tr[data-part="lake"] > *').allTextContents();
    expect(cells[column]).toBe('1,000');
    expect(await table.locator('tr[data-part="agent"] > *').nth(column).textContent()).toBe('–');
    expect(s.consoleErrors).toEqual([]);
  });
});
