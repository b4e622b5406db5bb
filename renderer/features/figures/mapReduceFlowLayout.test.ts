import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { textEms } from '../../viz/pipeline/clipToWidth';
import { mapReduceFlowLayout } from './mapReduceFlowLayout';
import { flowWords } from './MapReduceFlowFigure';

describe('Figure 20.1 sized to its words', () => {
  afterEach(() => changeLanguage('en'));

  it.each(['en', 'de'] as const)('in %s every label fits its box and every heading and note the figure', (lang) => {
    changeLanguage(lang);
    const w = flowWords();
    const l = mapReduceFlowLayout(w);
    const px = (text: string, size: number, bold = false) => textEms(text, bold) * size;
    const fits = (text: string, size: number, box: { w: number }, bold = false) => px(text, size, bold) <= box.w - 8;
    expect(fits(w.file(3), 12, l.input, true)).toBe(true);
    expect([fits(w.mapper, 13, l.map, true), fits(w.keyValue, 11, l.map)]).toEqual([true, true]);
    expect([fits(w.reducer, 13, l.reduce, true), fits(w.perKey, 11, l.reduce)]).toEqual([true, true]);
    expect(fits(w.part, 12, l.output, true)).toBe(true);
    const headings = [w.input, w.map, w.shuffle, w.reduce, w.output];
    headings.forEach((h, i) => {
      const half = px(h, 11) / 2;
      expect(l.headings[i]! - half, h).toBeGreaterThanOrEqual(0);
      expect(l.headings[i]! + half, h).toBeLessThanOrEqual(l.width);
      if (i > 0) expect(l.headings[i - 1]! + px(headings[i - 1]!, 11) / 2, h).toBeLessThan(l.headings[i]! - half);
    });
    expect(l.note.map((n) => n.text).join(' ')).toBe(w.note);
    for (const n of l.note) expect(px(n.text, 11), n.text).toBeLessThanOrEqual(l.width - 4);
    expect(l.height).toBeGreaterThanOrEqual(l.note.at(-1)!.y + 4);
  });

  it('keeps the English drawing about as wide as it was, and wraps a note wider than the figure', () => {
    const english = mapReduceFlowLayout(flowWords());
    expect([english.width <= 320, english.note.length]).toEqual([true, 1]);
    const note = 'die Paare eines Schlüssels treffen sich sortiert in einem Reducer, und zwar alle zusammen';
    const long = mapReduceFlowLayout({ ...flowWords(), note });
    expect(long.note.map((n) => n.text)).toEqual([
      'die Paare eines Schlüssels treffen sich sortiert',
      'in einem Reducer, und zwar alle zusammen',
    ]);
    expect(long.height).toBe(english.height + 13);
  });
});
