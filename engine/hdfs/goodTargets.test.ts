// The placement keeps which nodes can take a replica between blocks (goodTargets.ts): whatever
// changes a node's state between two writes, at the same simulated instant, is seen by the next
// block; and the picks are the ones a walk over every node made.
import { describe, expect, it } from 'vitest';
import { createRng } from '../core';
import { makeHdfs } from './__tests__/makeHdfs';
import { GoodTargets } from './goodTargets';

const SIX = { racks: [{ nodes: 3 }, { nodes: 3 }] };

describe('the good targets kept between placements', () => {
  it('sees a node killed, a rack cut off and a disk failed before the next block, at the same instant', () => {
    const { hdfs, cluster } = makeHdfs(SIX, { blockSize: 4, replication: 3 });
    hdfs.put('/a', 'abcdefgh');
    cluster.killNode('n2');
    hdfs.put('/b', 'abcdefghabcdefghabcdefgh');
    expect(hdfs.blocks('/b').flatMap((b) => b.replicas)).not.toContain('n2');
    cluster.partitionRack('r2');
    cluster.failDisk('n1');
    hdfs.put('/c', 'abcdefgh');
    // Only n3 is left: one replica a block, never a node that cannot take one.
    for (const b of hdfs.blocks('/c')) expect(b.replicas).toEqual(['n3']);
    cluster.healRack('r2');
    hdfs.put('/d', 'abcd');
    expect(hdfs.blocks('/d')[0]!.replicas).toHaveLength(3);
  });

  it('draws the same node as a walk over every node in node order', () => {
    const { cluster } = makeHdfs({ racks: [{ nodes: 4 }, { nodes: 1 }, { nodes: 5 }] });
    const bad = new Set([1, 6, 7]);
    const targets = new GoodTargets(
      cluster,
      (i) => !bad.has(i),
      () => 0,
    );
    targets.refresh();
    const rules: ((r: number) => boolean)[] = [() => true, (r) => r !== 0, (r) => r === 2, (r) => r !== 1];
    const chosenSets = [[], [0], [0, 8], [9, 2, 4]];
    for (const rule of rules)
      for (const chosen of chosenSets) {
        const a = createRng(3);
        const b = createRng(3);
        for (let draw = 0; draw < 20; draw++) {
          const walk = [...cluster.nodes.keys()].filter(
            (i) => !bad.has(i) && !chosen.includes(i) && rule(cluster.nodes[i]!.rackIndex),
          );
          const expected = walk.length === 0 ? undefined : walk[a.int(walk.length)];
          expect(targets.pick(b, chosen, rule)).toBe(expected);
        }
      }
  });
});
