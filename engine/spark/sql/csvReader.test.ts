import { describe, expect, it } from 'vitest';
import { inferField, mergeTypes, parseField, splitCsvLine } from './csvReader';

describe("Spark's CSV reading", () => {
  it('splits on the separator, with double quotes and "" escapes', () => {
    expect(splitCsvLine('a,b,,c', ',')).toEqual(['a', 'b', '', 'c']);
    expect(splitCsvLine('"x, y","say ""hi""",3', ',')).toEqual(['x, y', 'say "hi"', '3']);
    expect(splitCsvLine('a;b', ';')).toEqual(['a', 'b']);
  });
  it("infers types on CSVInferSchema's ladder and widens them across rows", () => {
    expect(['1', '3000000000', '2.5', '1e3', 'true', 'x', ''].map(inferField)).toEqual([
      'integer',
      'long',
      'double',
      'double',
      'boolean',
      'string',
      'null',
    ]);
    expect(mergeTypes('integer', 'double')).toBe('double');
    expect(mergeTypes('integer', 'long')).toBe('long');
    expect(mergeTypes('null', 'boolean')).toBe('boolean');
    expect(mergeTypes('integer', 'boolean')).toBe('string');
  });
  it('reads an empty field as null and a value that does not parse as null (PERMISSIVE)', () => {
    expect(parseField('', 'integer')).toBeNull();
    expect(parseField('abc', 'double')).toBeNull();
    expect(parseField('TRUE', 'boolean')).toBe(true);
  });
});
