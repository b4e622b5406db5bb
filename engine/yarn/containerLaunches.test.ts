import { describe, expect, it } from 'vitest';
import { Kernel } from '../core';
import type { Container } from './container';
import { ContainerLaunches } from './containerLaunches';

const fake = (id: number): Container => ({ id }) as unknown as Container;

describe('ContainerLaunches', () => {
  it('starts each container its delay later, in the order a closure per launch would', () => {
    const k = new Kernel();
    const started: string[] = [];
    const launches = new ContainerLaunches(k, (c) => started.push(`${c.id}@${k.now}`));
    // Two delays interleaved, launched at different times, and a plain event between them.
    launches.launch(1000, fake(1));
    launches.launch(500, fake(2));
    k.schedule(500, () => started.push(`x@${k.now}`));
    k.schedule(200, () => {
      launches.launch(1000, fake(3));
      launches.launch(300, fake(4));
      launches.launch(500, fake(5));
    });
    k.run();
    expect(started).toEqual(['2@500', 'x@500', '4@500', '5@700', '1@1000', '3@1200']);
  });

  it('keeps the order past many distinct delays (closures beyond the shared ones)', () => {
    const k = new Kernel();
    const started: number[] = [];
    const launches = new ContainerLaunches(k, (c) => started.push(c.id));
    for (let i = 0; i < 40; i++) launches.launch(100 + (i % 20) * 7, fake(i));
    k.run();
    const expected = Array.from({ length: 40 }, (_, i) => i).sort((a, b) => (a % 20) * 7 - (b % 20) * 7 || a - b);
    expect(started).toEqual(expected);
  });

  it('survives a long stream through one delay (the FIFO compacts)', () => {
    const k = new Kernel();
    let n = 0;
    let last = -1;
    const launches = new ContainerLaunches(k, (c) => {
      expect(c.id).toBe(last + 1);
      last = c.id;
      if (n < 5000) launches.launch(10, fake(n++));
    });
    for (let i = 0; i < 3000; i++) launches.launch(10, fake(n++));
    k.run();
    expect(last).toBe(4999);
  });
});
