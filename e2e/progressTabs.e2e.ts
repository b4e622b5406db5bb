/**
 * Two tabs of the web build on one progress: tab B is opened first (its state is stale), tab A
 * types code in step 1, then tab B types code in step 2. B's save must not wipe A's code, and
 * after reloading both tabs both edits are there. A tab showing the step another tab edits
 * follows that edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { focusEditor } from './labActions';

const LAB = 'mapreduce-iot-averages';
const KEY = 'clusterlab.progress.v1';

async function openStep(page: Page, baseUrl: string, step: number) {
  await page.goto(`${baseUrl}#/lab/${LAB}/${step}`);
  await page.locator('.lab-editor .monaco-editor').waitFor({ timeout: 60_000 });
}

/** Types a line at the end of the editor's text, as a learner would. */
async function typeAtEnd(page: Page, text: string) {
  await page.bringToFront();
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Monaco paints in animation frames, which a background tab does not get: look at the tab first. */
const editorHas = async (page: Page, text: string) => {
  await page.bringToFront();
  await page.waitForFunction(
    (t) => (document.querySelector('.lab-editor .view-lines')?.textContent ?? '').replace(/\s+/g, ' ').includes(t),
    text,
    { timeout: 15_000 },
  );
};

const savedCode = (page: Page) =>
  page.evaluate(
    ([key, lab]) => {
      const saved = JSON.parse(localStorage.getItem(key!) ?? '{}') as {
        labs?: Record<string, { steps: Record<string, { code?: string }> }>;
      };
      return Object.values(saved.labs?.[lab!]?.steps ?? {}).map((s) => s.code ?? '');
    },
    [KEY, LAB],
  );

async function waitUntilSaved(page: Page, marker: string) {
  await page.waitForFunction(([key, m]) => (localStorage.getItem(key!) ?? '').includes(m!), [KEY, marker], {
    timeout: 15_000,
  });
}

describe('progress in two tabs', () => {
  let s: Session;
  let tabA: Page;
  let tabB: Page;
  beforeAll(async () => {
    // Tall enough that the editor shows every line: Monaco renders only the lines in view.
    s = await openApp({ viewport: { width: 1280, height: 1400 } });
    tabB = await s.context.newPage(); // opened first: its progress is the stale one
    await openStep(tabB, s.baseUrl, 2);
    tabA = s.page;
    await openStep(tabA, s.baseUrl, 1);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("a stale tab's save does not wipe the other tab's code, and both edits survive a reload", async () => {
    await typeAtEnd(tabA, '// step one from tab A');
    await waitUntilSaved(tabA, 'step one from tab A');

    await typeAtEnd(tabB, '// step two from tab B');
    await waitUntilSaved(tabB, 'step two from tab B');
    // B's save came after A's: A's code is still in the saved progress.
    const saved = await savedCode(tabB);
    expect(saved.some((c) => c.includes('step one from tab A'))).toBe(true);
    expect(saved.some((c) => c.includes('step two from tab B'))).toBe(true);

    await tabA.reload();
    await tabB.reload();
    await tabA.locator('.lab-editor .monaco-editor').waitFor({ timeout: 60_000 });
    await tabB.locator('.lab-editor .monaco-editor').waitFor({ timeout: 60_000 });
    await editorHas(tabA, 'step one from tab A');
    await editorHas(tabB, 'step two from tab B');
    await openStep(tabA, s.baseUrl, 2);
    await editorHas(tabA, 'step two from tab B');
    await openStep(tabB, s.baseUrl, 1);
    await editorHas(tabB, 'step one from tab A');
    expect(s.consoleErrors).toEqual([]);
  });

  it("the editor of a step open in both tabs follows the other tab's newer edit", async () => {
    // Both tabs now show step 1 (tab A was moved to step 2 above; bring it back).
    await openStep(tabA, s.baseUrl, 1);
    await typeAtEnd(tabB, '// later edit from tab B');
    await waitUntilSaved(tabB, 'later edit from tab B');
    await editorHas(tabA, 'later edit from tab B');
    await typeAtEnd(tabA, '// and tab A goes on');
    await waitUntilSaved(tabA, 'and tab A goes on');
    await editorHas(tabB, 'and tab A goes on');
    const saved = await savedCode(tabA);
    expect(saved.some((c) => c.includes('later edit from tab B') && c.includes('and tab A goes on'))).toBe(true);
    expect(saved.some((c) => c.includes('step two from tab B'))).toBe(true);
    expect(s.consoleErrors).toEqual([]);
  });

  it('switching tabs saves at once: typing right away in the other tab keeps both edits', async () => {
    await typeAtEnd(tabA, '// quick edit in tab A');
    // No wait for the debounced save: the learner switches tabs and types at once. Headless
    // Chromium does not move window focus between pages, so tab A gets the blur a real switch fires.
    await tabA.evaluate(() => window.dispatchEvent(new Event('blur')));
    await tabB.bringToFront();
    await tabB.waitForTimeout(150); // a quick learner: well within the 400 ms save delay
    await typeAtEnd(tabB, '// right after, in tab B');
    await waitUntilSaved(tabB, 'right after, in tab B');
    await tabA.waitForTimeout(1000); // longer than the save delay: any late save of tab A has landed
    const saved = await savedCode(tabA);
    expect(saved.some((c) => c.includes('quick edit in tab A') && c.includes('right after, in tab B'))).toBe(true);
    expect(s.consoleErrors).toEqual([]);
  });

  it("says when another tab's newer save replaced the code, and puts this tab's code back when asked", async () => {
    await typeAtEnd(tabA, '// mine, in tab A');
    await waitUntilSaved(tabA, 'mine, in tab A');
    await editorHas(tabB, 'mine, in tab A');
    await typeAtEnd(tabB, '// theirs, from tab B');
    await waitUntilSaved(tabB, 'theirs, from tab B');
    await editorHas(tabA, 'theirs, from tab B');
    // Tab A's text was replaced without its learner typing: it says so, and offers the text back.
    const notice = tabA.getByTestId('code-replaced');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toMatch(/Another tab saved newer code for this step/);
    await notice.getByRole('button', { name: 'Put back the code I had' }).click();
    await notice.waitFor({ state: 'detached' });
    await tabA.waitForFunction(
      () => !(document.querySelector('.lab-editor .view-lines')?.textContent ?? '').includes('theirs, from tab B'),
      undefined,
      { timeout: 15_000 },
    );
    await editorHas(tabA, 'mine, in tab A');
    // Saved as the newest edit: tab B follows it in turn, and is told.
    await tabB.bringToFront();
    await tabB.getByTestId('code-replaced').waitFor({ timeout: 15_000 });
    const saved = await savedCode(tabB);
    expect(saved.some((c) => c.includes('mine, in tab A') && !c.includes('theirs, from tab B'))).toBe(true);
    expect(s.consoleErrors).toEqual([]);
  });
});
