import { describe, expect, it } from 'vitest';
import { deserializeValue, serializeValue } from './objectSerializer';

const roundTrip = <T>(v: T): T => deserializeValue(serializeValue(v, 'the value'), 'test') as T;

describe("saveAsObjectFile's serialization", () => {
  it('keeps the types Spark’s serializer keeps: Maps, Sets, Dates, nested', () => {
    const value = [
      new Map<unknown, unknown>([
        ['a', new Set([1, 2, 'x'])],
        [3, new Map([[true, [new Date(86_400_000), null]]])],
      ]),
      { n: -0, big: 2n ** 70n, nan: NaN, inf: -Infinity, u: undefined, s: 'ünï', f: 1.5, i: 2 ** 31 },
      [undefined, [], {}],
      new Float64Array([1.5, -2]),
      new Uint8Array([0, 255]),
    ];
    const back = roundTrip(value);
    expect(back).toEqual(value);
    const [map, obj] = back as [Map<unknown, unknown>, Record<string, unknown>];
    expect(map).toBeInstanceOf(Map);
    expect(map.get('a')).toBeInstanceOf(Set);
    expect((map.get(3) as Map<unknown, unknown>).get(true)).toEqual([new Date(86_400_000), null]);
    expect(Object.is(obj.n, -0)).toBe(true);
    expect('u' in obj).toBe(true);
    expect(back[3]).toBeInstanceOf(Float64Array);
  });

  it('keeps shared and cyclic references, as Java serialization does', () => {
    const shared = { k: 1 };
    const cyc: unknown[] = [shared, shared];
    cyc.push(cyc);
    const back = roundTrip(cyc);
    expect(back[0]).toBe(back[1]);
    expect(back[2]).toBe(back);
  });

  it('refuses functions, Symbols and class instances, naming where they are', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    expect(() => serializeValue([{ f: () => 1 }], 'x', (i) => `element ${i}`)).toThrow(
      /^element 0\.f is a function: object files keep/,
    );
    expect(() => serializeValue({ m: new Map([['k', Symbol('s')]]) }, 'the value')).toThrow(
      'the value.m.entries()[0][1] is a Symbol',
    );
    expect(() => serializeValue([1, new Point(2)], 'v')).toThrow(/v\[1\] is an instance of class Point/);
    let deep: unknown = 1;
    for (let i = 0; i < 2000; i++) deep = [deep];
    expect(() => serializeValue(deep, 'v')).toThrow(/nested more than 1000 levels deep/);
  });

  it('refuses bytes it did not write (StreamCorruptedException)', () => {
    expect(() => deserializeValue(new Uint8Array([0xac, 0xed, 0, 5]), 'a value')).toThrow(/invalid stream header/);
    const cut = serializeValue({ a: 'long string' }, 'v').subarray(0, 10);
    expect(() => deserializeValue(cut, 'a value')).toThrow(/ends early/);
  });
});
