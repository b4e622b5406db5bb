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

  it('draws the same node by a rack rule (one rack, all but one, any) as by the rule as a function', () => {
    const { cluster } = makeHdfs({ racks: [{ nodes: 4 }, { nodes: 1 }, { nodes: 5 }, { nodes: 2 }] });
    const bad = new Set([1, 4, 6, 7, 10, 11]);
    const targets = new GoodTargets(
      cluster,
      (i) => !bad.has(i),
      () => 0,
    );
    targets.refresh();
    // [only, except]: rack 1's one node and rack 3's two are all bad (an empty rack).
    const rules: [number, number][] = [
      [-1, -1],
      [0, -1],
      [1, -1],
      [2, -1],
      [3, -1],
      [-1, 0],
      [-1, 1],
      [-1, 2],
      [-1, 3],
    ];
    // The last ones list nodes twice: the policy never does, and the draws agree all the same.
    const chosenSets = [
      [],
      [0],
      [0, 8],
      [9, 2, 4],
      [0, 2, 3, 5, 8, 9],
      [4, 10],
      [0, 0, 2, 2],
      [8, 8, 9, 9, 5, 5],
      [0, 0, 2, 2, 3, 3],
    ];
    for (const [only, except] of rules)
      for (const chosen of chosenSets) {
        const rule = (r: number) => (only >= 0 ? r === only : r !== except);
        const a = createRng(5);
        const b = createRng(5);
        for (let draw = 0; draw < 20; draw++) {
          expect(targets.pickOn(b, chosen, only, except)).toBe(targets.pick(a, chosen, rule));
          // The same draws: both generators are still in step.
          expect(b.int(1000)).toBe(a.int(1000));
        }
      }
    // Nodes listed twice can leave fewer than no candidates: pick still draws, and so must pickOn.
    const small = makeHdfs({ racks: [{ nodes: 1 }, { nodes: 1 }, { nodes: 2 }] }).cluster;
    const three = new GoodTargets(
      small,
      (i) => i !== 3,
      () => 0,
    );
    three.refresh();
    const a = createRng(1965);
    const b = createRng(1965);
    expect(three.pickOn(b, [0, 0, 2, 2], -1, -1)).toBe(three.pick(a, [0, 0, 2, 2], () => true));
    expect(b.int(1000)).toBe(a.int(1000));
  });

  it('finds the same node as the rule as a function on a large cluster, with random bad nodes and chosen lists', () => {
    // Racks of uneven sizes (an empty one among them once its nodes are bad), as pickOn finds the
    // k-th node by the racks' starts in the list of good nodes instead of walking to it.
    const sizes = [20, 19, 1, 20, 7, 20, 20, 3, 20, 20];
    const { cluster } = makeHdfs({ racks: sizes.map((nodes) => ({ nodes })) });
    const chance = createRng(2024);
    for (let round = 0; round < 40; round++) {
      const bad = new Set<number>();
      const badShare = chance.int(4) / 4;
      for (let i = 0; i < cluster.nodes.length; i++) if (chance.next() < badShare) bad.add(i);
      if (round % 5 === 0) for (let i = 39; i < 40; i++) bad.add(i); // rack 2's only node
      const targets = new GoodTargets(
        cluster,
        (i) => !bad.has(i),
        () => round,
      );
      targets.refresh();
      for (let t = 0; t < 30; t++) {
        const chosen: number[] = [];
        const size = chance.int(4);
        while (chosen.length < size) {
          const c = chance.int(cluster.nodes.length);
          if (!chosen.includes(c)) chosen.push(c);
        }
        const rack = chance.int(sizes.length);
        const rules: [number, number][] = [
          [-1, -1],
          [rack, -1],
          [-1, rack],
        ];
        const [only, except] = rules[chance.int(3)]!;
        const rule = (r: number) => (only >= 0 ? r === only : r !== except);
        const seed = chance.int(1_000_000);
        const a = createRng(seed);
        const b = createRng(seed);
        expect(targets.pickOn(b, chosen, only, except)).toBe(targets.pick(a, chosen, rule));
        expect(b.int(1000)).toBe(a.int(1000));
      }
    }
  });
});
