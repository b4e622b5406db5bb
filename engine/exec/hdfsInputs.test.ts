import { describe, expect, it } from 'vitest';
import { randomBytes } from '../hdfs/contentGenerator';
import { makeHdfs } from '../hdfs/__tests__/makeHdfs';
import { preferredNodes } from './hdfsInputs';

/** The rule written out plainly: every replica's overlapping bytes, most first, then by name. */
function tallied(blocks: { offset: number; length: number; replicas: readonly string[] }[], from: number, to: number) {
  const bytes = new Map<string, number>();
  for (const b of blocks) {
    const len = Math.min(to, b.offset + b.length) - Math.max(from, b.offset);
    const touches = len > 0 || (from === to && b.offset === from);
    if (b.offset > to || !touches) continue;
    for (const n of b.replicas) bytes.set(n, (bytes.get(n) ?? 0) + Math.max(len, 0));
  }
  return [...bytes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([n]) => n);
}

describe('preferredNodes', () => {
  it('orders the replicas of the blocks a range overlaps by bytes, then name, inside one block as across several', () => {
    const { hdfs } = makeHdfs(undefined, { blockSize: 10 });
    hdfs.putGenerated('/f', 95, randomBytes(7));
    const blocks = hdfs.blocks('/f');
    expect(blocks).toHaveLength(10);
    let inOneBlock = 0;
    for (let from = 0; from <= 95; from++)
      for (let to = from; to <= Math.min(95, from + 25); to++) {
        const got = preferredNodes(hdfs, '/f', from, to, blocks);
        expect(got, `[${from}, ${to})`).toEqual(tallied(blocks, from, to));
        if (from < to && Math.floor(from / 10) === Math.floor((to - 1) / 10)) inOneBlock++;
      }
    expect(inOneBlock).toBeGreaterThan(100);
  });

  it('gives a copy of the replica list, never the block info itself', () => {
    const { hdfs } = makeHdfs(undefined, { blockSize: 10 });
    hdfs.putGenerated('/f', 30, randomBytes(1));
    const blocks = hdfs.blocks('/f');
    const got = preferredNodes(hdfs, '/f', 12, 18, blocks);
    expect(got).toEqual([...blocks[1]!.replicas].sort());
    expect(got).not.toBe(blocks[1]!.replicas);
  });
});
