/**
 * Two runs side by side (issue 14): the IoT scale-out step run with its combiner and again
 * without it; "Compare runs" shows both on one clock with the difference summary (the shuffle
 * grows without the combiner, by the runs' own counters) and the lines that changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABS } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import { setEditorText, waitForRunEnd } from './labActions';
import { seriousViolations } from './axe';

const lab = LABS.find((l) => l.id === 'mapreduce-iot-averages')!;
const stepIndex = lab.steps.findIndex((s) => s.id.includes('scale'));
const step = lab.steps[stepIndex]!;
const withCombiner = step.solution;
const withoutCombiner = withCombiner.replace(/\n {2}combine\([\s\S]*?\n {2}},/, '');

let s: Session;

beforeAll(async () => {
  s = await openApp({ viewport: { width: 1280, height: 720 } });
}, 120_000);
afterAll(async () => s?.close());

async function run(code: string) {
  await setEditorText(s.page, code);
  await s.page.getByRole('button', { name: '▶ Run' }).click();
  await waitForRunEnd(s.page);
  await s.page.getByTestId('compare-runs').waitFor();
}

async function summary(): Promise<Record<string, string[]>> {
  return s.page.$$eval('[data-testid="compare-summary"] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((r) => [r.getAttribute('data-figure'), [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')]),
    ),
  );
}

describe('compare two runs of a step', () => {
  it('a single run: the view says how to get a second one', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/${lab.id}/${stepIndex + 1}`);
    await page.getByRole('heading', { name: `${stepIndex + 1}. ${step.title}` }).waitFor({ timeout: 90_000 });
    expect(withoutCombiner).not.toContain('combine(');
    await run(withCombiner);
    await page.getByTestId('compare-runs').click();
    const dialog = page.getByRole('dialog', { name: 'Compare runs' });
    await dialog.waitFor();
    await dialog.getByTestId('compare-only-run').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }, 180_000);

  it('stays open while a run ends behind it, gives the focus back, and keeps runs across steps', async () => {
    const { page } = s;
    await setEditorText(page, withoutCombiner);
    await page.getByRole('button', { name: '▶ Run' }).click();
    // Opened while the second run computes (the first run is on screen).
    await page.getByTestId('compare-runs').click();
    const dialog = page.getByRole('dialog', { name: 'Compare runs' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    // Ctrl+Enter and Esc inside it neither run nor stop the step behind.
    await page.keyboard.press('ControlOrMeta+Enter');
    await waitForRunEnd(page);
    expect(await dialog.isVisible()).toBe(true);
    // The new run joined the pickers.
    await dialog.getByLabel('Run B').selectOption('2');
    expect(await dialog.getByLabel('Run A').inputValue()).toBe('1');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('compare-runs');
    // Another step and back: the runs are still there to compare.
    await page.goto(`${s.baseUrl}#/lab/${lab.id}/1`);
    await page.getByRole('heading', { name: `1. ${lab.steps[0]!.title}` }).waitFor();
    await page.goto(`${s.baseUrl}#/lab/${lab.id}/${stepIndex + 1}`);
    await page.getByRole('heading', { name: `${stepIndex + 1}. ${step.title}` }).waitFor();
    expect(await page.getByTestId('compare-runs').textContent()).toBe('Compare runs (2)');
  }, 240_000);

  it('with and without the combiner: the summary, the changed lines, both runs on one clock', async () => {
    const { page } = s;
    const button = page.getByTestId('compare-runs');
    expect(await button.textContent()).toBe('Compare runs (2)');
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Compare runs' });
    await dialog.waitFor();
    // A is the run before (with the combiner), B the run on screen (without it).
    const rows = await summary();
    expect(rows.shuffled?.[2]).toMatch(/× more \(worse\)$/);
    expect(rows.tasks?.[2]).toBe('same');
    expect(rows.time).toBeDefined();
    expect(rows.retries?.[2]).toBe('same');
    const code = dialog.getByTestId('compare-code');
    expect(await code.textContent()).toMatch(/only in Run 1/);
    expect(await code.locator('.removed').first().textContent()).toContain('combine(day, pairs, ctx)');
    // Swapping A and B reverses the change.
    await dialog.getByLabel('Run A').selectOption('2');
    await dialog.getByLabel('Run B').selectOption('1');
    expect((await summary()).shuffled?.[2]).toMatch(/× less \(better\)$/);
    // Both sides follow the one clock: at the end each shows its own end.
    const sides = dialog.getByTestId('compare-side');
    expect(await sides.count()).toBe(2);
    const scrub = dialog.getByLabel('Simulated time');
    await scrub.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="compare-side"] h3')].every((h) =>
        /finished|of/.test(h.textContent ?? ''),
      ),
    );
    const heads = await sides.locator('h3').allTextContents();
    expect(heads[0]).toMatch(/^Run 2/);
    expect(heads[1]).toMatch(/^Run 1/);
    const violations = await seriousViolations(page);
    expect(violations.map((v) => `${v.id}: ${JSON.stringify(v).slice(0, 600)}`)).toEqual([]);
    await page.keyboard.press('Home');
    await s.screenshot('compare-runs-1280-dark');
    await page.setViewportSize({ width: 1024, height: 700 });
    await s.screenshot('compare-runs-1024-dark');
    await page.locator('.compare-sides').scrollIntoViewIfNeeded();
    await s.screenshot('compare-runs-1024-sides-dark');
    await page.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1280, height: 720 });
  }, 240_000);

  it('in German the summary and the counters speak German at once, Hadoop’s own names kept', async () => {
    const { page } = s;
    // A run on screen (run 3, with the combiner again), then the switch.
    await run(withCombiner);
    await page.getByRole('button', { name: '⚙ Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('de');
    await page.getByRole('dialog', { name: 'Einstellungen' }).getByRole('button', { name: 'Abbrechen' }).click();
    // The runs on screen are not run again: their tables are redrawn in the new language.
    await page.getByTestId('compare-runs').click();
    const dialog = page.getByRole('dialog', { name: 'Läufe vergleichen' });
    await dialog.waitFor();
    const labels = await page.$$eval('[data-testid="compare-summary"] tbody th', (ths) =>
      ths.map((th) => [th.textContent, th.getAttribute('title')]),
    );
    expect(labels.slice(0, 4)).toEqual([
      ['Simulierte Zeit', 'Wie lange der Lauf auf dem simulierten Cluster gedauert hat'],
      ['Knoten', 'Maschinen im Cluster'],
      [
        'Entfernt gelesene Bytes',
        'Eingabe, die von einem DataNode auf einer anderen Maschine gelesen wurde (nicht datenlokal)',
      ],
      [
        'Geshuffelte Bytes',
        'Map-Ausgabe, die die Reduce-Seite (MapReduce) oder die nächste Stage (Spark) abgeholt hat',
      ],
    ]);
    const rows = await summary();
    expect(rows.tasks?.[2]).toBe('gleich');
    expect(rows.shuffled?.[2]).toMatch(/^[\d,]+× (mehr \(schlechter\)|weniger \(besser\))$/);
    await dialog.getByRole('button', { name: 'Schließen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Zähler' }).click();
    const counters = page.getByTestId('run-counters');
    // ClusterLab's own group and figures in German; Hadoop's groups and names as Hadoop prints them.
    const groups = await counters.locator('h4').allTextContents();
    expect(groups).toContain('ClusterLab (keine Hadoop-Zähler)');
    expect(groups).toContain('Map-Reduce Framework');
    expect(await counters.getByText('HDFS-Bytes, über das Netz gelesen', { exact: true }).count()).toBe(1);
    expect(await counters.getByText('Map input records', { exact: true }).count()).toBe(1);
    expect(await counters.getByText('HDFS bytes read over the network').count()).toBe(0);
    // And back: English again, word for word.
    await page.getByRole('button', { name: '⚙ Einstellungen' }).click();
    await page.getByRole('dialog', { name: 'Einstellungen' }).getByLabel('Sprache').selectOption('en');
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Cancel' }).click();
    expect(await counters.locator('h4').allTextContents()).toContain('ClusterLab (not Hadoop counters)');
    expect(s.consoleErrors).toEqual([]);
  }, 120_000);
});
