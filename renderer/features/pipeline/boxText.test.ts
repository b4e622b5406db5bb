/**
 * The diagram's boxes hold their text: in a 112 px box a relational database's kind read
 * "Relational dat…" and a part down since 20 s "down since 20.…" (the time cut off), in English and
 * more so in German. Every line of every box, at every instant of the playback, fits its width, and
 * the lines stand one under the other inside the box.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { runPipeline } from '../../../engine/pipeline';
import { changeLanguage } from '../../i18n/i18n';
import { pipelineAt, pipelineEventTimes } from '../../viz/pipeline/pipelineAt';
import { BOX_H, pipelineLayout } from '../../viz/pipeline/pipelineLayout';
import { readPipelineText } from '../../viz/pipeline/readPipelineText';
import { textEms } from '../../viz/pipeline/clipToWidth';
import { diagramBoxHeight, TEXT_W } from './boxText';
import { PipelineDiagram } from './PipelineDiagram';

// The reports database stopped at 20 s for good: its box says "down since 20.00 s" for minutes.
const PIPELINE = {
  parts: [
    { id: 'devices', type: 'clients', settings: { events: 1500, ratePerSec: 10 } },
    { id: 'ingest', type: 'api', node: 'n1' },
    { id: 'reports', type: 'rdbms', node: 'n2' },
    { id: 'dashboard', type: 'dashboard', node: 'n3' },
  ],
  wires: [
    { from: 'devices', to: 'ingest' },
    { from: 'ingest', to: 'reports' },
    { from: 'reports', to: 'dashboard' },
  ],
};
const result = runPipeline({
  pipeline: PIPELINE,
  cluster: 'classroom',
  faults: [{ atMs: 20_000, kind: 'stopPart', part: 'reports' }],
});

function drawn(spec: unknown) {
  const read = readPipelineText(JSON.stringify(spec));
  if (!read.ok) throw new Error(read.reason);
  return read.pipeline;
}

/** Every line of every box at each of the run's instants, and each box's status as its element reads. */
function boxes() {
  const pipeline = drawn(PIPELINE);
  const layout = pipelineLayout(pipeline, diagramBoxHeight(pipeline, result));
  const lines: { text: string; fits: boolean }[] = [];
  const statuses = new Set<string>();
  for (const t of [0, ...pipelineEventTimes(result), result.simulatedMs]) {
    const html = renderToStaticMarkup(
      createElement(PipelineDiagram, { layout, at: pipelineAt(result, t), selected: null, onSelect: () => {} }),
    ).replace(/<!-- -->/g, '');
    for (const box of html.split('<g ').slice(1)) {
      let last = 0;
      for (const m of box.matchAll(/<tspan x="8" y="(\d+)"( class="pipeline-(id|kind|node)")?>([^<]*)<\/tspan>/g)) {
        const [, y, , kind, text] = m as unknown as [string, string, string, string | undefined, string];
        const px = textEms(text, kind === 'id') * (kind ? 12 : 11);
        lines.push({ text, fits: !text.endsWith('…') && px <= TEXT_W && Number(y) > last + 10 });
        last = Number(y);
      }
      // The last baseline leaves room for the descenders above the box's bottom.
      expect(last + 4).toBeLessThanOrEqual(layout.boxH);
      const status = /data-testid="status-[^"]+">(.*?)<\/tspan><\/tspan>/.exec(box)?.[1];
      if (status) statuses.add(status.replace(/<[^>]+>/g, ''));
    }
  }
  return { lines, statuses, boxH: layout.boxH };
}

describe("the pipeline diagram's boxes", () => {
  afterEach(() => changeLanguage('en'));

  it('hold every line they show, in English and German', () => {
    expect(result.simulatedMs).toBeGreaterThan(120_000);
    const english = boxes();
    expect(english.lines.filter((l) => !l.fits)).toEqual([]);
    expect(english.lines.map((l) => l.text)).toEqual(expect.arrayContaining(['Relational', 'database']));
    expect(english.statuses).toContain('down since 20.00 s');
    expect(english.boxH).toBeGreaterThan(BOX_H);
    changeLanguage('de');
    const german = boxes();
    expect(german.lines.filter((l) => !l.fits)).toEqual([]);
    expect(german.statuses).toContain('ausgefallen seit 20,00 s');
  });

  it('keep their height when their lines are few', () => {
    expect(diagramBoxHeight(drawn({ parts: [{ id: 'api', type: 'api', node: 'n1' }], wires: [] }), null)).toBe(BOX_H);
  });
});
