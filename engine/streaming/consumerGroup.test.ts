import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Kernel, Trace } from '../core';
import { rangeAssign, roundRobinAssign } from './assignors';
import { ConsumerGroup } from './consumerGroup';
import type { AssignmentStrategy } from './types';

function group(strategy: AssignmentStrategy = 'range', partitions = 6) {
  const kernel = new Kernel();
  const trace = new Trace();
  const g = new ConsumerGroup({ groupId: 'g', topic: 't', partitions, strategy, sessionTimeoutMs: 100 }, kernel, trace);
  return { kernel, trace, g };
}

function owners(assignment: Map<string, number[]>, partitions: number): number[] {
  const count = new Array<number>(partitions).fill(0);
  for (const ps of assignment.values()) for (const p of ps) count[p]!++;
  return count;
}

describe('assignors', () => {
  it('range gives contiguous ranges, first members one extra', () => {
    expect([...rangeAssign(['b', 'a', 'c'], 7)]).toEqual([
      ['a', [0, 1, 2]],
      ['b', [3, 4]],
      ['c', [5, 6]],
    ]);
  });

  it('round-robin deals partitions in turn', () => {
    expect([...roundRobinAssign(['b', 'a'], 5)]).toEqual([
      ['a', [0, 2, 4]],
      ['b', [1, 3]],
    ]);
  });
});

describe('ConsumerGroup', () => {
  it('rebalances when a member joins, times out and comes back', () => {
    const { kernel, g } = group();
    g.join('c1');
    g.join('c2');
    expect(g.assignment.get('c1')).toEqual([0, 1, 2]);
    g.memberFailed('c2');
    kernel.run({ until: 99 });
    expect(g.memberIds).toEqual(['c1', 'c2']);
    kernel.run({ until: 100 });
    expect(g.memberIds).toEqual(['c1']);
    expect(g.assignment.get('c1')).toEqual([0, 1, 2, 3, 4, 5]);
    g.join('c2');
    expect(g.assignment.get('c2')).toEqual([3, 4, 5]);
    expect(g.generation).toBe(4);
  });

  it('refuses commits from a stale generation or for partitions the member does not own', () => {
    const { g } = group();
    g.join('c1');
    const gen = g.generation;
    expect(g.commit('c1', gen, new Map([[0, 10]]))).toBe(true);
    g.join('c2');
    expect(g.commit('c1', gen, new Map([[0, 20]]))).toBe(false);
    expect(g.commit('c1', g.generation, new Map([[5, 20]]))).toBe(true);
    expect(g.committedOffset(0)).toBe(10);
    expect(g.committedOffset(5)).toBeUndefined();
    expect(g.lag(0, 25)).toBe(15);
  });

  it('property: after every rebalance each partition has exactly one owner among the members', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('join' as const), member: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('fail' as const), member: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('leave' as const), member: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('wait' as const), member: fc.constant(0) }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom<AssignmentStrategy>('range', 'round-robin'),
        fc.integer({ min: 1, max: 48 }),
        fc.array(op, { maxLength: 40 }),
        (strategy, partitions, ops) => {
          const { kernel, g } = group(strategy, partitions);
          let checked = 0;
          g.onRebalance((_gen, assignment) => {
            checked++;
            expect([...assignment.keys()].sort()).toEqual([...g.memberIds].sort());
            if (g.memberIds.length > 0) expect(owners(assignment, partitions)).toEqual(new Array(partitions).fill(1));
            else expect(assignment.size).toBe(0);
          });
          for (const o of ops) {
            const m = `c${o.member}`;
            if (o.kind === 'join') g.join(m);
            else if (o.kind === 'fail') g.memberFailed(m);
            else if (o.kind === 'leave') g.leave(m);
            else kernel.run({ until: kernel.now + 150 });
          }
          kernel.run();
          expect(checked).toBe(g.rebalances);
        },
      ),
      { numRuns: 200 },
    );
  });
});
