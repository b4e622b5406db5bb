import { describe, expect, it } from 'vitest';
import { changedHunks, lineDiff, MAX_CELLS } from './lineDiff';

describe('lineDiff', () => {
  it('finds the lines removed and added between two versions', () => {
    const a = 'a\nb\nc\nd\ne';
    const b = 'a\nc\nX\nd\ne\nf';
    const d = lineDiff(a, b);
    expect(d.filter((x) => x.kind === 'removed').map((x) => x.text)).toEqual(['b']);
    expect(d.filter((x) => x.kind === 'added').map((x) => x.text)).toEqual(['X', 'f']);
    // Every line of A and of B is accounted for, in order.
    expect(d.filter((x) => x.kind !== 'added').map((x) => x.text)).toEqual(a.split('\n'));
    expect(d.filter((x) => x.kind !== 'removed').map((x) => x.text)).toEqual(b.split('\n'));
    expect(lineDiff(a, a).every((x) => x.kind === 'same')).toBe(true);
  });

  it('shows removed lines before added ones, with their own line numbers', () => {
    const d = lineDiff('x\nold\ny', 'x\nnew\ny');
    expect(d.map((x) => `${x.kind}:${x.line}:${x.text}`)).toEqual([
      'same:1:x',
      'removed:2:old',
      'added:2:new',
      'same:3:y',
    ]);
  });

  it('keeps context around changes and marks skipped lines', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'L10');
    const h = changedHunks(lineDiff(a, b), 1);
    expect(h.map((x) => (x === null ? '…' : x.text))).toEqual(['l9', 'l10', 'L10', 'l11']);
    expect(changedHunks(lineDiff('a', 'a'))).toEqual([]);
  });

  it('reports a change too large to align as one replaced block', () => {
    const n = Math.ceil(Math.sqrt(MAX_CELLS)) + 2;
    const a = Array.from({ length: n }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: n }, (_, i) => `b${i}`).join('\n');
    const d = lineDiff(a, b);
    expect(d.filter((x) => x.kind === 'removed')).toHaveLength(n);
    expect(d.filter((x) => x.kind === 'added')).toHaveLength(n);
  });
});
