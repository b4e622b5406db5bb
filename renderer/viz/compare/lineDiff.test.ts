import { describe, expect, it } from 'vitest';
import { changedHunks, lineDiff, MAX_EDITS } from './lineDiff';

const kinds = (a: string, b: string) => lineDiff(a, b).lines.map((x) => `${x.kind}:${x.line}:${x.text}`);

describe('lineDiff', () => {
  it('finds the lines removed and added between two versions', () => {
    const a = 'a\nb\nc\nd\ne';
    const b = 'a\nc\nX\nd\ne\nf';
    const d = lineDiff(a, b).lines;
    expect(d.filter((x) => x.kind === 'removed').map((x) => x.text)).toEqual(['b']);
    expect(d.filter((x) => x.kind === 'added').map((x) => x.text)).toEqual(['X', 'f']);
    // Every line of A and of B is accounted for, in order.
    expect(d.filter((x) => x.kind !== 'added').map((x) => x.text)).toEqual(a.split('\n'));
    expect(d.filter((x) => x.kind !== 'removed').map((x) => x.text)).toEqual(b.split('\n'));
    expect(lineDiff(a, a).lines.every((x) => x.kind === 'same')).toBe(true);
    expect(lineDiff('x\r\ny', 'x\ny').lines.every((x) => x.kind === 'same')).toBe(true);
  });

  it('shows removed lines before added ones, with their own line numbers', () => {
    expect(kinds('x\nold\ny', 'x\nnew\ny')).toEqual(['same:1:x', 'removed:2:old', 'added:2:new', 'same:3:y']);
    expect(kinds('', 'a')).toEqual(['removed:1:', 'added:1:a']);
    expect(kinds('a\nb', 'b')).toEqual(['removed:1:a', 'same:2:b']);
  });

  it('finds the shortest edit in random versions (every line accounted for, edits minimal for a known case)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 5).toString();
    for (let t = 0; t < 50; t++) {
      const a = Array.from({ length: 30 }, rnd).join('\n');
      const b = Array.from({ length: 25 }, rnd).join('\n');
      const d = lineDiff(a, b).lines;
      expect(d.filter((x) => x.kind !== 'added').map((x) => x.text)).toEqual(a.split('\n'));
      expect(d.filter((x) => x.kind !== 'removed').map((x) => x.text)).toEqual(b.split('\n'));
    }
    // ABCABBA -> CBABAC: the paper's example, 5 edits.
    const edits = lineDiff([...'ABCABBA'].join('\n'), [...'CBABAC'].join('\n')).lines.filter((x) => x.kind !== 'same');
    expect(edits).toHaveLength(5);
  });

  it('aligns a long file with two changed lines', () => {
    const base = Array.from({ length: 5000 }, (_, i) => `// line ${i % 7}`);
    const a = ['first', ...base, 'last'].join('\n');
    const b = ['FIRST', ...base, 'LAST'].join('\n');
    const { lines, aligned } = lineDiff(a, b);
    expect(aligned).toBe(true);
    expect(lines.filter((x) => x.kind === 'removed').map((x) => x.text)).toEqual(['first', 'last']);
    expect(lines.filter((x) => x.kind === 'added').map((x) => x.text)).toEqual(['FIRST', 'LAST']);
  });

  it('keeps context around changes and marks skipped lines', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'L10');
    const h = changedHunks(lineDiff(a, b).lines, 1);
    expect(h.map((x) => (x === null ? '…' : x.text))).toEqual(['l9', 'l10', 'L10', 'l11']);
    expect(changedHunks(lineDiff('a', 'a').lines)).toEqual([]);
  });

  it('reports versions too different to align as one replaced block', () => {
    const n = MAX_EDITS;
    const a = Array.from({ length: n }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: n }, (_, i) => `b${i}`).join('\n');
    const { lines, aligned } = lineDiff(a, b);
    expect(aligned).toBe(false);
    expect(lines.filter((x) => x.kind === 'removed')).toHaveLength(n);
    expect(lines.filter((x) => x.kind === 'added')).toHaveLength(n);
  });
});
