import { describe, expect, it } from 'vitest';
import { makeHdfs } from './__tests__/makeHdfs';

describe('HDFS snapshots share what did not change', () => {
  it('keeps an unchanged block or block list the same object, and builds a changed one anew', () => {
    const { hdfs, faults, kernel } = makeHdfs(undefined, { blockSize: 10 });
    hdfs.put('/a.txt', 'x'.repeat(35));
    hdfs.put('/b.txt', 'y'.repeat(20));
    const first = hdfs.snapshot();
    hdfs.append('/a.txt', 'z');
    const second = hdfs.snapshot();
    const blocksOf = (s: typeof first, path: string) => s.blocks.filter((b) => b.path === path);
    // /a.txt's last block grew; its others and all of /b.txt are the very same entries.
    const [a1, a2] = [blocksOf(first, '/a.txt'), blocksOf(second, '/a.txt')];
    expect(a2.slice(0, 3).every((b, i) => b === a1[i])).toBe(true);
    expect(a2[3]).not.toBe(a1[3]);
    expect(a2[3]!.bytes).toBe(6);
    expect(blocksOf(second, '/b.txt').every((b, i) => b === blocksOf(first, '/b.txt')[i])).toBe(true);
    expect(second.files.find((f) => f.path === '/b.txt')!.blocks).toBe(
      first.files.find((f) => f.path === '/b.txt')!.blocks,
    );
    // A dead DataNode's blocks get new replicas: their entries are new and name the new nodes.
    faults.killNode('n1', 1000);
    kernel.run({ until: 20 * 60_000 });
    const third = hdfs.snapshot();
    for (const b of third.blocks) {
      expect(b.replicas).not.toContain('n1');
      expect(b.replicas).toEqual(hdfs.blocks(b.path)[b.index]!.replicas);
      const before = second.blocks.find((x) => x.id === b.id)!;
      expect(b === before).toBe(!before.replicas.includes('n1'));
    }
  });
});
