/**
 * Every figure a lab cites has a drawing, and every drawing is what its caption and text
 * alternative promise: the cookbook's number and caption, a title and description for screen
 * readers, nothing lit before a run and a part lit when its light is on.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { LABS } from '../../../labs/labRegistry';
import { COOKBOOK_FIGURE_IDS, type CookbookFigureId } from '../../../labs/labTypes';
import { FIGURES, figureCaption, partSentence } from '../../viz/figures/figureCatalog';
import { FIGURE_DRAWINGS } from './figureDrawings';
import { stepFigures } from './stepFigures';
import { litParts } from '../../viz/figures/figureLights';
import { toFigureRun } from '../../viz/figures/figureRun';
import { lightsForFigure } from '../../viz/figures/lightsForFigure';
import { netflixRun } from '../../viz/figures/__tests__/netflixRun';
import { seconds } from '../../../labs/checkKit';

/** "Figure 19.2" and "Figures 19.1 and 19.2" in a lab text. */
function citedFigures(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/Figures? (\d+\.\d+)((?:(?:, | and )\d+\.\d+)*)/g))
    out.push(m[1]!, ...(m[2]!.match(/\d+\.\d+/g) ?? []));
  return out;
}

describe("the labs' cookbook figures", () => {
  it('every figure a lab text cites is in its figures field, and every figure there has a drawing', () => {
    for (const lab of LABS) {
      expect(lab.figures ?? [], `${lab.id}: the intro's figures`).toEqual(
        expect.arrayContaining(citedFigures(lab.intro)),
      );
      lab.steps.forEach((step, i) => {
        expect(step.figures ?? [], `${lab.id} step ${i + 1}: the figures its text cites`).toEqual(
          expect.arrayContaining(citedFigures(step.instructions)),
        );
        for (const f of stepFigures(lab, i)) expect(FIGURE_DRAWINGS[f], `${lab.id}: Figure ${f}`).toBeDefined();
      });
    }
  });

  it('the three labs show a figure on their first step', () => {
    for (const id of ['hdfs-blocks', 'mapreduce-iot-averages', 'spark-in-memory']) {
      const lab = LABS.find((l) => l.id === id)!;
      expect(stepFigures(lab, 0).length, id).toBeGreaterThan(0);
    }
  });

  it('reads "Figures 19.1 and 19.2" as two citations and ignores a paper\'s "Figure 10"', () => {
    expect(citedFigures('(Cookbook 19.2.2 with Figures 19.1 and 19.2, and 15.1)')).toEqual(['19.1', '19.2']);
    expect(citedFigures('Zaharia et al., Figure 10; and Figure 20.2.')).toEqual(['20.2']);
  });

  const PER_TASK: Record<string, string> = {
    '20.2 map': 'mapper:0',
    '20.2 reduce': 'reducer:0',
    '19.2 block': 'block:0',
    // A pipeline part down is drawn as a cross on its own area.
    '24.1 down': 'down:store',
    '15.2 down': 'down:hdfs',
    '15.3 down': 'down:flume',
    '25.1 down': 'down:storage',
    '25.2 down': 'down:stream',
    '28.1 down': 'down:s3',
    '28.2 down': 'down:trending',
    '28.3 down': 'down:kafka',
  };
  const render = (id: CookbookFigureId, lit: string[]) =>
    renderToStaticMarkup(
      createElement(FIGURE_DRAWINGS[id], { run: null, t: lit.length ? 0 : null, lit: new Set(lit) }),
    );

  it.each(COOKBOOK_FIGURE_IDS.map((id) => [id]))('Figure %s has its caption, a title and a description', (id) => {
    const html = render(id, []);
    expect(html).toContain(`<title id=`);
    expect(html).toMatch(/<desc id="[^"]+">[^<]{80,}<\/desc>/);
    expect(html).toContain(`Figure ${id}:</strong> ${figureCaption(id).replace(/'/g, '&#x27;')}`);
    expect(html).toContain('role="img"');
    expect(html).toContain('data-lit=""');
    expect(html).not.toContain('fig-box lit');
  });

  it.each(COOKBOOK_FIGURE_IDS.map((id) => [id]))('each part of Figure %s lights when its light is on', (id) => {
    // 19.2's replicas down or being copied are drawn from the run's block map (e2e: cookbookFigures).
    const fromRun = id === '19.2' ? ['down', 'copying'] : [];
    for (const part of FIGURES[id].parts.filter((p) => !fromRun.includes(p))) {
      // Parts drawn once per task or block light with the task's or block's own light.
      const drawn = PER_TASK[`${id} ${part}`];
      const html = render(id, drawn ? [part, drawn] : [part]);
      expect(html, `${id} ${part}`).toMatch(/class="fig-(?:box|dn|arrow|chip)(?:\s[^"]*)?\slit\b|class="fig-down"/);
      expect(html, `${id} ${part}: the status line says it`).toContain(partSentence(id, part));
      if (drawn) expect(render(id, [part]), `${id} ${part} alone`).not.toMatch(/class="fig-box(?:\s[^"]*)?\slit\b/);
    }
  });
});

describe("Netflix's figures drawn from a Netflix-like run", () => {
  const report = netflixRun();
  const run = toFigureRun(report, []);
  const draw = (id: CookbookFigureId, t: number) =>
    renderToStaticMarkup(createElement(FIGURE_DRAWINGS[id], { run, t, lit: litParts(lightsForFigure(id, run), t) }));

  it('28.2 lists the row its latest refresh showed, each key as a title with its count', () => {
    const sample = report.result.views.find((v) => v.dashboard === 'trending-now')!.samples[899]!;
    const html = draw('28.2', sample.t + 1);
    const first = sample.trending!.row[0]!;
    expect(html).toContain(`1. title ${first.key}`);
    expect(html).toContain(first.count.toLocaleString('en'));
    expect(html).toContain('shown by the refresh at 1 h 15 min:');
    // Screen readers get the row too, in the figure's description.
    expect(html).toMatch(
      new RegExp(`<desc[^>]*>[^<]*The row shown by the refresh at 1 h 15 min: title ${first.key} \\(`),
    );
    // No beacon in the run: impressions are drawn dashed, never lit.
    expect(html).toMatch(/class="fig-box unused small tiny" data-part="impressions"/);
    expect(draw('28.2', 1000)).toContain('no refresh of the row yet');
    // Within the hour too, as the checks and the trending rows beside it print a time: the figure
    // said "the refresh at 5 min 00 s" where they said "5 min".
    const early = report.result.views.find((v) => v.dashboard === 'trending-now')!.samples.find((s) => s.t > 300_000)!;
    expect(draw('28.2', early.t + 1)).toContain(`shown by the refresh at ${seconds(300_000)}:`);
    expect(seconds(300_000)).toBe('5 min');
    expect(draw('28.2', early.t + 1)).not.toMatch(/min 0\d s/);
  });

  it('28.1 counts the files S3 holds and says how often Elastic MapReduce runs', () => {
    expect(draw('28.1', 3_610_000)).toContain('Spark batch, hourly');
    expect(draw('28.1', 3_610_000)).toMatch(/HDFS here: \d+ files/);
    expect(draw('28.1', 3_610_000)).toContain('fig-box lit small" data-part="emr"');
  });

  it('28.3 and 25.x dash what the run has no part for', () => {
    expect(draw('28.3', 1_001_000)).toMatch(/class="fig-box unused small" data-part="beacon"/);
    // The Netflix-like run has every part of 25.2 (ingest, a streaming job, the store it writes, a dashboard).
    expect(draw('25.2', 1_001_000)).not.toContain('unused');
  });
});
