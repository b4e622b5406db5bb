import { describe, expect, it } from 'vitest';
import { ByteWriter } from './dataBytes';
import {
  BOOLEAN,
  BYTES,
  DOUBLE,
  fitsClass,
  INT,
  LONG,
  NULL,
  readWritable,
  TEXT,
  widerClass,
  writableClassOf,
  writableText,
  writeWritable,
  type WritableClass,
} from './writables';

const bytesOf = (cls: WritableClass, v: unknown) => {
  const w = new ByteWriter();
  writeWritable(w, cls, v);
  return w.toBytes();
};

describe('Writables made from values as PySpark converts them', () => {
  it('gives each value its class', () => {
    expect(writableClassOf('a')).toBe(TEXT);
    expect(writableClassOf(7)).toBe(INT);
    expect(writableClassOf(-(2 ** 31))).toBe(INT);
    expect(writableClassOf(2 ** 31)).toBe(LONG);
    expect(writableClassOf(12n)).toBe(LONG);
    expect(writableClassOf(2n ** 63n)).toBeNull();
    expect(writableClassOf(2.5)).toBe(DOUBLE);
    expect(writableClassOf(NaN)).toBe(DOUBLE);
    expect(writableClassOf(2 ** 60)).toBe(DOUBLE);
    expect(writableClassOf(true)).toBe(BOOLEAN);
    expect(writableClassOf(new Uint8Array([1]))).toBe(BYTES);
    expect(writableClassOf(null)).toBe(NULL);
    for (const v of [undefined, {}, [1, 2], new Map(), new Float64Array(1), () => 1])
      expect(writableClassOf(v)).toBeNull();
  });

  it('widens numbers (Int, Long, Double) and nothing else', () => {
    expect(widerClass(INT, DOUBLE)).toBe(DOUBLE);
    expect(widerClass(LONG, INT)).toBe(LONG);
    expect(widerClass(TEXT, INT)).toBe(TEXT);
    expect(fitsClass(INT, DOUBLE)).toBe(true);
    expect(fitsClass(DOUBLE, INT)).toBe(false);
    expect(fitsClass(INT, TEXT)).toBe(false);
  });

  it("writes each class's bytes as its write() does, big-endian", () => {
    expect([...bytesOf(INT, 258)]).toEqual([0, 0, 1, 2]);
    expect([...bytesOf(LONG, -2)]).toEqual([255, 255, 255, 255, 255, 255, 255, 254]);
    expect([...bytesOf(DOUBLE, 1)]).toEqual([0x3f, 0xf0, 0, 0, 0, 0, 0, 0]);
    expect([...bytesOf(BOOLEAN, true)]).toEqual([1]);
    expect([...bytesOf(TEXT, 'ab')]).toEqual([2, 97, 98]);
    expect([...bytesOf(BYTES, new Uint8Array([9, 8]))]).toEqual([0, 0, 0, 2, 9, 8]);
    expect([...bytesOf(NULL, null)]).toEqual([]);
  });

  it('reads values back: a long past 2^53 as a BigInt, bytes as a Uint8Array', () => {
    const cases: [WritableClass, unknown][] = [
      [TEXT, 'héllo wörld '.repeat(20)],
      [TEXT, '\uFEFFstarts with a byte-order mark'],
      [INT, -5],
      [LONG, 2 ** 40],
      [LONG, 2n ** 62n],
      [DOUBLE, -0.1],
      [DOUBLE, Infinity],
      [BOOLEAN, false],
      [BYTES, new Uint8Array([0, 255])],
      [NULL, null],
    ];
    for (const [cls, v] of cases) expect(readWritable(cls, bytesOf(cls, v))).toEqual(v);
    expect(readWritable(DOUBLE, bytesOf(DOUBLE, 3))).toBe(3);
  });

  it('prints values as their toString (hdfs dfs -text)', () => {
    expect(writableText(DOUBLE, 3)).toBe('3.0');
    expect(writableText(NULL, null)).toBe('(null)');
    expect(writableText(BYTES, new Uint8Array([1, 171]))).toBe('01 ab');
    expect(writableText(TEXT, 'x')).toBe('x');
  });
});
