/**
 * A learner's KafkaJS consumer whose eachMessage throws (a typo, a `throw`): the page shows the
 * error as it shows a failed job's (the error box over the editor, the line marked), and the run
 * view says which consumer, which message and what KafkaJS did about it, in English and German,
 * in both themes at 1024×700; the checks name the handler, not "no consumer read them".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { setEditorText } from './labActions';
import { runStreamStep } from './streamActions';
import lab from '../labs/streaming-delivery/lab';

const PARSE = 'const position = JSON.parse(message.value.toString());';

/** Step 1's solution with `extra` after the handler's first line, and that line's number. */
function broken(extra: string): { source: string; line: number } {
  const solution = lab.steps[0]!.solution;
  const source = solution.replace(PARSE, `${PARSE} ${extra}`);
  return { source, line: source.slice(0, source.indexOf(PARSE)).split('\n').length };
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

async function setLanguage(page: Page, from: 'en' | 'de', to: 'en' | 'de'): Promise<void> {
  await page.getByRole('button', { name: from === 'en' ? '⚙ Settings' : '⚙ Einstellungen' }).click();
  const dialog = page.getByRole('dialog', { name: from === 'en' ? 'Settings' : 'Einstellungen' });
  await dialog.getByLabel(from === 'en' ? 'Language' : 'Sprache').selectOption(to);
  await page.getByRole('dialog', { name: to === 'en' ? 'Settings' : 'Einstellungen' }).waitFor();
  await page.keyboard.press('Escape');
}

describe("a consumer's eachMessage that throws, in the web app", { timeout: 240_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => s?.close());

  it('lab step: a typo shows the error box with its line, the run view says what KafkaJS did, the checks name it', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/${lab.id}/1`);
    await page.getByRole('heading', { name: `1. ${lab.steps[0]!.title}` }).waitFor();
    const { source, line } = broken('position.lat.toFixd(1);');
    await setEditorText(page, source);
    await runStreamStep(page);
    // The error box over the editor, as a failed job's: the learner's file and line first.
    const editorError = await text(page, 'run-error');
    expect(editorError).toMatch(new RegExp(`\\.js:${line}: TypeError: position\\.lat\\.toFixd is not a function`));
    expect(editorError).toMatch(/in eachMessage of consumer \d, at gps partition \d, offset \d+/);
    // The line is marked in the editor (Monaco's error squiggle), as a job's error line is.
    await expect.poll(() => page.locator('.lab-editor .squiggly-error').count()).toBeGreaterThan(0);
    // The run view: which consumer, the message it threw at, and what KafkaJS did next.
    const box = page.getByTestId('handler-error');
    await box.waitFor();
    expect(await box.getAttribute('role')).toBe('alert');
    const shown = (await box.textContent()) ?? '';
    expect(shown).toMatch(/Consumer 1's eachMessage threw/);
    expect(shown).toMatch(new RegExp(`\\.js:${line}: TypeError: position\\.lat\\.toFixd is not a function`));
    expect(shown).toMatch(/Group fleet-map, member fleet-[0-9a-f-]+ · topic gps, partition \d, offset \d+/);
    expect(shown).toMatch(
      /KafkaJS did not commit offset \d+\. A TypeError is not retried: the consumer crashed at once/,
    );
    expect(await page.locator('[data-testid="handler-error"] [data-line]').first().getAttribute('data-line')).toBe(
      String(line),
    );
    // The checks blame the handler, not a crash that never came or records no consumer read.
    const checks = (await page.getByTestId('checks').textContent()) ?? '';
    expect(checks).toContain(`eachMessage threw at line ${line}: TypeError`);
    expect(checks).not.toContain('no consumer read them');
    await box.scrollIntoViewIfNeeded();
    await s.screenshot('stream-handler-error-lab-1024-dark');
    expect(await seriousViolations(page), 'dark').toEqual([]);
    await page.getByRole('button', { name: /Switch to light theme/ }).click();
    await box.scrollIntoViewIfNeeded();
    await s.screenshot('stream-handler-error-lab-1024-light');
    expect(await seriousViolations(page), 'light').toEqual([]);
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  });

  it('in German: the same error, in the page language', async () => {
    const { page } = s;
    await setLanguage(page, 'en', 'de');
    const box = page.getByTestId('handler-error');
    await expect
      .poll(async () => (await box.textContent()) ?? '')
      .toMatch(/eachMessage von Consumer 1 hat einen Fehler geworfen/);
    const shown = (await box.textContent()) ?? '';
    expect(shown).toMatch(/Gruppe fleet-map, Mitglied fleet-[0-9a-f-]+ · Topic gps, Partition \d, Offset \d+/);
    expect(shown).toMatch(/KafkaJS hat Offset \d+ nicht committet\. Einen TypeError wiederholt KafkaJS nicht/);
    await box.scrollIntoViewIfNeeded();
    await s.screenshot('stream-handler-error-lab-1024-dark-de');
    await setLanguage(page, 'de', 'en');
  });

  it('after a reload, the error box over the editor comes back with the step, its line marked', async () => {
    const { page } = s;
    const { line } = broken('position.lat.toFixd(1);');
    await page.reload();
    await page.getByRole('heading', { name: `1. ${lab.steps[0]!.title}` }).waitFor();
    const editorError = page.getByTestId('run-error');
    await editorError.waitFor();
    const restored = (await editorError.textContent()) ?? '';
    expect(restored).toMatch(new RegExp(`\\.js:${line}: TypeError: position\\.lat\\.toFixd is not a function`));
    // No run is below after a reload: the line does not point to one.
    expect(restored).toMatch(/^Last run: .*\(in eachMessage of consumer \d, at gps partition \d, offset \d+\)$/);
    // The line is marked: F8 (Monaco's next problem) goes to it and shows the error there.
    await page.locator('.lab-editor .monaco-editor').click();
    await page.keyboard.press('F8');
    const widget = page.locator('.marker-widget', { hasText: 'position.lat.toFixd is not a function' });
    await widget.waitFor();
    // Monaco's problem list names the file as the error does, not the editor's internal id.
    expect(await widget.textContent()).toContain('gps-at-least-once.js');
    await expect.poll(() => page.locator('.lab-editor .squiggly-error').count()).toBeGreaterThan(0);
    await s.screenshot('stream-handler-error-reload');
    // Cut down to five lines and reloaded: line 28 is gone, so no line is marked (not the last one
    // in its place); the box still says what the last run did.
    await setEditorText(page, '// 1\n// 2\n// 3\n// 4\n');
    await page.reload();
    await page.getByTestId('run-error').waitFor();
    await page.locator('.lab-editor .view-line', { hasText: '// 4' }).waitFor();
    // The markers are set once the editor has its model: a moment after its text is drawn.
    await page.waitForTimeout(1500);
    expect(await page.locator('.lab-editor .squiggly-error').count()).toBe(0);
  });

  it('Streaming tab: a throw is retried, then crashes the consumer; the box names it, reachable by keyboard', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/sandbox/stream`);
    await page.getByRole('tab', { name: 'Streaming' }).waitFor();
    const program = readFileSync(
      new URL('../labs/examples/streaming/kafkajs/card-payments.js', import.meta.url),
      'utf8',
    );
    const parse = 'const payment = JSON.parse(message.value.toString());';
    expect(program).toContain(parse);
    const source = program.replace(parse, `${parse} if (payment.cents > 0) throw new Error('boom');`);
    const line = source.slice(0, source.indexOf(parse)).split('\n').length;
    await setEditorText(page, source, '.sandbox-editor');
    // Run from the keyboard: Ctrl/Cmd+Enter in the editor.
    await page.keyboard.press('ControlOrMeta+Enter');
    const box = page.getByTestId('handler-error');
    await box.waitFor({ timeout: 120_000 });
    const shown = (await box.textContent()) ?? '';
    expect(shown).toMatch(new RegExp(`card-payments\\.js:${line}: Error: boom`));
    expect(shown).toMatch(/Group billing, member payments-[0-9a-f-]+ · topic payments, partition \d, offset \d+/);
    expect(shown).toMatch(/after 5 retries the consumer crashed \(KafkaJSNumberOfRetriesExceeded\)/);
    expect(shown).toMatch(/It threw \d+ times\./);
    await expect.poll(() => page.locator('.sandbox-editor .squiggly-error').count()).toBeGreaterThan(0);
    await box.scrollIntoViewIfNeeded();
    await s.screenshot('stream-handler-error-sandbox-1024-dark');
    expect(await seriousViolations(page)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
