import { describe, expect, it } from 'vitest';
import { doubleHash, hadoopHashCode, hadoopPartition, longHash, textHash, writableOf } from './hadoopHash';

describe("Hadoop's hash of a key (HashPartitioner)", () => {
  it('hashes Text as WritableComparator.hashBytes over the UTF-8 bytes (h = 31 * h + b, from 1)', () => {
    // Worked by hand: "" -> 1; "a" (97) -> 31 + 97 = 128; "ab" -> 31 * 128 + 98 = 4066.
    expect(textHash('')).toBe(1);
    expect(textHash('a')).toBe(128);
    expect(textHash('ab')).toBe(4066);
    // "é" is C3 A9: bytes are signed in Java (-61, -87): 31 * (31 - 61) - 87 = -1017.
    expect(textHash('é')).toBe(-1017);
    // Not Java's String.hashCode ("a".hashCode() is 97).
    expect(textHash('a')).not.toBe(97);
  });

  it('reads integers as IntWritable (the value) or LongWritable ((int) (v ^ v >>> 32))', () => {
    expect(writableOf(7)).toBe('IntWritable');
    expect(hadoopHashCode(7)).toBe(7);
    expect(hadoopHashCode(-5)).toBe(-5);
    expect(writableOf(2 ** 31)).toBe('LongWritable');
    // 2^31: high word 0, low word 0x80000000 -> (int) 0x80000000 = -2^31.
    expect(hadoopHashCode(2 ** 31)).toBe(-(2 ** 31));
    // 2^32 + 5: high 1, low 5 -> 1 ^ 5 = 4.
    expect(hadoopHashCode(2 ** 32 + 5)).toBe(4);
    // -1L: all ones ^ all ones = 0.
    expect(longHash(-1n)).toBe(0);
    expect(hadoopHashCode(10n)).toBe(10);
  });

  it('reads other numbers as DoubleWritable ((int) doubleToLongBits), booleans and null as Hadoop does', () => {
    // 1.5 is 0x3FF8000000000000: the low 32 bits are 0.
    expect(writableOf(1.5)).toBe('DoubleWritable');
    expect(doubleHash(1.5)).toBe(0);
    // 0.1 is 0x3FB999999999999A: low word 0x9999999A as a signed int.
    expect(hadoopHashCode(0.1)).toBe(0x9999999a | 0);
    expect(hadoopHashCode(true)).toBe(0);
    expect(hadoopHashCode(false)).toBe(1);
    expect(hadoopHashCode(null)).toBe(0);
    // Composite keys hash as the Text of their JSON.
    expect(hadoopHashCode(['a', 1])).toBe(textHash('["a",1]'));
  });

  it('partitions with (hashCode & Integer.MAX_VALUE) % numReduceTasks', () => {
    expect(hadoopPartition('a', 3)).toBe(128 % 3);
    expect(hadoopPartition('ab', 7)).toBe(4066 % 7);
    expect(hadoopPartition('é', 10)).toBe((-1017 & 0x7fffffff) % 10);
    expect(hadoopPartition(-5, 4)).toBe((-5 & 0x7fffffff) % 4);
    for (const k of ['x', 'word', 42, 3.25, true, ['a', 2]]) {
      const p = hadoopPartition(k, 5);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(5);
    }
  });
});
