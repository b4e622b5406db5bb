/**
 * The run's table and summary print a stretch of time as the lab's checks beside them do
 * (labs/checkKit `seconds`): the netflix-trending lab's table said "1 min 30 s" and "10 min 06 s"
 * where its checks said "90.18 s" and "10 min 6 s", so one value was printed two ways on a page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { seconds } from '../../../labs/checkKit';
import { komma } from '../../../labs/germanFormat';
import { changeLanguage } from '../../i18n/i18n';
import { netflixDownRun } from '../../viz/views/__tests__/viewRuns';
import { PipelineRunView } from './PipelineRunView';

/** Each part's busy and down cells, and the summary, as rendered. */
function table() {
  const result = netflixDownRun();
  const html = renderToStaticMarkup(createElement(PipelineRunView, { report: { result } as never }));
  const cells = (id: string) =>
    [...(new RegExp(`<tr data-part="${id}">(.*?)</tr>`).exec(html)?.[1] ?? '').matchAll(/<td>([^<]*)<\/td>/g)].map(
      (m) => m[1]!,
    );
  const summary = /data-testid="pipeline-summary">(.*?)<\/p>/.exec(html)![1]!.replace(/<!-- -->/g, '');
  return { result, cells, summary };
}

describe("a pipeline run's table", () => {
  afterEach(() => changeLanguage('en'));

  it('prints busy and down times, the run and its latencies as the checks do', () => {
    const { result, cells, summary } = table();
    const part = (id: string) => result.parts.find((p) => p.id === id)!;
    // s3 was busy 90.18 s, the trending job 7 min 1.8 s; the recommender down 10 min.
    expect(cells('s3').slice(-2)).toEqual(['90.18 s', '–']);
    expect(cells('s3').at(-2)).toBe(seconds(part('s3').busyMs));
    expect(cells('trending-job').at(-2)).toBe('7 min 2 s');
    expect(cells('recommender').at(-1)).toBe('10 min');
    for (const p of result.parts) {
      expect(cells(p.id).at(-2)).toBe(seconds(p.busyMs));
      if (p.downMs > 0) expect(cells(p.id).at(-1)).toBe(seconds(p.downMs));
    }
    const latency = result.summary.latencyMs!;
    expect(summary).toContain(`after ${seconds(result.simulatedMs)} simulated`);
    expect(summary).toContain(
      `median ${seconds(latency.p50)}, 95% within ${seconds(latency.p95)}, the slowest ${seconds(latency.max)}.`,
    );
    expect(summary).toContain('the slowest 10 min 6 s.');
    expect(summary).not.toMatch(/min 0\d s/);
  });

  it('in German, with the decimal comma the German checks print', () => {
    changeLanguage('de');
    const { result, cells } = table();
    const s3 = result.parts.find((p) => p.id === 's3')!;
    expect(cells('s3').at(-2)).toBe('90,18 s');
    expect(cells('s3').at(-2)).toBe(komma(seconds(s3.busyMs)));
  });
});
