/** What a learner does on a lab page, shared by the e2e files: paste code into Monaco, read the checks. */
import type { Page } from 'playwright-core';

/**
 * Clicks into the editor of `host` and makes sure it has the focus: in Chromium 150 a click just
 * below the last line (the middle of a short file's editor) leaves the focus outside Monaco, so
 * then its first line takes a click.
 */
export async function focusEditor(page: Page, host = '.lab-editor') {
  const editor = page.locator(`${host} .monaco-editor`).first();
  await editor.click();
  if (!(await editor.evaluate((e) => e.contains(document.activeElement))))
    await editor.locator('.view-line').first().click();
}

/**
 * Replaces the editor's text by pasting it, as a learner would (typing would trigger
 * auto-closing), and copies it back out to check that the editor holds exactly that text.
 * `host` selects the editor's panel.
 */
export async function setEditorText(page: Page, text: string, host = '.lab-editor') {
  const editor = page.locator(`${host} .monaco-editor`).first();
  await editor.waitFor({ timeout: 60_000 });
  await focusEditor(page, host);
  // The visible lines cannot tell two texts that end alike apart; the copied text can.
  const visible = (h: string) => document.querySelector(`${h} .view-lines`)?.textContent ?? '';
  for (let attempt = 0; ; attempt++) {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('ControlOrMeta+A');
    const before = await page.evaluate(visible, host);
    await page.keyboard.press('ControlOrMeta+V');
    // Monaco may apply a paste a moment later, and a selection change before then cancels it: wait
    // for the lines to change (up to a second, as two texts that end alike show the same lines).
    await page
      .waitForFunction(
        ([h, b]) => (document.querySelector(`${h} .view-lines`)?.textContent ?? '') !== b,
        [host, before],
        { timeout: 1_000 },
      )
      .catch(() => {});
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
    // The selection collapses to the end: the cursor, and the visible part of the editor, are there.
    await page.keyboard.press('ArrowRight');
    const held = await page.evaluate(() => navigator.clipboard.readText());
    if (held === text) return;
    if (attempt === 4)
      throw new Error(`setEditorText: the editor holds ${JSON.stringify(held)}, not ${JSON.stringify(text)}`);
    await page.waitForTimeout(200);
  }
}

/** Each check as `id:state` (pass, fail, pending, not-judged). */
export async function checkStates(page: Page) {
  return page.$$eval('[data-testid="checks"] li', (items) =>
    items.map((li) => `${li.getAttribute('data-check')}:${li.getAttribute('data-state')}`),
  );
}

/** Sets ⚙ Settings → Time limit for your code, as a learner does. */
export async function setTimeLimit(page: Page, seconds: number) {
  await page.getByRole('button', { name: '⚙ Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.waitFor();
  await dialog.getByLabel('Time limit for your code (seconds)').fill(String(seconds));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Waits until the run shows its Running marker and then until the marker is gone. */
export async function waitForRunEnd(page: Page, timeout = 90_000) {
  await page
    .locator('[aria-label="Running"]')
    .waitFor({ state: 'attached', timeout: 10_000 })
    .catch(() => {});
  await page.waitForFunction(() => !document.querySelector('[aria-label="Running"]'), undefined, { timeout });
}

/** Waits until the checks panel lists checks, none is pending and no run is going. */
export async function waitForChecksJudged(page: Page, timeout = 90_000) {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="checks"] li').length > 0 &&
      document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0 &&
      !document.querySelector('[aria-label="Running"]'),
    undefined,
    { timeout },
  );
}

/**
 * Opens step `index` of `lab` from the home page as a learner does (the lab opens at the step
 * last visited, so the step is picked), pastes its solution, runs it and waits until every check
 * is judged and the run is over. Returns the checks as `id:state`.
 */
export async function runSolutionFromHome(
  page: Page,
  lab: { id: string; steps: readonly { title: string; solution: string }[] },
  index: number,
): Promise<string[]> {
  const step = lab.steps[index]!;
  await page.getByRole('button', { name: 'ClusterLab home' }).click();
  await page.locator(`[data-lab="${lab.id}"] button`).click();
  const stepButton = page.getByRole('button', { name: `${index + 1}. ${step.title}` }).first();
  await stepButton.waitFor();
  await stepButton.click();
  await page.getByRole('heading', { name: `${index + 1}. ${step.title}` }).waitFor();
  await setEditorText(page, step.solution);
  await page.getByRole('button', { name: '▶ Run' }).click();
  await waitForChecksJudged(page);
  return checkStates(page);
}

/**
 * Pastes step `stepIndex`'s solution of `lab` into the editor of the page it is on, runs it and
 * waits until every check is judged, the run is over and `shown` is on the page; then pauses the
 * playback, so the test scrubs from where it stopped.
 */
export async function runShownSolution(
  page: Page,
  lab: { steps: readonly { solution: string }[] },
  stepIndex: number,
  shown = '[data-testid="run-timeline"]',
  timeout = 90_000,
) {
  await setEditorText(page, lab.steps[stepIndex]!.solution);
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.waitForFunction(
    (sel) =>
      document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0 &&
      !document.querySelector('[aria-label="Running"]') &&
      document.querySelector(sel) !== null,
    shown,
    { timeout },
  );
  await page
    .getByRole('button', { name: /Pause/ })
    .click({ timeout: 2_000 })
    .catch(() => {});
}
