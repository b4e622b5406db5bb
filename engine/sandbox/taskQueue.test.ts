import { describe, expect, it } from 'vitest';
import { TaskQueue } from './taskQueue';

describe('TaskQueue', () => {
  it('is first in, first out, across its compactions', () => {
    const q = new TaskQueue<number>();
    for (let i = 0; i < 20_000; i++) q.push(i);
    const out: number[] = [];
    for (let i = 0; i < 15_000; i++) out.push(q.shift()!);
    q.push(20_000);
    expect(q.length).toBe(5_001);
    expect(q.peek()).toBe(15_000);
    while (q.length > 0) out.push(q.shift()!);
    expect(out).toEqual(Array.from({ length: 20_001 }, (_, i) => i));
    expect(q.shift()).toBeUndefined();
    expect(q.peek()).toBeUndefined();
  });

  it('puts given-back items at the front in their order, with or without room before the head', () => {
    const q = new TaskQueue<string>();
    for (const x of ['a', 'b', 'c', 'd']) q.push(x);
    const taken = [q.shift()!, q.shift()!];
    q.unshiftAll(taken); // room: written back in place
    expect(q.drain()).toEqual(['a', 'b', 'c', 'd']);
    q.push('e');
    q.unshiftAll(['x', 'y']); // no room before the head
    q.unshiftAll([]);
    expect(q.length).toBe(3);
    expect(q.drain()).toEqual(['x', 'y', 'e']);
    expect(q.length).toBe(0);
  });
});
