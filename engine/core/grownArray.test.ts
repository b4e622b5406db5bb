import { describe, expect, it } from 'vitest';
import { grownArray } from './grownArray';

describe('grownArray', () => {
  it('keeps an array long enough, and copies a short one into one of its kind at least twice as long', () => {
    const a = new Int32Array([1, 2]);
    expect(grownArray(a, 2)).toBe(a);
    const b = grownArray(a, 3);
    expect(b).toBeInstanceOf(Int32Array);
    expect([...b]).toEqual([1, 2, 0, 0]);
    const c = grownArray(new Float64Array([0.5]), 10);
    expect(c).toBeInstanceOf(Float64Array);
    expect(c.length).toBe(10);
    expect(c[0]).toBe(0.5);
  });
});
