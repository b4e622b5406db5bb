import { describe, expect, it } from 'vitest';
import { commonKeyType, Murmur3Partitioner, murmur3Hash } from './murmur3';

describe('Spark SQL’s Murmur3 hash (the hash() function, and Exchange hashpartitioning)', () => {
  it('gives Spark’s values', () => {
    expect(murmur3Hash([1], ['integer'])).toBe(-559580957); // SELECT hash(1)
    expect(murmur3Hash(['Spark'], ['string'])).toBe(228093765); // SELECT hash('Spark')
    expect(murmur3Hash([null], ['string'])).toBe(42); // a null leaves the seed
    expect(murmur3Hash([0], ['double'])).toBe(murmur3Hash([-0], ['double']));
    expect(murmur3Hash([5], ['long'])).not.toBe(murmur3Hash([5], ['integer']));
  });

  it('partitions with pmod, several keys chained, within range', () => {
    const p = new Murmur3Partitioner(200, ['string', 'integer']);
    for (const k of [
      ['a', 1],
      ['b', -5],
      [null, null],
      ['', 2 ** 31 - 1],
    ])
      expect(p.getPartition(k)).toBeGreaterThanOrEqual(0);
    expect(new Murmur3Partitioner(200, ['integer']).getPartition(1)).toBe(((-559580957 % 200) + 200) % 200);
    expect(p.equals(new Murmur3Partitioner(200, ['string', 'integer']))).toBe(true);
    expect(p.equals(new Murmur3Partitioner(100, ['string', 'integer']))).toBe(false);
  });

  it('hashes join keys of different numeric types as one common type', () => {
    expect(commonKeyType('integer', 'long')).toBe('long');
    expect(commonKeyType('integer', 'double')).toBe('double');
    expect(commonKeyType('string', 'integer')).toBe('string');
    expect(commonKeyType('null', 'long')).toBe('long');
  });
});
