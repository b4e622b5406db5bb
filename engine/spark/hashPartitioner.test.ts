import { describe, expect, it } from 'vitest';
import { FunctionPartitioner, HashPartitioner, javaHash, nonNegativeMod, stringHashCode } from './hashPartitioner';

describe("Spark's HashPartitioner over Java's hashCode", () => {
  it('hashes strings as java.lang.String.hashCode (UTF-16 code units)', () => {
    expect(stringHashCode('')).toBe(0);
    expect(stringHashCode('a')).toBe(97);
    expect(stringHashCode('hello')).toBe(99162322);
    expect(stringHashCode('Aa')).toBe(stringHashCode('BB')); // 2112, Java's classic collision
    expect(stringHashCode('Aa')).toBe(2112);
    expect(stringHashCode('polygenelubricants')).toBe(-2147483648); // Integer.MIN_VALUE
    expect(stringHashCode('😀')).toBe(0xd83d * 31 + 0xde00); // two UTF-16 code units
  });

  it('hashes numbers as Integer, Long or Double hashCode, booleans as Boolean, null as 0', () => {
    expect(javaHash(42)).toBe(42);
    expect(javaHash(-1)).toBe(-1);
    expect(javaHash(2 ** 32)).toBe(1); // Long: (int)(v ^ (v >>> 32))
    expect(javaHash(-(2 ** 32))).toBe(-1);
    expect(javaHash(1.5)).toBe(0x3ff80000); // doubleToLongBits(1.5) = 0x3FF8000000000000
    expect(javaHash(-0.5)).toBe(0xbfe00000 | 0);
    expect(javaHash(true)).toBe(1231);
    expect(javaHash(false)).toBe(1237);
    expect(javaHash(null)).toBe(0);
    expect(javaHash(3n)).toBe(3);
  });

  it('puts keys where Spark would: nonNegativeMod(hashCode, n), null in partition 0', () => {
    const p = new HashPartitioner(3);
    expect(p.getPartition('a')).toBe(97 % 3);
    expect(p.getPartition('polygenelubricants')).toBe(nonNegativeMod(-2147483648, 3));
    expect(nonNegativeMod(-2147483648, 3)).toBe(1);
    expect(p.getPartition(-7)).toBe(2);
    expect(p.getPartition(null)).toBe(0);
    expect(p.getPartition(undefined)).toBe(0);
  });

  it('hashes arrays as Scala tuples: by value, order matters', () => {
    expect(javaHash(['a', 1])).toBe(javaHash(['a', 1]));
    expect(javaHash(['a', 1])).not.toBe(javaHash([1, 'a']));
    expect(javaHash([1, 2])).not.toBe(javaHash([1, 2, 3]));
    expect(Number.isInteger(javaHash({ x: 1 }))).toBe(true);
  });

  it('tells equal partitioners apart from different ones (co-partitioning)', () => {
    const f = (k: unknown) => Number(k);
    expect(new HashPartitioner(4).equals(new HashPartitioner(4))).toBe(true);
    expect(new HashPartitioner(4).equals(new HashPartitioner(5))).toBe(false);
    expect(new FunctionPartitioner(4, f).equals(new FunctionPartitioner(4, f))).toBe(true);
    expect(new FunctionPartitioner(4, f).equals(new HashPartitioner(4))).toBe(false);
    expect(new FunctionPartitioner(4, f).getPartition(-1)).toBe(3);
    expect(() => new FunctionPartitioner(4, () => 'x').getPartition('k')).toThrow(
      /partitionFunc must return a whole number/,
    );
  });
});
