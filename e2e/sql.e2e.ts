import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinDataset } from '../engine/datasets';
import { openApp, type Session } from './harness';

/** Types a query into the console and runs it with Ctrl+Enter, as a learner would. */
async function query(page: Page, sql: string): Promise<void> {
  const input = page.getByLabel('SQL (DuckDB)');
  await input.fill(sql);
  await page.getByRole('button', { name: 'Run query' }).waitFor();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Run query');
    return b !== undefined && !b.disabled;
  });
  const answered = Number(await page.locator('.sql-console').getAttribute('data-answered'));
  await input.press('Control+Enter');
  await page.waitForFunction(
    (n) => Number(document.querySelector('.sql-console')?.getAttribute('data-answered')) > n,
    answered,
  );
}

async function firstCell(page: Page): Promise<string> {
  return (await page.locator('table[aria-label="Query result"] tbody td').first().textContent()) ?? '';
}

/** The error block's text, and the caret's column measured from the start of the query's line. */
async function errorCaret(page: Page): Promise<{ text: string; line: number; column: number }> {
  const text = (await page.getByTestId('sql-error-text').textContent()) ?? '';
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^LINE \d+: /.test(l));
  expect(at, text).toBeGreaterThanOrEqual(0);
  const prefix = /^LINE \d+: /.exec(lines[at]!)![0];
  return {
    text,
    line: Number(/^LINE (\d+)/.exec(lines[at]!)![1]),
    column: lines[at + 1]!.indexOf('^') - prefix.length,
  };
}

describe('the SQL console sees the cluster’s data', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('has the sample datasets as tables before any run: count(*) is the file’s line count', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Open the sandbox' }).click();
    await page.getByRole('tab', { name: 'SQL' }).click();
    const sensors = page.locator('[data-table="sensors"]');
    await sensors.waitFor({ timeout: 90_000 });
    const lines = builtinDataset('/data/sensors.csv')!.generate().trimEnd().split('\n').length;
    expect(await sensors.locator('[data-rows]').getAttribute('data-rows')).toBe(String(lines));
    expect(await sensors.textContent()).toContain('timestamp timestamp');
    expect(await page.locator('.sql-tables').textContent()).toContain('Run a job in the Jobs tab');
    await s.screenshot('sql-before-run');

    await query(page, 'SELECT count(*) AS n FROM sensors');
    expect(await firstCell(page)).toBe(String(lines));
    // The list inserts a query on a click.
    await sensors.getByRole('button').click();
    expect(await page.getByLabel('SQL (DuckDB)').inputValue()).toBe('SELECT * FROM sensors LIMIT 10;');
  });

  it('gets a table of the job’s output after a run, with as many rows as the job wrote', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.getByRole('tab', { name: 'Output' }).click({ timeout: 90_000 });
    const note = (await page.locator('.run-output .run-note').textContent()) ?? '';
    const outputRows = Number(/([\d,]+) rows?/.exec(note)![1]!.replace(/,/g, ''));
    expect(outputRows).toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'SQL' }).click();
    const daily = page.locator('[data-table="daily"]');
    await daily.waitFor({ timeout: 60_000 });
    expect(await daily.locator('[data-rows]').getAttribute('data-rows')).toBe(String(outputRows));
    expect(await daily.textContent()).toContain('/out/daily/part-* (3 part files)');
    await query(page, 'SELECT count(*) AS n, min(key) AS first_day FROM daily');
    expect(await firstCell(page)).toBe(String(outputRows));
    await query(
      page,
      'SELECT d.key AS day, round(d.value, 3) AS job, round(avg(s.value), 3) AS sql\nFROM daily d JOIN sensors s ON CAST(s.timestamp AS DATE) = d.key\nGROUP BY ALL ORDER BY day LIMIT 5',
    );
    const row = await page.locator('table[aria-label="Query result"] tbody tr').first().locator('td').allTextContents();
    expect(row[1]).toBe(row[2]);
    await s.screenshot('sql-after-run');
  });

  it('says a syntax error once, with its caret under the right column, and selects it in the query', async () => {
    const { page } = s;
    await query(page, 'SELEC 1');
    let e = await errorCaret(page);
    expect(e.text.match(/LINE \d+:/g)).toHaveLength(1);
    expect(e.column).toBe(0);
    expect(await page.locator('.sql-error').count()).toBe(1);

    await query(page, 'SELECT * FROM nope');
    e = await errorCaret(page);
    expect(e.column).toBe('SELECT * FROM nope'.indexOf('nope'));

    const twoLines = 'SELECT sensor, avg(value)\nFROM sensors GROUP BY sensor ORDER BY nope';
    await query(page, twoLines);
    e = await errorCaret(page);
    expect(e.line).toBe(2);
    expect(e.column).toBe(twoLines.split('\n')[1]!.indexOf('nope'));
    const selected = await page
      .getByLabel('SQL (DuckDB)')
      .evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
    expect(selected).toBe('nope');
    await s.screenshot('sql-error-dark');

    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('button', { name: /Switch to light theme/ }).click();
    await query(
      page,
      'SELECT sensor, round(avg(value), 2) AS avg_value,\n  count(*) AS n\nFROM sensors GROUP BY sensor ORDER BY sensor',
    );
    await s.screenshot('sql-1024-light');
    await query(page, 'SELECT count(*) FROM sensors WHERE value > > 20');
    e = await errorCaret(page);
    expect(e.column).toBe('SELECT count(*) FROM sensors WHERE value > > 20'.indexOf('> 20'));
    await s.screenshot('sql-error-1024-light');
  });

  it('made no request outside 127.0.0.1 and logged no console error', () => {
    expect(s.outsideRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
