/**
 * Spark's Jobs page keeps Spark's column names, and words the counts in its cells in the page's
 * language: the German page said "1/1 (1 skipped)".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { runJob } from '../../../../engine/api';
import { createFunctionRunner } from '../../../../engine/sandbox';
import { changeLanguage } from '../../../i18n/i18n';
import { sparkUiModel } from '../../../viz/run/sparkUi/sparkUiModel';
import { JobsPage } from './JobsPage';
import { TaskProgress } from './sparkUiCells';

// Two actions on one shuffled RDD: job 1 skips the map stage job 0 ran.
const CODE = `exports.default = async (sc) => {
  const counts = sc.textFile('/in/words.txt', 6).map((w) => [w, 1]).reduceByKey((a, b) => a + b, 3);
  const n = await counts.count();
  const top = await counts.filter(([, c]) => c > 30).collect();
  return [n, top.length];
};`;
const words = Array.from({ length: 6000 }, (_, i) => `w${(i * 7) % 97}`).join('\n');

describe('the Spark Jobs page', () => {
  afterEach(() => changeLanguage('en'));

  it('says how many stages a job skipped, and its tasks’ counts, in the page’s language', async () => {
    const runner = createFunctionRunner();
    try {
      const report = await runJob({
        source: { fileName: 'ui.js', code: CODE },
        runner,
        cluster: 'cookbook-9',
        seed: 2,
        blockSize: 8 * 1024,
        files: [{ path: '/in/words.txt', bytes: new TextEncoder().encode(words) }],
        snapshots: false,
      });
      const model = sparkUiModel(report);
      const render = () => renderToStaticMarkup(createElement(JobsPage, { model, t: report.simulatedMs }));
      const progress = () =>
        renderToStaticMarkup(createElement(TaskProgress, { succeeded: 3, total: 9, running: 1, failed: 2, killed: 1 }));
      expect(render()).toContain('1/1 (1 skipped)');
      expect(progress()).toContain('3/9 (1 running, 2 failed, 1 killed)');
      changeLanguage('de');
      expect(render()).toContain('1/1 (1 übersprungen)');
      expect(render()).toContain('Stages: Succeeded/Total');
      expect(progress()).toContain('3/9 (1 läuft, 2 fehlgeschlagen, 1 abgebrochen)');
    } finally {
      await runner.close();
    }
  }, 60_000);
});
