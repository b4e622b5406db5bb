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

  it('cannot be changed by one job for the next: the class, its prototype and the guard are frozen', () => {
    const values = valueIterable(runs, 'reduce', () => {}) as unknown as Record<PropertyKey, unknown>;
    const proto = Object.getPrototypeOf(values) as Record<PropertyKey, unknown>;
    expect(values.constructor).toBeUndefined();
    expect(Object.isFrozen(proto)).toBe(true);
    expect(() => {
      proto[Symbol.iterator] = function* () {
        yield 1000;
      };
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(Object.getPrototypeOf(proto) as object, 'length', { value: 3 })).toThrow(
      TypeError,
    );
    const next = valueIterable(runs, 'reduce', () => {});
    expect([...next]).toEqual([2, 3, 4]);
    expect(isValueIterable(next)).toBe(true);
  });

  it('convert to a string and answer Object methods as a plain object does', () => {
    const values = valueIterable(runs, 'reduce', () => {});
    expect(String(values)).toBe('[object Object]');
    expect(`${values as unknown as string}`).toBe('[object Object]');
    expect(Object.prototype.hasOwnProperty.call(values, 'x')).toBe(false);
    expect((values as unknown as { toString(): string }).toString()).toBe('[object Object]');
    expect(values instanceof Object).toBe(true);
  });
});
