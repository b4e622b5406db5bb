/**
 * The stage page's Errors column keeps Spark's name and says why each attempt ended in the page's
 * language, Spark's FetchFailed(...) kept: the German page showed "…: failed to connect to n4". The
 * Stages page's Failure Reason likewise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { runJob, type JobRunReport } from '../../../../engine/api';
import { createFunctionRunner } from '../../../../engine/sandbox';
import { changeLanguage } from '../../../i18n/i18n';
import { sparkUiModel } from '../../../viz/run/sparkUi/sparkUiModel';
import { fetchFailureRun } from '../../../viz/run/__tests__/fetchFailureRun';
import { StagePage } from './StagePage';
import { StagesPage } from './StagesPage';

describe("the Spark stage page's Errors", () => {
  afterEach(() => changeLanguage('en'));

  it('say why an attempt failed in English and German, under Spark’s name', async () => {
    // The node holding map outputs dies as the reduce stage starts: its fetches fail.
    const report = await fetchFailureRun();
    const model = sparkUiModel(report);
    const stage = model.stages.find((s) => s.stageId === 1 && s.attempt === 0)!;
    const render = () =>
      renderToStaticMarkup(createElement(StagePage, { model, stage, t: report.simulatedMs, onBack: () => {} }));
    const english = render();
    expect(english).toMatch(/FetchFailed\(BlockManagerId\([^<]*\): failed to connect to n\d/);
    expect(english).toContain('title="Why the task attempt failed or was killed"');

    changeLanguage('de');
    const german = render();
    expect(german).toContain('>Errors<');
    expect(german).toContain('title="Warum der Task-Versuch fehlgeschlagen ist oder abgebrochen wurde"');
    expect(german).toMatch(/FetchFailed\(BlockManagerId\([^<]*\): keine Verbindung zu n\d/);
    expect(german).not.toMatch(/failed to connect|Why the/);

    // The stage whose fetches failed is listed under Failed Stages with its reason.
    const stages = () =>
      renderToStaticMarkup(createElement(StagesPage, { model, t: report.simulatedMs, open: () => {} }));
    expect(stages()).toMatch(/>Failure Reason<[^]*FetchFailed\(BlockManagerId\([^<]*\): keine Verbindung zu n\d/);
    changeLanguage('en');
    expect(stages()).toMatch(/FetchFailed\(BlockManagerId\([^<]*\): failed to connect to n\d/);
  }, 60_000);

  it('the Stages page says a stage was aborted in the page’s language', async () => {
    const runner = createFunctionRunner();
    let report: JobRunReport | undefined;
    try {
      const code = `exports.default = async (sc) => sc.parallelize([1, 2, 3], 2).map((x) => { throw new Error('bad ' + x); }).collect();`;
      await runJob({ source: { fileName: 'bad.js', code }, runner, cluster: 'cookbook-9', seed: 1 });
    } catch (error) {
      report = (error as { report?: JobRunReport }).report;
    } finally {
      await runner.close();
    }
    const model = sparkUiModel(report!);
    const stages = () =>
      renderToStaticMarkup(createElement(StagesPage, { model, t: report!.simulatedMs, open: () => {} }));
    expect(stages()).toContain('a task failed every attempt: the job was aborted');
    changeLanguage('de');
    expect(stages()).toContain('ein Task ist in jedem Versuch fehlgeschlagen: Der Job wurde abgebrochen');
    expect(stages()).not.toContain('every attempt');
  }, 60_000);
});
