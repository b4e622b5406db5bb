import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { sortSmall } from './sortSmall';

describe('sortSmall', () => {
  it('orders every array as Array.prototype.sort does, ties kept in their order', () => {
    const rng = createRng('sort-small');
    for (let n = 0; n < 40; n++) {
      for (let round = 0; round < 20; round++) {
        const items = Array.from({ length: n }, (_, i) => ({ key: rng.int(4), at: i }));
        const cmp = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(sortSmall([...items], cmp)).toEqual([...items].sort(cmp));
      }
    }
  });
});
