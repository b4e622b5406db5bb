/**
 * A pipeline lab's page says a simulated time one way, as its checks and its run's table do
 * (durationWords `seconds`: "3.00 s", "2 min 5 s"): the fault bar, the diagram's boxes, the sentence
 * under the clock, the speed note and the scrubber's spoken value said "3.0 s" and "2 min 05 s"
 * (formatSimTime) beside the table's "3.00 s" and "2 min 5 s". Only the clock reads fixed-width.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement, Fragment } from 'react';
import { runPipeline, type PipelineFault } from '../../../engine/pipeline';
import { changeLanguage } from '../../i18n/i18n';
import { pipelineLayout } from '../../viz/pipeline/pipelineLayout';
import { readPipelineText } from '../../viz/pipeline/readPipelineText';
import { PipelineDiagram } from './PipelineDiagram';
import { PipelineFaultBar } from './PipelineFaultBar';
import { PipelinePlayback } from './PipelinePlayback';
import { STREAM_PIPELINE } from '../../viz/pipeline/__tests__/streamPipeline';

const PIPELINE = STREAM_PIPELINE;
const FAULTS: PipelineFault[] = [
  { atMs: 3000, kind: 'stopPart', part: 'stream' },
  { atMs: 6000, kind: 'startPart', part: 'stream' },
];

/** The page's run at 4.5 s (the stream job down since 3 s), as rendered, its clock left out. */
function page(): string {
  const result = runPipeline({ pipeline: PIPELINE, cluster: 'classroom', faults: FAULTS });
  const read = readPipelineText(JSON.stringify(PIPELINE));
  if (!read.ok) throw new Error(read.reason);
  const layout = pipelineLayout(read.pipeline);
  const html = renderToStaticMarkup(
    createElement(PipelinePlayback, {
      report: { kind: 'pipeline', simulatedMs: result.simulatedMs, result, faults: FAULTS },
      busy: false,
      startAt: 4500,
      children: (at) =>
        createElement(
          Fragment,
          null,
          createElement(PipelineFaultBar, {
            result,
            t: at.t,
            injected: [],
            stepFaults: FAULTS,
            busy: false,
            selected: null,
            onInject: () => {},
          }),
          createElement(PipelineDiagram, { layout, at, selected: null, onSelect: () => {} }),
        ),
    }),
  );
  return html.replace(/<!-- -->/g, '').replace(/<span class="clock"[^]*?<\/span>/, '');
}

describe("a pipeline lab's page", () => {
  afterEach(() => changeLanguage('en'));

  it('says every simulated time as its checks do, the clock alone fixed-width', () => {
    const html = page();
    expect(html).toContain('>4.50 s: ');
    expect(html).toContain('stream down since 3.00 s.');
    const status = /data-testid="status-stream">(.*?)<\/tspan><\/tspan>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
    expect(status).toBe('down since 3.00 s');
    expect(html).toContain('part stream is stopped at 3.00 s');
    expect(html).toMatch(/title="[^"]*4\.50 s[^"]*"/);
    expect(html).toContain('aria-valuetext="4.50 s"');
    // No time in the old one-decimal, padded words ("4.5 s", "2 min 05 s") anywhere on it.
    expect(html.match(/\b\d+\.\d s\b|\bmin 0\d s\b/g)).toBeNull();
    changeLanguage('de');
    expect(page()).toContain('>4,50 s: ');
  });
});
