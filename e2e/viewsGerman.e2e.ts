/**
 * The pipeline views in German, in Chromium at 1024×700, as a learner reads them: German chosen in
 * Settings, lambda-architecture's Kappa starter (it counts twice) and ml-in-production's step 3
 * starter run and scrubbed; the dashboards' and the models' panels speak German with German
 * numbers, the lab's own words in German, every chart named in German, nothing wider than its
 * column, no serious axe finding; switching back to English re-tells them without a new run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { chooseLanguage, overflows, runStepShown, scrubTo, showInPane } from './viewsGermanActions';

/** Words of the English sentences that have no place in a German one (names of parts taken out first). */
const ENGLISH =
  /(?<!\p{L})(the|The|of|at|At|and|behind|counted|twice|refresh(es)?|So far|predictions?|readings?|pumps?|Shown|trained|deployed|every|Each|its|Its|It|were|no|No|minute|with|without|end)(?!\p{L})/u;

async function germanText(page: Page, testId: string, names: string[]): Promise<string> {
  let text = (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ');
  for (const name of names) text = text.replace(new RegExp(`(?<![\\p{L}-])${name}(?![\\p{L}-])`, 'gu'), ' ');
  return text;
}

const chartLabels = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('svg[role="img"]')
    .evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label') ?? ''));

describe('the pipeline views in German', { timeout: 300_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ colorScheme: 'light', viewport: { width: 1024, height: 700 } });
    await chooseLanguage(s.page, 'de');
  });
  afterAll(async () => s?.close());

  it("tells the dashboards in German, in the lab's German words, and in English again on a switch", async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/lambda-architecture/3`);
    await page.getByTestId('pipeline-diagram').waitFor({ timeout: 60_000 });
    await runStepShown(page, '[data-testid="pipeline-views"]');
    await scrubTo(page, 2_000_000);
    const now = await germanText(page, 'views-now-board', []);
    expect(now).toMatch(/^Letzter Refresh bei 33 min 18 s\. Es war 1,00 s im Rückstand: /);
    expect(now).toMatch(/Seine Zählungen ergeben zusammen [\d.]+: [\d.]+ Seitenaufrufe doppelt gezählt/);
    expect(await page.getByRole('heading', { name: 'Was die Dashboards zeigten' }).count()).toBe(1);
    const labels = await chartLabels(page, 'views-board-board');
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatch(/^Wie weit board bei jedem seiner [\d.]+ Refreshes .* Jetzt: 1,00 s im Rückstand\.$/);
    expect(labels[1]).toMatch(/^Seitenaufrufe, die board .* Jetzt: [\d.]+ Seitenaufrufe doppelt gezählt\.$/);
    expect(await germanText(page, 'pipeline-views', ['board', 'serving'])).not.toMatch(ENGLISH);
    expect(await overflows(page, 'pipeline-views')).toBe(false);
    await showInPane(page, 'pipeline-views');
    await s.screenshot('views-german-1024-light');
    expect(await seriousViolations(page)).toEqual([]);

    // The end of the run: the table against a full recomputation, its keys in the lab's German word.
    await scrubTo(page, 100_000_000);
    const final = page.getByTestId('views-final-board');
    expect(await final.getAttribute('open')).toBe('');
    expect(await final.locator('thead th').allInnerTexts()).toEqual([
      'Artikel',
      'Dashboard',
      'Vollständige Neuberechnung',
      'Differenz',
    ]);
    expect(await final.locator('tbody th').first().innerText()).toMatch(/^Artikel \d+$/);
    expect(await final.locator('.views-sentence').innerText()).toMatch(
      /^Am Ende zeigt das Dashboard für 12 der 12 Artikel eine falsche Zahl: Es zählt [\d.]+, gesendet wurden aber 21\.600 Seitenaufrufe: Manche sind doppelt gezählt\.$/,
    );
    await showInPane(page, 'views-final-board');
    await s.screenshot('views-german-1024-final');

    // English again, at once and without a new run.
    await chooseLanguage(page, 'en');
    expect(await page.getByTestId('views-now-board').innerText()).toMatch(
      /^Last refresh at 3 h 0 min 58 s\. It counted every page view sent by then/,
    );
    expect(await final.locator('tbody th').first().innerText()).toMatch(/^article \d+$/);
    await chooseLanguage(page, 'de');
    expect(s.consoleErrors).toEqual([]);
  });

  it('tells the models in production in German, the chart named and keyed in German', async () => {
    const { page } = s;
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'de') await chooseLanguage(page, 'de');
    await page.goto(`${s.baseUrl}#/lab/ml-in-production/3`);
    await page.getByTestId('pipeline-diagram').waitFor({ timeout: 60_000 });
    await runStepShown(page, '[data-testid="pipeline-ml"]');
    await scrubTo(page, 100_000_000);
    const now = await germanText(page, 'ml-now', []);
    expect(now).toMatch(/Modell v\d+ liefert seit [\dhmins ]+ die Vorhersagen: ein Modell für die ganze Flotte/);
    expect(now).toMatch(
      /Letzte volle Minute \(2 h bis 2 h 1 min\): 5 Vorhersagen lagen im Mittel um \d+,\d\d kW daneben\./,
    );
    const [label] = await chartLabels(page, 'ml-chart');
    expect(label).toMatch(
      /^Mittlerer absoluter Fehler .* Modelle ausgerollt, \d+ Drifts? erkannt.* Jetzt: \d+,\d\d kW in der letzten vollen Minute\.$/,
    );
    expect(await page.getByRole('list', { name: 'Legende des Diagramms' }).count()).toBe(1);
    expect(await germanText(page, 'pipeline-ml', ['model', 'retrainer', 'trainer', 'serving', 'pumps'])).not.toMatch(
      ENGLISH,
    );
    expect(await overflows(page, 'pipeline-ml')).toBe(false);
    await showInPane(page, 'ml-now');
    await s.screenshot('views-german-1024-ml');
    expect(await seriousViolations(page)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
