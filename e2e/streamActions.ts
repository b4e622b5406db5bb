/** What the streaming e2e tests do with a played-back streaming run (the Streaming tab's, a lab step's). */
import type { Page } from 'playwright-core';

/** Scrubs the playback to `fraction` of the run (paused first). */
export async function seek(page: Page, fraction: number): Promise<void> {
  await page
    .getByRole('button', { name: /Pause/ })
    .click({ timeout: 2_000 })
    .catch(() => {});
  const scrub = page.getByLabel('Simulated time');
  const duration = Number(await scrub.getAttribute('max'));
  await scrub.fill(String(Math.round(duration * fraction)));
}

/** A row of the ledger as the run shows it at the playback instant. */
export const ledger = async (page: Page, name: string) =>
  Number(await page.locator(`[data-ledger="${name}"]`).textContent());

/** Clicks (Run, by default) and waits for the stream step's checks and its run's pictures. */
export async function runStreamStep(page: Page, click?: () => Promise<void>): Promise<void> {
  await (click ? click() : page.getByRole('button', { name: '▶ Run' }).click());
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0 &&
      !document.querySelector('[aria-label="Running"]') &&
      document.querySelector('.stream-run'),
    undefined,
    { timeout: 120_000 },
  );
}
