/** What the views e2e tests do as a learner: switch the language in Settings, run a step, scrub, scroll to a panel. */
import type { Page } from 'playwright-core';
import { setEditorText } from './labActions';

/** Chooses `language` in the Settings dialog (named in whichever language the app is in) and closes it. */
export async function chooseLanguage(page: Page, language: 'de' | 'en') {
  await page.getByRole('button', { name: /^⚙ (Settings|Einstellungen)$/ }).click();
  const dialog = page.getByRole('dialog', { name: /^(Settings|Einstellungen)$/ });
  await dialog.getByLabel(/^(Language|Sprache)$/).selectOption(language);
  await page.getByRole('dialog', { name: language === 'de' ? 'Einstellungen' : 'Settings' }).waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

/** Runs the step on the page (with `source` in the editor when given) until its checks are judged, then pauses. */
export async function runStepShown(page: Page, shown: string, source?: string) {
  if (source !== undefined) await setEditorText(page, source);
  await page.getByRole('button', { name: /^▶ (Run|Ausführen)$/ }).click();
  await page.waitForFunction(
    (sel) =>
      document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0 &&
      !document.querySelector('[aria-label="Running"]') &&
      document.querySelector(sel) !== null,
    shown,
    { timeout: 120_000 },
  );
  await page
    .getByRole('button', { name: /Pause/ })
    .click({ timeout: 2_000 })
    .catch(() => {});
}

/** Moves the playback to `t` (simulated ms) and waits two frames for the panels to follow. */
export async function scrubTo(page: Page, t: number) {
  await page.getByLabel(/^(Simulated time|Simulierte Zeit)$/).fill(String(t));
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
}

/** Scrolls the run's pane (not the page) so that the element's top is at the pane's top. */
export async function showInPane(page: Page, testId: string) {
  await page.getByTestId(testId).evaluate((e) => {
    window.scrollTo(0, 0);
    const pane = e.closest('.run-panel');
    if (pane) pane.scrollTop += e.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
  });
}

/** True when some element inside the test id's element reaches past its right edge. */
export async function overflows(page: Page, testId: string): Promise<boolean> {
  return page
    .getByTestId(testId)
    .evaluate((el) =>
      [...el.querySelectorAll('*')].some((c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 1),
    );
}
