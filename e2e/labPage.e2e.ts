/**
 * The lab page as a learner meets it: the layout after Run at laptop sizes (header in view, no
 * page jump, no blank half), check results kept across a reload, one error for a broken job,
 * hints in Markdown, "finished" only when every step passed, and playback speed that says
 * why it is what it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findLab, LABS } from '../labs/labRegistry';
import { seriousViolations } from './axe';
import { openApp, type Session } from './harness';
import { inView, labLayout } from './labLayout';
import { setEditorText, checkStates } from './labActions';

/** Most tests read the IoT lab's texts (its hints, its checks); the generic ones take any lab. */
const IOT = findLab('mapreduce-iot-averages')!;

async function openLab(s: Session, path: string) {
  await s.page.goto(`${s.baseUrl}#/${path}`);
  await s.page.reload();
  await s.page.locator('.lab-editor .monaco-editor').waitFor({ timeout: 60_000 });
}

async function runAndWait(page: Page) {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page
    .locator('[aria-label="Running"]')
    .waitFor({ state: 'attached', timeout: 5_000 })
    .catch(() => {});
  await page.waitForFunction(
    () =>
      !document.querySelector('[aria-label="Running"]') &&
      document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0,
    undefined,
    { timeout: 90_000 },
  );
}

describe('the lab page', () => {
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
  });

  for (const [viewport, colorScheme, solved] of [
    [{ width: 1024, height: 700 }, 'light', false],
    [{ width: 1280, height: 720 }, 'dark', false],
    [{ width: 1440, height: 900 }, 'light', true],
  ] as const) {
    it(`at ${viewport.width}×${viewport.height} (${colorScheme}${solved ? ', solved' : ''}), Run keeps the header in view and the window used`, async () => {
      const s = await openApp({ viewport, colorScheme });
      sessions.push(s);
      const { page } = s;
      await openLab(s, `lab/${IOT.id}/1`);
      if (solved) await setEditorText(page, IOT.steps[0]!.solution);
      const idle = await labLayout(page);
      expect(idle.editorHeight, 'the editor uses the height before a run').toBeGreaterThan(viewport.height * 0.4);
      await s.screenshot(`lab-layout-${viewport.width}-idle`);
      await runAndWait(page);
      await page.waitForTimeout(600);
      const after = await labLayout(page);
      await s.screenshot(`lab-layout-${viewport.width}-run`);
      expect(after.headerTop).toBe(0);
      expect(after.headerBottom).toBeLessThan(80);
      expect(after.scrollY).toBe(0);
      expect(after.mainScroll).toBe(0);
      expect(after.coveredShare, 'the panes cover the window below the header').toBeGreaterThan(0.85);
      expect(after.editorHeight).toBeGreaterThan(120);
      // Without scrolling: a usable editor, every check, the playback bar and the top of the cluster map.
      const seen = await inView(page);
      expect(seen.editorLines, 'editor lines in view').toBeGreaterThanOrEqual(10);
      expect(seen.checks.length).toBeGreaterThan(0);
      expect(seen.checks, 'every check in view').toEqual(seen.checks.map(() => true));
      expect(seen.paneScroll).toBe(0);
      expect(seen.playbackVisible, 'the playback bar in view').toBe(true);
      expect(seen.mapTopVisible, 'the top of the cluster map in view').toBe(true);
      if (!solved) {
        // A passed check's reason is cut to its line; "Show reasons" (a button, so keyboard too) shows it whole.
        const expand = page.getByRole('button', { name: 'Show reasons' });
        await expand.focus();
        await page.keyboard.press('Enter');
        expect(await page.getByRole('button', { name: 'Shorter' }).getAttribute('aria-expanded')).toBe('true');
        const wraps = await page.$eval('.check.pass .check-reason', (e) => getComputedStyle(e).whiteSpace);
        expect(wraps).toBe('normal');
        await page.keyboard.press('Enter');
        if (colorScheme === 'light') expect(await seriousViolations(page)).toEqual([]);
      }
      if (solved) {
        // "Step passed · Next step →" shares the checks' heading line.
        const done = (await page.getByTestId('step-done').boundingBox())!;
        const heading = (await page.locator('#checks-heading').boundingBox())!;
        expect(Math.abs(done.y + done.height / 2 - (heading.y + heading.height / 2))).toBeLessThan(8);
        expect(await seriousViolations(page)).toEqual([]);
      }
      // The checks and the pictures are in the run pane, reachable by scrolling it.
      await expect(page.getByTestId('checks').isVisible()).resolves.toBe(true);
      await page.getByTestId('run-timeline').scrollIntoViewIfNeeded();
      expect((await labLayout(page)).headerTop).toBe(0);
      await s.screenshot(`lab-layout-${viewport.width}-pictures`);
      // The divider gives the editor more room from the keyboard, and Enter gives it back.
      const divider = page.getByRole('separator', { name: /Editor height/ });
      await divider.focus();
      await page.keyboard.press('End');
      const tall = await labLayout(page);
      expect(tall.editorHeight).toBeGreaterThan(after.editorHeight + 100);
      expect(tall.headerTop).toBe(0);
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (h) => document.querySelector('.lab-editor')!.getBoundingClientRect().height < h,
        tall.editorHeight - 50,
      );
      expect(s.consoleErrors).toEqual([]);
    });
  }
});

