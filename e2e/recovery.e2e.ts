// Recovery (issue 10 §2): a part that fails to render shows a message with "Try again" and
// "Copy details" while the rest of the app (the editor with the learner's code) keeps working;
// a run that takes the page down (its renderer crashes, as a memory bomb does in Chromium) is
// named in a notice after the reload, with the code kept; a page left normally mid-run is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { findLab } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import { checkStates, setEditorText } from './labActions';

const LAB = 'mapreduce-iot-averages';
const step = findLab(LAB)!.steps[0]!;
const FAIL_PART_KEY = 'clusterlab.test.failPart';
const RUN_MARKER_KEY = 'clusterlab.runInProgress.v1';

/** A Spark job that allocates until the worker runs out of memory. */
const MEMORY_BOMB = `export default async (sc) => {
  const hoard = [];
  for (;;) hoard.push(new Array(1e6).fill(1));
};
`;

/** A Spark job that keeps its sandbox busy for a while (well within the time limit). */
const SLOW_JOB = `export default async (sc) => {
  const end = Date.now() + 30000;
  while (Date.now() < end) {}
  return await sc.parallelize([1], 1).collect();
};
`;

async function openStep(page: Page) {
  await page.getByRole('button', { name: 'ClusterLab home' }).click();
  await page.locator(`[data-lab="${LAB}"] button`).click();
  await page.getByRole('heading', { name: `1. ${step.title}` }).waitFor();
}

async function runAndWait(page: Page) {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page
    .locator('[aria-label="Running"]')
    .waitFor({ state: 'attached', timeout: 10_000 })
    .catch(() => {});
  await page.waitForFunction(() => !document.querySelector('[aria-label="Running"]'), undefined, { timeout: 90_000 });
}

/** Evaluates an expression in the page over the DevTools protocol (Playwright refuses a page that crashed). */
async function evaluate(cdp: CDPSession, expression: string): Promise<unknown> {
  const answer = cdp.send('Runtime.evaluate', { expression, returnByValue: true }) as Promise<{
    result: { value?: unknown };
  }>;
  const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), 5_000));
  const { result } = await Promise.race([answer, late]);
  return result.value ?? null;
}

/**
 * Reloads a crashed page and returns the crash notice's text once the app shows it. A renderer
 * killed for its memory can take a while to go on a loaded machine, and a reload sent meanwhile
 * may be lost: while the page answers nothing, the reload is sent again every 15 s.
 */
async function reloadAfterCrash(cdp: CDPSession): Promise<string> {
  const reload = () => cdp.send('Page.reload').catch(() => {});
  await reload();
  let silentSince = Date.now();
  let last: unknown = 'no answer yet';
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const state = await evaluate(
      cdp,
      `JSON.stringify({ notice: document.querySelector('[data-testid="crash-notice"] span')?.textContent ?? null, ready: document.readyState, app: !!document.querySelector('header') })`,
    ).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (typeof state === 'string' && state.startsWith('{')) {
      silentSince = Date.now();
      last = state;
      const { notice } = JSON.parse(state) as { notice: string | null };
      if (typeof notice === 'string') return notice;
    } else {
      last = state;
      if (Date.now() - silentSince > 15_000) {
        silentSince = Date.now();
        await reload();
      }
    }
  }
  throw new Error(`no crash notice after the reload (the page last said: ${String(last)})`);
}

/** React reports an error a boundary caught on the console: those are expected here, nothing else is. */
const unexpected = (errors: string[]) => errors.filter((e) => !/a test asked [\w-]+ to fail/.test(e));

