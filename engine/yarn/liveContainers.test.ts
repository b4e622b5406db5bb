import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Container } from './container';
import { LiveContainers } from './liveContainers';

/** A stand-in container: what the table reads (id, nodeIndex, slot). */
const container = (id: number, nodeIndex: number): Container => ({ id, nodeIndex, slot: -1 }) as unknown as Container;

describe('LiveContainers', () => {
  it('holds what was added and not removed: per node, in id order, counted, whatever the order of adds and removes', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), node: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const table = new LiveContainers(5);
        const live: Container[] = [];
        let id = 1;
        for (const o of ops) {
          if (o.kind === 'add') {
            const c = container(id++, o.node);
            table.add(c);
            live.push(c);
          } else if (live.length > 0) {
            const [c] = live.splice(o.pick % live.length, 1);
            table.remove(c!);
            expect(c!.slot).toBe(-1);
          }
        }
        expect(table.size).toBe(live.length);
        expect(table.select(() => true)).toEqual([...live].sort((a, b) => a.id - b.id));
        for (let node = 0; node < 5; node++) {
          const expected = live.filter((c) => c.nodeIndex === node).sort((a, b) => a.id - b.id);
          expect(table.onNode(node)).toEqual(expected);
          expect(table.countOn(node)).toBe(expected.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reuses a freed slot: a table whose containers come and go does not grow', () => {
    const table = new LiveContainers(1);
    let id = 1;
    const live = Array.from({ length: 8 }, () => container(id++, 0));
    for (const c of live) table.add(c);
    for (let round = 0; round < 1000; round++) {
      const c = live.shift()!;
      table.remove(c);
      const next = container(id++, 0);
      table.add(next);
      live.push(next);
      expect(next.slot).toBeLessThan(8);
    }
    expect((table as unknown as { slots: unknown[] }).slots.length).toBe(8);
  });
});
