import { describe, expect, it } from 'vitest';
import { isValueIterable, valueIterable } from './valueIterable';

const runs = [
  { key: 'a', values: [1, 2, 3], start: 1, count: 2 },
  { key: 'b', values: [4], start: 0, count: 1 },
];

describe('the values of a reduce or combine call', () => {
  it('are walked once, telling each value its key', () => {
    const keys: unknown[] = [];
    const values = valueIterable(runs, 'reduce', (k) => keys.push(k));
    expect([...values]).toEqual([2, 3, 4]);
    expect(keys).toEqual(['a', 'b']);
    expect(() => [...values]).toThrow(/walked a second time/);
  });

  it('refuse array use with the name of the call and of the access', () => {
    const values = valueIterable(runs, 'combine', () => {}) as unknown as Record<string, unknown>;
    expect(() => values.length).toThrow(/^values\.length: the values given to combine are an Iterable/);
    expect(() => values[0]).toThrow(/^values\[0\]: the values given to combine/);
    expect(() => (values.reduce as () => void)()).toThrow(/values\.reduce/);
    expect(values.then).toBeUndefined();
  });

  it('show nothing of their own and print as a sentence', () => {
    const values = valueIterable(runs, 'reduce', () => {});
    expect(Object.keys(values)).toEqual([]);
    expect((values as unknown as Record<string, unknown>).runs).toBeUndefined();
    expect(JSON.stringify(values)).toBe(
      '"[the values of reduce: an Iterable — walk them with for (const v of values)]"',
    );
  });

  it('are told apart from data without running a Proxy trap of the learner', () => {
    expect(isValueIterable(valueIterable(runs, 'reduce', () => {}))).toBe(true);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        getPrototypeOf: () => {
          throw new Error('trap');
        },
      },
    );
    expect(isValueIterable(hostile)).toBe(false);
    expect(isValueIterable([1, 2])).toBe(false);
    expect(isValueIterable(null)).toBe(false);
  });
});
