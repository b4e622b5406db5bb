import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../core/utf8';
import { KeylessPartitioner, murmur2, partitionForKey, toPositive } from './partitioner';

describe("Kafka's default partitioner", () => {
  it('hashes as the Java client does (murmur2, seed 0x9747b28c)', () => {
    // Kafka's and KafkaJS's published test vectors, and values computed with KafkaJS 2.2.4.
    const vectors: [string, number][] = [
      ['0', 971027396],
      ['1', -1993445489],
      ['128', -326012175],
      ['100:48069', 1009543857],
      ['key1', 28543940],
      ['key2', 1674751211],
      ['key3', -1745673403],
      ['a', -1563381124],
      ['hello', 2132663229],
      ['', 275646681],
    ];
    for (const [key, hash] of vectors) expect([key, murmur2(encodeUtf8(key))]).toEqual([key, hash]);
  });

  it('puts a key in toPositive(murmur2) % partitions, the same partition every time', () => {
    expect(partitionForKey('key1', 3)).toBe(2);
    expect(partitionForKey('key2', 3)).toBe(2);
    expect(partitionForKey('key3', 3)).toBe(1);
    expect(partitionForKey('a', 3)).toBe(1);
    expect(partitionForKey('hello', 3)).toBe(0);
    expect(toPositive(-1)).toBe(0x7fffffff);
    for (let i = 0; i < 100; i++) expect(partitionForKey(`car-${i}`, 6)).toBe(partitionForKey(`car-${i}`, 6));
  });

  it('hashes the UTF-8 bytes TextEncoder gives, for any key (accents, CJK, emoji, lone surrogates, long keys)', () => {
    const keys = [
      'café',
      'größe',
      '世界-7',
      'car-🚗',
      '🚗🚕',
      '\ud800',
      'x\udc00y',
      'a\ud83d',
      'é'.repeat(300),
      `${'k'.repeat(1000)}🚗`,
    ];
    for (const key of keys) {
      const bytes = encodeUtf8(key);
      for (const n of [1, 3, 7, 48])
        expect([key, partitionForKey(key, n)]).toEqual([key, toPositive(murmur2(bytes)) % n]);
    }
    // Bytes past `length` are ignored.
    expect(murmur2(encodeUtf8('key1xyz'), 4)).toBe(28543940);
  });

  it('spreads keyless records one at a time, from the start given', () => {
    const p = new KeylessPartitioner(3, 2);
    expect([0, 1, 2, 3].map(() => p.nextPartition())).toEqual([2, 0, 1, 2]);
  });
});
