import { describe, expect, it } from 'vitest';
import { NodeBlocks } from './nodeBlocks';

describe('NodeBlocks', () => {
  it('keeps insertion order and Set semantics across the switch from list to set', () => {
    const s = new NodeBlocks<string>();
    for (const b of ['a', 'b', 'c']) s.addNew(b);
    expect([...s]).toEqual(['a', 'b', 'c']);
    expect(s.size).toBe(3);
    // The first lookup turns the list into a set, in the same order.
    expect(s.has('b')).toBe(true);
    expect(s.has('z')).toBe(false);
    s.add('a'); // already here: nothing changes
    s.addNew('d');
    expect([...s]).toEqual(['a', 'b', 'c', 'd']);
    expect(s.delete('b')).toBe(true);
    expect(s.delete('b')).toBe(false);
    expect([...s]).toEqual(['a', 'c', 'd']);
    expect(s.size).toBe(3);
    s.clear();
    expect(s.size).toBe(0);
    expect([...s]).toEqual([]);
    s.addNew('e');
    s.add('e');
    expect([...s]).toEqual(['e']);
  });

  it('iterates a snapshot-safe copy when spread, as the block manager walks it while deleting', () => {
    const s = new NodeBlocks<number>();
    for (let i = 0; i < 5; i++) s.addNew(i);
    for (const b of [...s]) if (b % 2 === 0) s.delete(b);
    expect([...s]).toEqual([1, 3]);
  });
});
