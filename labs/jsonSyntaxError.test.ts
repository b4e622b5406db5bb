import { describe, expect, it } from 'vitest';
import { jsonSyntaxErrorOffset } from './jsonPositions';

describe('jsonSyntaxErrorOffset', () => {
  it('finds where a JSON text first breaks', () => {
    expect(jsonSyntaxErrorOffset('{"a": tru, "b": 1}')).toBe(6);
    expect(jsonSyntaxErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonSyntaxErrorOffset('{"a": 1')).toBe(7);
    expect(jsonSyntaxErrorOffset('[1, 2] x')).toBe(7);
    expect(jsonSyntaxErrorOffset('{"a": "\\x"}')).toBe(8);
    expect(jsonSyntaxErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonSyntaxErrorOffset('')).toBe(0);
  });

  it('agrees with JSON.parse on what is valid', () => {
    const samples = [
      '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}',
      ' [ ] ',
      '"x"',
      '{"a" 1}',
      '[1 2]',
      '{"a": "line\nbreak"}',
      '[-]',
      '{"a": 1}}',
      '[1.]',
    ];
    for (const s of samples) {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(jsonSyntaxErrorOffset(s) === null, s).toBe(valid);
    }
  });
});