describe('the lab page in a small window', () => {
  it('scrolls as a page below a header that stays, and Run does not push the header away', async () => {
    const s = await openApp({ viewport: { width: 820, height: 600 } });
    try {
      await openLab(s, `lab/${IOT.id}/1`);
      await runAndWait(s.page);
      await s.page.waitForTimeout(600);
      const after = await labLayout(s.page);
      expect(after.headerTop).toBe(0);
      expect(after.scrollY).toBe(0);
      await s.screenshot('lab-layout-820-run');
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('the lab page keeps and words results well', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it("restores the last run's check results after a reload, marked as the last run", async () => {
    const { page } = s;
    await openLab(s, `lab/${IOT.id}/1`);
    await runAndWait(page);
    const states = await checkStates(page);
    expect(states.some((c) => c.endsWith(':fail'))).toBe(true);
    expect(states.some((c) => c.endsWith(':pass'))).toBe(true);
    await page.reload();
    await page.getByTestId('last-run').waitFor({ timeout: 30_000 });
    expect(await checkStates(page)).toEqual(states);
    const passed = states.filter((c) => c.endsWith(':pass')).length;
    expect(await page.getByTestId('last-run').textContent()).toMatch(
      new RegExp(`Last run \\(today .+\\): ${passed} of ${states.length} checks passed`),
    );
    await expect(page.locator('.check.fail .check-reason').first().textContent()).resolves.toMatch(/expected/);
    await s.screenshot('lab-reload-last-run');
    // The next run replaces them.
    await runAndWait(page);
    expect(await page.getByTestId('last-run').count()).toBe(0);
    expect(await checkStates(page)).toEqual(states);
  });

  it('shows a broken job\'s error once, at the editor, with a squiggle, and the checks "not judged" once', async () => {
    const { page } = s;
    await openLab(s, `lab/${IOT.id}/2`);
    await setEditorText(
      page,
      "export default {\n  kind: 'mapreduce', input: '/data/sensors.csv', output: '/o',\n  map(o, line, ctx) {\n    null.boom();\n  },\n};\n",
    );
    await runAndWait(page);
    const error = page.getByTestId('run-error');
    expect(await error.count()).toBe(1);
    expect(await error.textContent()).toMatch(/\.js:4: TypeError/);
    expect(await page.getByTestId('not-judged').textContent()).toMatch(
      /Checks not judged: the job failed while running/,
    );
    const states = await checkStates(page);
    expect(states.length).toBeGreaterThan(1);
    expect(states.every((c) => c.endsWith(':not-judged'))).toBe(true);
    // The error's text appears once on the whole page.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text.split('TypeError').length - 1).toBe(1);
    // Monaco underlines line 4.
    const squiggle = page.locator('.lab-editor .squiggly-error').first();
    await squiggle.waitFor({ timeout: 10_000 });
    const box = (await squiggle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // The marker is the run's error (the language service has nothing to say about this line).
    await page.locator('.monaco-hover', { hasText: 'TypeError: Cannot read properties of null' }).waitFor();
    // Monaco fades its hover in: judged mid-fade, its action links are paler than they end up.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.monaco-hover')].every((h) =>
        h.getAnimations({ subtree: true }).every((a) => a.playState === 'finished'),
      ),
    );
    await s.screenshot('lab-runtime-error-once');
    expect(await seriousViolations(page)).toEqual([]);

    await setEditorText(page, "export default {\n  kind: 'mapreduce'\n  input: '/data/sensors.csv',\n};\n");
    await runAndWait(page);
    expect(await page.getByTestId('run-error').textContent()).toMatch(/\.js:3:\d+: SyntaxError/);
    expect(await page.getByTestId('not-judged').textContent()).toMatch(/the job did not compile/);
    const all = (await page.locator('main').textContent()) ?? '';
    expect(all.split('SyntaxError').length - 1).toBe(1);
    await s.screenshot('lab-syntax-error-once');
  });

  it('renders hints as Markdown, like the instructions', async () => {
    const { page } = s;
    await openLab(s, `lab/${IOT.id}/1`);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /Show a hint|Another hint/ }).click();
    const hints = page.getByTestId('hint');
    expect(await hints.count()).toBe(3);
    expect(await hints.nth(2).locator('code').first().textContent()).toBe(
      'ctx.write(timestamp.slice(0, 10), Number(value))',
    );
    expect(await page.locator('.hints').textContent()).not.toContain('`');
    await page.locator('.hints').scrollIntoViewIfNeeded();
    await s.screenshot('lab-hints-markdown');
  });

  it('says which steps remain when only the last one passed; the lab list agrees', async () => {
    const { page } = s;
    const lab = LABS[0]!;
    const last = lab.steps.length;
    await openLab(s, `lab/${lab.id}/${last}`);
    await setEditorText(page, lab.steps[last - 1]!.solution);
    await runAndWait(page);
    await page.getByTestId('step-done').waitFor();
    expect(await page.getByTestId('lab-finished').count()).toBe(0);
    const left = (await page.getByTestId('steps-left').textContent()) ?? '';
    for (let i = 0; i < last - 1; i++) expect(left).toContain(`step ${i + 1} (${lab.steps[i]!.title})`);
    await s.screenshot('lab-last-step-only');
    await page.getByRole('button', { name: `step 1 (${lab.steps[0]!.title})` }).click();
    await page.getByRole('heading', { name: `1. ${lab.steps[0]!.title}` }).waitFor();
    await page.getByRole('button', { name: 'ClusterLab home' }).click();
    await page.locator(`[data-lab="${lab.id}"][data-status="in-progress"]`).waitFor();
  });

  it('fits playback to the run and says so, until the learner picks a speed, which then stays', async () => {
    const { page } = s;
    await openLab(s, `lab/${IOT.id}/1`);
    await runAndWait(page);
    const note = page.getByTestId('speed-note');
    expect(await note.textContent()).toMatch(/^Plays at [\d.]+× so the .+ run takes about .+ s$/);
    await page.getByLabel('Playback speed').selectOption('4');
    expect(await note.count()).toBe(0);
    await runAndWait(page);
    await page.getByLabel('Playback speed').waitFor();
    expect(await page.getByLabel('Playback speed').inputValue()).toBe('4');
    expect(await note.count()).toBe(0);
  });

  it('logged no console error and made no outside request', () => {
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
