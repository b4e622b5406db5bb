/**
 * The models panel rendered (to static markup) on real runs: nothing without a model in the
 * pipeline; at an instant, what serves and the last minute's error, the chart with its text
 * alternative and marks, the registry of the models trained by then, and the error pump by pump
 * folded until the run's last 10 minutes.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import type { PipelineResult } from '../../../engine/pipeline';
import { PipelineMlPanel } from './PipelineMlPanel';
import { mlRun, refusedFleetRun } from '../../viz/views/__tests__/mlRuns';
import { lambdaRun } from '../../viz/views/__tests__/viewRuns';

const render = (result: PipelineResult, t: number) =>
  renderToStaticMarkup(createElement(PipelineMlPanel, { result, t }));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('the models panel', () => {
  it('renders nothing when no part trains or serves a model', () => {
    expect(render(lambdaRun('1-start-with-batch', 'starter'), 100_000)).toBe('');
  });

  it('step 2 starter mid-run: the serving model, the chart, the registry so far, the pump table folded', async () => {
    const result = await mlRun('2-models-do-not-work-forever', 'starter');
    const html = render(result, 3_000_000);
    const plain = text(html);
    expect(plain).toContain('At 50 min');
    expect(plain).toContain('Model v4 serves, since 40 min 20 s: one model for the fleet');
    expect(plain).toContain('Last full minute (49 min to 50 min): 300 predictions were off by 2.48 kW on average.');
    expect(html).toMatch(
      /role="img" aria-label="The served predictions&#x27; mean absolute error per minute over 2 h 1 min: at worst 8.54 kW \(the minute to 2 h\)\. 12 models deployed, 0 drifts detected, 11 minutes with readings passed on without a prediction\. Now: 2.48 kW in the last full minute\."/,
    );
    expect(html.match(/class="ml-unscored"/g)).toHaveLength(11);
    expect(plain).toContain('The registry at 50 min 4 models trained');
    expect(html.match(/data-version="/g)).toHaveLength(4);
    expect(html).toContain('<th scope="col">Held-out error</th>');
    expect(plain).toContain('at 40 min 20 s, serving now');
    expect(html).toMatch(/<details class="views-final" data-testid="ml-by-pump">/);
    expect(plain).toContain('(opens by itself when the playback gets there)');
  });

  it('step 2 starter at the end: the registry capped, the pump table open with pumps above 3 kW highlighted', async () => {
    const result = await mlRun('2-models-do-not-work-forever', 'starter');
    const html = render(result, result.simulatedMs);
    const plain = text(html);
    expect(html.match(/data-version="/g)).toHaveLength(8);
    expect(plain).toContain('and 4 older models Show all 12');
    expect(html).toMatch(/<details class="views-final" open="" data-testid="ml-by-pump">/);
    expect(html.match(/class="views-differs"/g)).toHaveLength(8);
    expect(plain).toContain('pump 6 345 10.01 kW (above 3 kW)');
  });

  it('per-pump models behind a disclosure; refused models say why; drifts marked on the chart', async () => {
    const perPump = await mlRun('3-a-model-per-pump', 'solution');
    const html = render(perPump, 700_000);
    expect(text(html)).toMatch(/per pump: slope [\d.]+ to [\d.]+, intercept [\d.]+ to [\d.]+ kW each pump/);
    expect(html).toContain('aria-expanded="false" aria-controls="ml-pumps-v1"');
    const refused = await refusedFleetRun();
    const end = render(refused, refused.simulatedMs);
    expect(end).toContain('class="ml-refused"');
    expect(text(end)).toContain('refused: its error on the held-out readings');
    const drifting = await mlRun('2-models-do-not-work-forever', 'solution');
    const d = render(drifting, drifting.simulatedMs);
    expect(d.match(/class="ml-drift"/g)).toHaveLength(12);
    expect(text(d)).toContain('drift: a new model trained');
  });
});
