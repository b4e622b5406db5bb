// A teacher's lab pack in the app, as a learner uses it: opened through the file picker, its lab
// under the pack's name, step 1 solved (every check passes, the pack's own script check too,
// which runs in the browser's sandbox worker) and failed with a wrong answer (the check's reason
// shown); still there after a reload; a malformed pack refused with its file and field; removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildPackArchive } from '../labs/packs/packFiles';
import { openApp, type Session } from './harness';
import { checkStates, setEditorText } from './labActions';

function readFolder(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    const path = prefix ? `${prefix}/${entry}` : entry;
    if (statSync(full).isDirectory()) for (const [p, t] of readFolder(full, path)) files.set(p, t);
    else files.set(path, readFileSync(full, 'utf8'));
  }
  return files;
}

const SAMPLE = readFolder(join(import.meta.dirname, '..', 'labs', 'packs', 'sample-pack'));
const ARCHIVE = buildPackArchive(SAMPLE);
const SOLUTION = SAMPLE.get('word-lengths/steps/1-count-lengths/solution.js')!;

/** Picks `name` with `text` in the file picker "Open a lab pack…" opens, as a learner does. */
async function openPackFile(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a lab pack…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
}

async function runAndJudge(page: Page) {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="checks"] li').length > 0 &&
      document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0 &&
      !document.querySelector('[aria-label="Running"]'),
    undefined,
    { timeout: 90_000 },
  );
  return checkStates(page);
}

describe("a teacher's lab pack in the app", () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens the pack from the home page and lists its lab under the pack name', async () => {
    const { page } = s;
    await page.getByRole('heading', { name: 'Lab packs' }).waitFor();
    await openPackFile(page, 'sample-pack.clusterlab', ARCHIVE);
    const pack = page.locator('[data-pack="sample-pack"]');
    await pack.getByRole('heading', { name: 'Sample pack: word statistics' }).waitFor();
    await pack.getByText('By The ClusterLab team').waitFor();
    expect(await pack.locator('[data-lab="word-lengths"] .title').textContent()).toBe('Word lengths');
    expect(await pack.locator('[data-lab="word-lengths"]').getAttribute('data-status')).toBe('not-started');
    await pack.scrollIntoViewIfNeeded();
    await s.screenshot('lab-packs-home');
  });

  it('solves step 1 with the solution (every check passes) and fails it with a wrong answer', async () => {
    const { page } = s;
    await page.locator('[data-pack="sample-pack"] [data-lab="word-lengths"] button').click();
    await page.getByRole('heading', { name: '1. Count words by length' }).waitFor();
    await setEditorText(page, SOLUTION);
    expect(await runAndJudge(page)).toEqual(['same-counts:pass', 'every-word-counted:pass']);
    await page
      .getByText(/Your counts add up to all \d+ words\./)
      .first()
      .waitFor();
    await s.screenshot('lab-packs-solved');
    await setEditorText(page, SOLUTION.replace('ctx.write(word.length, 1)', 'ctx.write(word.length, 2)'));
    expect(await runAndJudge(page)).toEqual(['same-counts:fail', 'every-word-counted:fail']);
    await page
      .getByText(/Your counts add up to \d+ words, but the text has \d+: some words are counted twice\./)
      .first()
      .waitFor();
    await s.screenshot('lab-packs-failed');
  });

  it('keeps the pack across a reload, with the lab in progress', async () => {
    const { page } = s;
    await page.reload();
    // The pack lab's page opens again after the reload, once the kept packs are loaded.
    await page.getByRole('heading', { name: '1. Count words by length' }).waitFor();
    await page.getByRole('button', { name: 'ClusterLab home' }).click();
    const item = page.locator('[data-pack="sample-pack"] [data-lab="word-lengths"]');
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('in-progress');
    // The Continue card takes the learner back to the pack lab they were in.
    const card = page.locator('section[aria-labelledby="continue-heading"]');
    expect(await card.innerText()).toContain('Word lengths — step 1 · Sample pack: word statistics');
  });

  it('refuses a malformed pack with its file and field, and keeps the open one', async () => {
    const { page } = s;
    const broken = new Map(SAMPLE);
    const lab = JSON.parse(broken.get('word-lengths/lab.json')!) as { steps: { checks: { type: string }[] }[] };
    lab.steps[0]!.checks[1]!.type = 'magic';
    broken.set('word-lengths/lab.json', JSON.stringify(lab, null, 2));
    await openPackFile(page, 'broken.clusterlab', buildPackArchive(broken));
    const alert = page.locator('.lab-packs [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /broken\.clusterlab was not opened:broken\.clusterlab\/word-lengths\/lab\.json:\d+:\d+: steps\[0\]\.checks\[1\]\.type: /,
    );
    await openPackFile(page, 'notes.clusterlab', 'just some notes');
    await page.getByText('notes.clusterlab:1:1: is not a ClusterLab file: it is not JSON').waitFor();
    expect(await page.locator('[data-pack]').count()).toBe(1);
  });

  it('shows the pack lab in English in German, with a note saying so', async () => {
    const { page } = s;
    await page.getByRole('button', { name: '⚙ Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('de');
    await page.getByRole('dialog', { name: 'Einstellungen' }).getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('button', { name: 'Lab-Paket öffnen…' }).waitFor();
    await page.locator('[data-pack="sample-pack"] [data-lab="word-lengths"] button').click();
    await page
      .getByText('Dieses Lab stammt aus einem Lab-Paket deiner Lehrkraft und ist nur auf Englisch verfügbar.')
      .waitFor();
    await page.getByRole('heading', { name: '1. Count words by length' }).waitFor();
    await page.getByRole('button', { name: '⚙ Einstellungen' }).click();
    await page.getByRole('dialog', { name: 'Einstellungen' }).getByLabel('Sprache').selectOption('en');
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.pack-english-note').count()).toBe(0);
    await page.getByRole('button', { name: 'ClusterLab home' }).click();
  });

  it('asks before replacing the pack with a new version, and before removing it', async () => {
    const { page } = s;
    await openPackFile(page, 'sample-pack-v2.clusterlab', ARCHIVE);
    const replace = page.getByRole('dialog', { name: 'Replace the open lab pack?' });
    await replace.getByText(/The lab pack 'Sample pack: word statistics' is already open\./).waitFor();
    // Focus starts on Cancel; Esc keeps the open version.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await replace.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Remove the lab pack Sample pack: word statistics' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove this lab pack?' });
    await remove.waitFor();
    await s.screenshot('lab-packs-remove');
    await remove.getByRole('button', { name: 'Remove' }).click();
    await page.locator('[data-pack="sample-pack"]').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Lab packs' }).waitFor();
    await page.locator('.lab-packs[data-packs-loaded="yes"]').waitFor();
    expect(await page.locator('[data-pack]').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
