import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeKeepingBom, forEachRecord } from './lineRecordReader';
import { planInputSplits } from './lineSplits';
import { encodeUtf8, decodeUtf8 } from '../core';

/** Every record of a file as the map tasks of its splits would read them: [offset, value]. */
function readFile(text: string, splitSize: number, delimiter: string | null = null): [number, string][] {
  const bytes = encodeUtf8(text);
  const out: [number, string][] = [];
  const delim = delimiter === null ? null : encodeUtf8(delimiter);
  for (const s of planInputSplits(bytes, { blockSize: splitSize, minSize: 1, maxSize: Infinity }, delim)) {
    const chunk = bytes.subarray(s.recordStart, s.recordEnd);
    forEachRecord(decodeKeepingBom(chunk, decodeUtf8), s.recordStart, chunk.length, delimiter, (o, v) =>
      out.push([o, v]),
    );
  }
  return out;
}

describe('LineRecordReader', () => {
  it('ends lines at \\n, \\r and \\r\\n, with byte offsets as keys', () => {
    expect(readFile('a\nbb\rccc\r\ndd', 100)).toEqual([
      [0, 'a'],
      [2, 'bb'],
      [5, 'ccc'],
      [10, 'dd'],
    ]);
  });

  it('reads every line once whatever the split size, \\r\\n straddling a boundary included', () => {
    const text = 'ab\r\ncd\re\n\nf\r\r\ng';
    const whole = readFile(text, 1000);
    for (let size = 1; size < text.length + 2; size++) expect(readFile(text, size)).toEqual(whole);
    expect(whole).toEqual([
      [0, 'ab'],
      [4, 'cd'],
      [7, 'e'],
      [9, ''],
      [10, 'f'],
      [12, ''],
      [14, 'g'],
    ]);
  });

  it('skips a UTF-8 BOM at the start of the file: key 0, the next offset counts its 3 bytes', () => {
    const records = readFile('\uFEFFid,v\n1,2\n', 1000);
    expect(records).toEqual([
      [0, 'id,v'],
      [8, '1,2'],
    ]);
    // Only at the start of the file: a mark later on is text.
    expect(readFile('a\n\uFEFFb\n', 1000)).toEqual([
      [0, 'a'],
      [2, '\uFEFFb'],
    ]);
  });

  it('counts UTF-8 bytes in offsets', () => {
    expect(readFile('é\nü\r\nx', 1000)).toEqual([
      [0, 'é'],
      [3, 'ü'],
      [7, 'x'],
    ]);
  });

  it('honours textinputformat.record.delimiter, across split boundaries', () => {
    const text = 'a b\n\nc\r\nd\n\ne';
    const whole = readFile(text, 1000, '\n\n');
    expect(whole).toEqual([
      [0, 'a b'],
      [5, 'c\r\nd'],
      [11, 'e'],
    ]);
    for (let size = 1; size < text.length + 2; size++) expect(readFile(text, size, '\n\n')).toEqual(whole);
  });

  it('reads every record exactly once whatever the split size (property, lines and delimiters)', () => {
    const unit = fc.constantFrom('a', 'b', '\r', '\n', '\n', 'é');
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 120 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(null, '\n\n', 'ab', 'aa', '\r\n'),
        (text, size, delim) => {
          expect(readFile(text, size, delim)).toEqual(readFile(text, 1 << 20, delim));
        },
      ),
      { numRuns: 400 },
    );
  });
});
