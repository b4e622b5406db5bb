import { describe, expect, it } from 'vitest';
import type { CostModel } from '../cluster';
import { keyedWeight } from './mapReduceCounters';

// A sample whose lines stand for 100 real ones, with the real data's keys (keyScale 1).
const cost = { keyedFraction: 1 / 100 } as CostModel;

describe('keyedWeight: what a combined or reduced record weighs', () => {
  it('charges a record per key by keys: 10 days stay 10 days however many readings each stands for', () => {
    expect(keyedWeight(cost, 10, 10)).toBeCloseTo(0.01, 12);
  });
  it('keeps the data weight of records a pass-through combiner only forwards', () => {
    // 2,000 records in 10 groups: 10 stand for keys, 1,990 for data.
    expect(keyedWeight(cost, 2000, 10)).toBeCloseTo((10 * 0.01 + 1990) / 2000, 12);
  });
  it('is 1 for nothing, and for keys that grow with the data', () => {
    expect(keyedWeight(cost, 0, 0)).toBe(1);
    expect(keyedWeight({ keyedFraction: 1 } as CostModel, 50, 5)).toBe(1);
  });
});
