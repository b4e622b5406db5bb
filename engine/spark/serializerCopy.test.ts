import { describe, expect, it } from 'vitest';
import { serializerCopy } from './serializerCopy';

describe('serializerCopy (a zero value copied as Spark’s serializer copies it)', () => {
  it('keeps Maps, Sets, Dates, typed arrays and prototypes, copying their contents', () => {
    class Acc {
      total = 0;
      add(x: number): this {
        this.total += x;
        return this;
      }
    }
    const v = {
      set: new Set([1, [2]]),
      map: new Map<unknown, unknown>([[['k'], { n: 1 }]]),
      at: new Date(86_400_000),
      bytes: new Uint8Array([1, 2]),
      acc: new Acc(),
    };
    const c = serializerCopy(v);
    expect(c).not.toBe(v);
    expect(c.set).toBeInstanceOf(Set);
    expect([...c.set]).toEqual([1, [2]]);
    expect([...c.set][1]).not.toBe([...v.set][1]);
    expect(c.map).toBeInstanceOf(Map);
    expect([...c.map.values()][0]).toEqual({ n: 1 });
    expect([...c.map.values()][0]).not.toBe([...v.map.values()][0]);
    expect(c.at).toBeInstanceOf(Date);
    expect(c.at.getTime()).toBe(86_400_000);
    expect(c.bytes).toBeInstanceOf(Uint8Array);
    expect([...c.bytes]).toEqual([1, 2]);
    expect(c.acc).toBeInstanceOf(Acc);
    c.acc.add(5);
    expect(v.acc.total).toBe(0);
  });

  it('keeps shared and cyclic references shared, within the copy', () => {
    const shared = { x: 1 };
    const v: { a: object; b: object; self?: unknown } = { a: shared, b: shared };
    v.self = v;
    const c = serializerCopy(v);
    expect(c.a).toBe(c.b);
    expect(c.a).not.toBe(shared);
    expect(c.self).toBe(c);
  });

  it('gives primitives and functions back as they are', () => {
    const f = (): number => 1;
    expect(serializerCopy(5)).toBe(5);
    expect(serializerCopy(null)).toBe(null);
    expect(serializerCopy(f)).toBe(f);
  });
});
