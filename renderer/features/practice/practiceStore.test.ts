// Practice keeps its own state: an attempt per step with a fresh seed, the code typed, a next
// attempt that draws new data and keeps the code only when asked; broken or hostile entries are dropped.
import { beforeEach, describe, expect, it } from 'vitest';
import { currentAttempt, freshSeed, nextAttempt, savePracticeCode } from './practiceStore';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

describe('practice store', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    (globalThis as { window?: unknown }).window = { localStorage: storage };
  });

  it('makes a first attempt once, then keeps it with the code typed', () => {
    const first = currentAttempt('lab-a', 'step-1', 1000);
    expect(first).toMatchObject({ attempt: 1, code: null });
    expect(currentAttempt('lab-a', 'step-1', 2000)).toEqual(first);
    savePracticeCode('lab-a', 'step-1', 'my code', 3000);
    expect(currentAttempt('lab-a', 'step-1')).toMatchObject({ attempt: 1, seed: first.seed, code: 'my code' });
    expect(currentAttempt('lab-a', 'step-2').seed).toBeTypeOf('number');
  });

  it('draws a fresh seed for the next attempt, keeping the code only when asked', () => {
    const first = currentAttempt('lab-a', 'step-1');
    savePracticeCode('lab-a', 'step-1', 'mine');
    const seeds = new Set([first.seed]);
    const kept = nextAttempt('lab-a', 'step-1', true);
    expect(kept).toMatchObject({ attempt: 2, code: 'mine' });
    seeds.add(kept.seed);
    const fresh = nextAttempt('lab-a', 'step-1', false);
    expect(fresh).toMatchObject({ attempt: 3, code: null });
    seeds.add(fresh.seed);
    expect(seeds.size).toBe(3);
  });

  it('drops what it cannot trust and never throws', () => {
    storage.setItem('clusterlab.practice.v1', 'not json');
    expect(currentAttempt('x', 'y').attempt).toBe(1);
    storage.setItem(
      'clusterlab.practice.v1',
      JSON.stringify({
        'x/y': { attempt: 0, seed: 1, code: null, at: 1 },
        'x/z': { attempt: 2, seed: -5, code: null, at: 1 },
        'x/w': { attempt: 2, seed: 7, code: 42, at: 1 },
        'x/ok': { attempt: 4, seed: 7, code: 'c', at: 1 },
        __proto__: { attempt: 9, seed: 9, code: null, at: 1 },
      }),
    );
    expect(currentAttempt('x', 'ok')).toMatchObject({ attempt: 4, seed: 7, code: 'c' });
    expect(currentAttempt('x', 'y').attempt).toBe(1);
    expect(currentAttempt('x', 'z').attempt).toBe(1);
    expect(currentAttempt('x', 'w').attempt).toBe(1);
    savePracticeCode('x', 'ok', 'a'.repeat(200_001));
    expect(currentAttempt('x', 'ok').code).toBe('c');
  });

  it('seeds are whole numbers of 32 bits', () => {
    for (let i = 0; i < 100; i++) {
      const s = freshSeed();
      expect(Number.isInteger(s) && s >= 0 && s <= 0xffffffff).toBe(true);
    }
  });
});
