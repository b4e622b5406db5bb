import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeSplitSize, fileInputCuts, planLineSplits } from './lineSplits';

const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** The lines a split's reader would emit (TextInputFormat): [offset, text]. */
function readAll(text: string, splitSize: number): [number, string][] {
  const bytes = bytesOf(text);
  const out: [number, string][] = [];
  for (const s of planLineSplits(bytes, splitSize)) {
    let at = s.recordStart;
    while (at < s.recordEnd) {
      const nl = text.indexOf('\n', at);
      const end = nl < 0 || nl >= s.recordEnd ? s.recordEnd : nl;
      out.push([at, text.slice(at, end)]);
      at = end + 1;
    }
  }
  return out;
}

function plainLines(text: string): [number, string][] {
  const out: [number, string][] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    out.push([at, text.slice(at, end)]);
    at = end + 1;
  }
  return out;
}

describe('planLineSplits (LineRecordReader semantics)', () => {
  it('reads every line exactly once, whatever the split size', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\n', 'x'), maxLength: 300 });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 64 }), (t, size) => {
        expect(readAll(t, size)).toEqual(plainLines(t));
      }),
      { numRuns: 500 },
    );
  });

  it('cuts splits of the given size covering the file, the last one shorter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 100 }), (len, size) => {
        const splits = planLineSplits(new Uint8Array(len).fill(97), size);
        expect(splits.length).toBe(Math.ceil(len / size));
        expect(splits.reduce((s, x) => s + x.length, 0)).toBe(len);
        splits.forEach((s, i) => expect(s.start).toBe(i * size));
      }),
    );
  });

  it('gives a line starting exactly at a boundary to the previous split (Hadoop reads one line past its end)', () => {
    const splits = planLineSplits(bytesOf('abc\ndef\nghi\n'), 4);
    expect(splits.map((s) => [s.recordStart, s.recordEnd])).toEqual([
      [0, 8],
      [8, 12],
      [12, 12],
    ]);
  });
});

describe('FileInputFormat.getSplits', () => {
  const settings = (blockSize: number, minSize = 1, maxSize = Number.MAX_SAFE_INTEGER) => ({
    blockSize,
    minSize,
    maxSize,
  });

  it('lets the last split be up to 10% bigger than the split size (SPLIT_SLOP 1.1)', () => {
    // 110 bytes in blocks of 100: 110 / 100 = 1.1 is not > 1.1, so one split of 110.
    expect(fileInputCuts(110, settings(100))).toEqual([{ start: 0, length: 110 }]);
    // 111 bytes: 1.11 > 1.1, so 100 + 11.
    expect(fileInputCuts(111, settings(100))).toEqual([
      { start: 0, length: 100 },
      { start: 100, length: 11 },
    ]);
    expect(fileInputCuts(0, settings(100))).toEqual([]);
  });

  it('sizes splits as max(minSize, min(maxSize, blockSize))', () => {
    expect(computeSplitSize(settings(128, 1, 50))).toBe(50);
    expect(computeSplitSize(settings(128, 200, 50))).toBe(200);
    expect(fileInputCuts(300, settings(128, 1, 100)).map((c) => c.length)).toEqual([100, 100, 100]);
  });
});
