import { describe, expect, it } from 'vitest';
import { LAB_CATALOGUE } from '../../labs/catalogue';
import { firstListedLab, labListOrder } from './labListOrder';

describe('the order of the lab list', () => {
  it('lists every lab of the catalogue once, grouped by the cookbook’s parts', () => {
    const listed = labListOrder().flatMap((g) => g.labs.map((l) => l.id));
    expect([...listed].sort()).toEqual(LAB_CATALOGUE.map((l) => l.id).sort());
    expect(labListOrder()[0]!.title).toBe('labList.groupFoundations');
  });

  it('"Start the first lab" is the first available lab the list shows, not the first in chapter order', () => {
    const first = labListOrder()
      .flatMap((g) => g.labs)
      .find((l) => l.available);
    expect(firstListedLab()).toBe(first);
    expect(firstListedLab()?.id).toBe('scale-up-vs-out');
  });
});
