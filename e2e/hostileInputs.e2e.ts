// Nothing the learner types freezes the page (issue 10 §2): absurd time limits are refused at the
// field with the range, a SQL query with a billion rows answers with a capped count, and the app
// keeps working after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findLab } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import { setEditorText } from './labActions';

async function sql(page: Page, text: string): Promise<void> {
  const input = page.getByLabel('SQL (DuckDB)');
  await input.fill(text);
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Run query');
    return b !== undefined && !b.disabled;
  });
  const answered = Number(await page.locator('.sql-console').getAttribute('data-answered'));
  await input.press('Control+Enter');
  await page.waitForFunction(
    (n) => Number(document.querySelector('.sql-console')?.getAttribute('data-answered')) > n,
    answered,
    { timeout: 60_000 },
  );
}

describe('hostile inputs in the app', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the Settings time limit refuses absurd values with the range, next to the field', async () => {
    const { page } = s;
    await page.getByRole('button', { name: '⚙ Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const field = dialog.getByLabel('Time limit for your code (seconds)');
    for (const value of ['1e21', '-1', '99999999999', '2.5', '0']) {
      await field.fill(value);
      await dialog.getByRole('button', { name: 'Save' }).click();
      expect(await dialog.getByRole('alert').textContent(), value).toMatch(/between 2 and 300 seconds\.$/);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Nothing was saved: the field shows the default again.
    await page.getByRole('button', { name: '⚙ Settings' }).click();
    expect(await field.inputValue()).toBe('30');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a SQL answer of a billion rows is counted up to a cap, the page stays responsive, and the next query works', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
    await page.getByRole('tab', { name: 'SQL' }).click();
    await sql(page, 'SELECT range AS n FROM range(1000000000);');
    expect(await page.getByTestId('sql-row-count').textContent()).toMatch(
      /^More than 1,000,000 rows, the first 500 shown \(counting stopped there/,
    );
    expect(await page.locator('table[aria-label="Query result"] tbody tr').count()).toBe(500);
    await sql(page, 'SELECT 41 + 1 AS answer;');
    expect(await page.getByTestId('sql-row-count').textContent()).toBe('1 row');
    expect(await page.locator('table[aria-label="Query result"] tbody td').first().textContent()).toBe('42');
    expect(s.consoleErrors).toEqual([]);
  });

  it("an HDFS step's fault set beyond the simulated day is refused, naming the field, and the next run works", async () => {
    const { page } = s;
    const step = findLab('hdfs-blocks')!.steps[0]!;
    await page.getByRole('button', { name: 'ClusterLab home' }).click();
    await page.locator('[data-lab="hdfs-blocks"] button').click();
    await page.getByRole('heading', { name: `1. ${step.title}` }).waitFor();
    const settings = JSON.parse(step.solution) as Record<string, unknown>;
    // Once a simulation that never ended (stopped only at the time limit); now refused before anything is built.
    const endless = { ...settings, faults: [{ kind: 'killNode', atMs: 1e300, node: 'n2' }] };
    await setEditorText(page, JSON.stringify(endless, null, 2));
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page
      .getByText(/faults\[0\]\.atMs: must be a number of simulated ms from 0 to 86400000 \(one day\), got 1e\+300/)
      .waitFor({ timeout: 30_000 });
    await setEditorText(page, step.solution);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.waitForFunction(
      () =>
        !document.querySelector('[aria-label="Running"]') &&
        document.querySelectorAll('[data-testid="checks"] [data-state="pass"]').length > 0,
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.locator('[data-testid="checks"] [data-state="fail"]').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
  });
});