describe('recovery', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a broken cluster map shows a message; the editor and the checks still work; Try again brings it back', async () => {
    const { page } = s;
    await openStep(page);
    await setEditorText(page, step.solution);
    await page.evaluate(([k]) => sessionStorage.setItem(k!, 'cluster-map'), [FAIL_PART_KEY]);
    await runAndWait(page);
    const failed = page.getByTestId('failed-cluster-map');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(
      /^Something went wrong while showing the cluster map, so it is not shown\. Your code and your progress are saved\./,
    );
    // The rest of the run's pictures and the checks are there.
    expect(await checkStates(page)).toEqual(step.checks.map((c) => `${c.id}:pass`));
    expect(await page.getByRole('tab', { name: 'Timeline' }).count()).toBe(1);
    await s.screenshot('recovery-broken-map');
    // Copy details copies what failed (for a bug report).
    await failed.getByRole('button', { name: 'Copy details' }).click();
    await page.getByText('Details copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^ClusterLab: cluster-map failed to render/,
    );
    // The editor still edits and runs.
    await setEditorText(
      page,
      step.solution.replace('export default {', '// edited after the failure\nexport default {'),
    );
    await runAndWait(page);
    expect(await checkStates(page)).toEqual(step.checks.map((c) => `${c.id}:pass`));
    // Fixed: Try again draws the map.
    await page.evaluate(([k]) => sessionStorage.removeItem(k!), [FAIL_PART_KEY]);
    await page.getByTestId('failed-cluster-map').getByRole('button', { name: 'Try again' }).click();
    await page.locator('.map-figure').waitFor();
    expect(await page.getByTestId('failed-cluster-map').count()).toBe(0);
    expect(unexpected(s.consoleErrors)).toEqual([]);
  });

  it('a page that fails to render leaves the header working; Try again shows it', async () => {
    const { page } = s;
    await page.evaluate(([k]) => sessionStorage.setItem(k!, 'page'), [FAIL_PART_KEY]);
    await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
    const failed = page.getByTestId('failed-page');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/^Something went wrong while showing this page/);
    await page.evaluate(([k]) => sessionStorage.removeItem(k!), [FAIL_PART_KEY]);
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('tab', { name: 'Jobs' }).waitFor();
    expect(unexpected(s.consoleErrors)).toEqual([]);
  });

  it('a page reloaded normally in the middle of a run shows no notice', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await setEditorText(page, SLOW_JOB, '.sandbox-editor');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.locator('[aria-label="Running"]').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sandbox', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.locator('.sandbox-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('crash-notice').count()).toBe(0);
    expect(await page.evaluate(([k]) => sessionStorage.getItem(k!), [RUN_MARKER_KEY])).toBeNull();
  });

  it('a run that crashed the page is named in a notice after the reload; the code is kept', async () => {
    const { page, context } = s;
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.locator('[aria-label="Running"]').waitFor();
    expect(await page.evaluate(([k]) => sessionStorage.getItem(k!), [RUN_MARKER_KEY])).toMatch(/"kind":"sandbox"/);
    // The renderer process dies as it does when a job runs out of memory (no pagehide, no unload).
    // Playwright would hold the reloaded page's requests for ever once it crashed: stop routing first.
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    const cdp = await context.newCDPSession(page);
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    // Playwright gives up on a crashed page; the DevTools protocol reloads it (as the learner's Reload or Electron does).
    const notice = await reloadAfterCrash(cdp);
    expect(notice).toMatch(
      /^Your last run stopped the page — probably it used too much memory: your last run in the sandbox did not finish\. Your code is saved\./,
    );
    expect(await evaluate(cdp, `sessionStorage.getItem(${JSON.stringify(RUN_MARKER_KEY)})`)).toBeNull();
    expect(await evaluate(cdp, `localStorage.getItem('clusterlab.progress.v1')`)).toContain('Date.now() + 30000');
  });

  it('a run the time limit stopped that takes the page down a moment later is still named after the reload', async () => {
    // A memory bomb can pass the time limit in its worker's last garbage collections: the limit
    // stops the run, and the page goes down all the same a moment later.
    const fresh = await openApp({ viewport: { width: 1024, height: 700 } });
    try {
      const { page, context } = fresh;
      await page.getByRole('button', { name: '⚙ Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.getByLabel('Time limit for your code (seconds)').fill('2');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
      await page.getByRole('tab', { name: 'Jobs' }).click();
      await setEditorText(page, SLOW_JOB, '.sandbox-editor');
      await page.getByRole('button', { name: '▶ Run' }).click();
      await page.getByText(/the time limit for your code (is 2 s|\(2 s\))/).waitFor({ timeout: 30_000 });
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      const cdp = await context.newCDPSession(page);
      const crashed = new Promise((resolve) => page.once('crash', resolve));
      void cdp.send('Page.crash').catch(() => {});
      await crashed;
      const notice = await reloadAfterCrash(cdp);
      expect(notice).toMatch(
        /^Your last run stopped the page — probably it used too much memory: your last run in the sandbox/,
      );
    } finally {
      await fresh.close();
    }
  });

  it('a memory bomb in the sandbox takes the page down in Chromium; the reloaded page says so and keeps the code', async () => {
    const fresh = await openApp({ viewport: { width: 1024, height: 700 } });
    try {
      const { page, context } = fresh;
      await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
      await page.getByRole('tab', { name: 'Jobs' }).click();
      await setEditorText(page, MEMORY_BOMB, '.sandbox-editor');
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      const cdp = await context.newCDPSession(page);
      const crashed = new Promise((resolve) => page.once('crash', () => resolve('crashed')));
      await page.getByRole('button', { name: '▶ Run' }).click();
      // Chromium kills the renderer process (the page with its workers), not just the worker: no error event reaches the page.
      expect(await crashed).toBe('crashed');
      const notice = await reloadAfterCrash(cdp);
      expect(notice).toMatch(/^Your last run stopped the page — probably it used too much memory/);
      expect(await evaluate(cdp, `localStorage.getItem('clusterlab.progress.v1')`)).toContain('new Array(1e6)');
    } finally {
      await fresh.close();
    }
  }, 240_000);
});
