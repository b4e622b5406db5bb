import { describe, expect, it } from 'vitest';
import type { Container } from './container';
import { LiveContainers } from './liveContainers';

const container = (id: number): Container => {
  const c = {
    id,
    state: 'allocated',
    get live() {
      return this.state === 'allocated';
    },
  };
  return c as unknown as Container;
};

describe('LiveContainers', () => {
  it('lists the live containers in allocation order as they come and go', () => {
    const live = new LiveContainers();
    const all = Array.from({ length: 300 }, (_, i) => container(i));
    for (const c of all) live.add(c);
    for (const c of all) {
      if (c.id % 3 === 0) continue;
      c.state = 'completed';
      live.delete(c);
    }
    expect(live.size).toBe(100);
    expect(live.toArray().map((c) => c.id)).toEqual(all.filter((c) => c.id % 3 === 0).map((c) => c.id));
    const more = container(300);
    live.add(more);
    expect(live.toArray().at(-1)).toBe(more);
    expect(live.size).toBe(101);
  });

  it('refuses to drop a container that is still live', () => {
    const live = new LiveContainers();
    const c = container(1);
    live.add(c);
    expect(() => live.delete(c)).toThrow(/still live/);
  });
});
