/**
 * Reading the run's pictures as a learner can: scrub the playback to an instant (or its end with
 * the End key) and read what the cluster map and the timeline drew there (`data-busy-cores`,
 * `data-running-bars`); walk the timeline's bars with the keyboard and collect their details.
 */
import type { Page } from 'playwright-core';

/** Scrubs the playback to `t` and reads what the map and the timeline drew at that instant. */
export async function at(page: Page, t: number) {
  await page.getByLabel('Simulated time').fill(String(t));
  // Both pictures redraw in effects after the render: read() lets two frames pass.
  return read(page);
}

/** Moves the scrubber to its right end with the End key and reads the pictures there. */
export async function toEnd(page: Page) {
  await page.getByLabel('Simulated time').focus();
  await page.keyboard.press('End');
  return read(page);
}

export async function read(page: Page) {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
  const value = Number(await page.getByLabel('Simulated time').inputValue());
  const busy = Number(await page.getByTestId('cluster-map').getAttribute('data-busy-cores'));
  const bars = Number(await page.getByTestId('run-timeline').getAttribute('data-running-bars'));
  return { t: value, busy, bars };
}

/** Scrolls so the cluster map's bottom and the whole timeline are in view. */
export async function showTimeline(page: Page) {
  await page.locator('.run-timeline').evaluate((el) => el.scrollIntoView({ block: 'end' }));
}

/** Every bar's details, walking the timeline with the keyboard as a learner can (lane by lane). */
export async function allBarDetails(page: Page): Promise<string[]> {
  const canvas = page.getByTestId('run-timeline');
  const detail = page.locator('#run-timeline-detail');
  await canvas.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowUp');
  const seen = new Set<string>();
  for (let lane = 0; lane < 12; lane++) {
    await page.keyboard.press('Home');
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowUp');
    for (let d = 0; d < lane; d++) await page.keyboard.press('ArrowDown');
    let last = '';
    for (let k = 0; k < 20; k++) {
      const text = (await detail.textContent()) ?? '';
      if (text === last) break;
      seen.add(text);
      last = text;
      await page.keyboard.press('ArrowRight');
    }
  }
  return [...seen];
}
