import { describe, expect, it } from 'vitest';
import { LIMITS } from '../core';
import { randomBytes } from './contentGenerator';
import { makeHdfs } from './__tests__/makeHdfs';

describe('HDFS block limits (checked before any block is made)', () => {
  it('refuses a file of more than maxBlocksPerFile blocks, naming the limit and the count', () => {
    const { hdfs } = makeHdfs(undefined, { blockSize: 1 });
    // A terabyte of 1-byte blocks: refused at once, nothing allocated.
    expect(() => hdfs.putGenerated('/big', 2 ** 40, randomBytes(1))).toThrow(
      '/big: the file would have 1,099,511,627,776 blocks, more than the limit of 50,000 blocks per file',
    );
    expect(() => hdfs.put('/b', new Uint8Array(LIMITS.maxBlocksPerFile + 1))).toThrow(
      /the file would have 50,001 blocks/,
    );
    expect(hdfs.exists('/big') || hdfs.exists('/b')).toBe(false);
    hdfs.put('/ok', new Uint8Array(LIMITS.maxBlocksPerFile));
    expect(hdfs.stat('/ok').blocks).toBe(LIMITS.maxBlocksPerFile);
    // Appending past the limit is refused too, and the file is left as it was.
    expect(() => hdfs.append('/ok', new Uint8Array(1))).toThrow(/the file would have 50,001 blocks/);
    expect(hdfs.stat('/ok').length).toBe(LIMITS.maxBlocksPerFile);
  });

  it('refuses a write that takes the namespace past maxBlocksTotal; an overwrite counts the blocks it frees', () => {
    const { hdfs } = makeHdfs(undefined, { blockSize: 1 });
    const per = LIMITS.maxBlocksPerFile;
    for (let i = 0; i < LIMITS.maxBlocksTotal / per; i++) hdfs.putGenerated(`/f${i}`, per, randomBytes(i));
    expect(() => hdfs.putGenerated('/one-more', 1, randomBytes(1))).toThrow(
      '/one-more: HDFS would hold 100,001 blocks, more than the limit of 100,000 blocks in the cluster',
    );
    hdfs.putGenerated('/f0', per, randomBytes(7), { overwrite: true });
    expect(hdfs.stat('/f0').blocks).toBe(per);
  });
});
