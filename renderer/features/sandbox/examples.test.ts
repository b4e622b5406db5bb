import { describe, expect, it } from 'vitest';
import { BLOCK_SIZES, CLUSTERS, EXAMPLES, restoreChoice, settingOf } from './examples';

describe('the sandbox choice saved with its code', () => {
  it('comes back as picked', () => {
    const example = EXAMPLES.find((e) => e.id === 'wc')!;
    const choice = { example, cluster: 100 as const, blockSize: 4096 };
    expect(restoreChoice(settingOf(choice))).toEqual(choice);
  });

  it("falls back to the first example, and to the example's own cluster and block size, for what this build does not offer", () => {
    expect(restoreChoice(undefined)).toEqual({
      example: EXAMPLES[0],
      cluster: EXAMPLES[0]!.cluster,
      blockSize: EXAMPLES[0]!.blockSize,
    });
    const pagerank = EXAMPLES.find((e) => e.id === 'pagerank-spark')!;
    const restored = restoreChoice({ example: 'pagerank-spark', cluster: 'moon-base', blockSize: 12_345 });
    expect(restored).toEqual({ example: pagerank, cluster: pagerank.cluster, blockSize: pagerank.blockSize });
    expect(restoreChoice({ example: 'gone', cluster: 'classroom', blockSize: BLOCK_SIZES[0]!.value })).toEqual({
      example: EXAMPLES[0],
      cluster: 'classroom',
      blockSize: BLOCK_SIZES[0]!.value,
    });
    // A node count the menu does not list is not taken either (the menu could not show it).
    expect(CLUSTERS.some((c) => c.value === 37)).toBe(false);
    expect(restoreChoice({ example: 'iot', cluster: 37, blockSize: 256 }).cluster).toBe(EXAMPLES[0]!.cluster);
  });
});
