/**
 * JobHistory's Diagnostics field and its attempts' Note keep Hadoop's names, and say why the job
 * and each attempt ended in the page's language: the German page showed the engine's English
 * ("task_… failed 4 attempts; last: …: block … has no live replica …").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { runJob, type JobRunReport } from '../../../../engine/api';
import { createFunctionRunner } from '../../../../engine/sandbox';
import { changeLanguage } from '../../../i18n/i18n';
import { jobHistoryAt } from '../../../viz/run/hadoopUi/jobHistory';
import { JobOverview } from './JobOverview';
import { Attempts } from './HistoryTasks';

const CODE = `exports.default = { kind: 'mapreduce', input: '/in/w.txt', output: '/out/t',
  map(o, line, ctx) { ctx.write('k', 1); }, reduce(k, values, ctx) { ctx.write(k, 1); } };`;

/** A job whose one input block loses every replica at once: each map attempt's read gives up. */
async function failedRun(): Promise<JobRunReport> {
  const runner = createFunctionRunner();
  try {
    await runJob({
      source: { fileName: 'job.js', code: CODE },
      runner,
      cluster: 'cookbook-9',
      seed: 5,
      sampleData: false,
      files: [{ path: '/in/w.txt', bytes: new TextEncoder().encode('a\nb\nc\n') }],
      faults: ['n7', 'n2', 'n1'].map((node) => ({ atMs: 1, kind: 'killNode' as const, node })),
    });
    throw new Error('the job did not fail');
  } catch (error) {
    const report = (error as { report?: JobRunReport }).report;
    if (!report) throw error;
    return report;
  } finally {
    await runner.close();
  }
}

describe("JobHistory's Diagnostics and Note", () => {
  afterEach(() => changeLanguage('en'));

  it('say why the job and its attempts ended in English and German, under Hadoop’s names', async () => {
    const report = await failedRun();
    const [job] = jobHistoryAt(report, report.simulatedMs);
    const failed = job!.mapTasks.find((x) => x.state === 'FAILED')!;
    const render = () => ({
      overview: renderToStaticMarkup(createElement(JobOverview, { job: job! })),
      attempts: renderToStaticMarkup(createElement(Attempts, { attempts: failed.attempts, kind: 'map' })),
    });
    const english = render();
    expect(english.overview).toMatch(
      /<dt title="Why the job failed">Diagnostics:<\/dt><dd>task_\S+: task_\S+ failed 4 attempts; last: \/in\/w\.txt: block blk_\d+ \(#0\) has no live replica/,
    );
    expect(english.attempts).toContain('title="Why the attempt failed or was killed"');
    expect(english.attempts).toMatch(/has no live replica it can be read from/);

    changeLanguage('de');
    const german = render();
    expect(german.overview).toMatch(
      /<dt title="Warum der Job fehlgeschlagen ist">Diagnostics:<\/dt><dd>task_\S+: task_\S+ scheiterte in 4 Versuchen; zuletzt: \/in\/w\.txt: Block blk_\d+ \(#0\) hat kein erreichbares Replikat/,
    );
    expect(german.attempts).toContain('>Note<');
    expect(german.attempts).toContain('title="Warum der Versuch fehlgeschlagen ist oder abgebrochen wurde"');
    expect(german.attempts).toMatch(/Block blk_\d+ \(#0\) hat kein erreichbares Replikat/);
    for (const html of [german.overview, german.attempts])
      expect(html).not.toMatch(/has no live replica|failed \d+ attempts|asked again|Why the/);
  }, 60_000);
});
