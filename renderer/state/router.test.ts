import { describe, expect, it } from 'vitest';
import { hashToView, viewToHash } from './router';

describe('router', () => {
  it('round-trips every view', () => {
    for (const view of [
      { name: 'home' },
      { name: 'sandbox', tab: 'sql' },
      { name: 'lab', labId: 'hdfs-blocks', step: 2 },
      { name: 'lab', labId: 'hdfs-blocks', step: 0, mode: 'practice' },
      { name: 'lab', labId: 'spark-in-memory', step: 3, mode: 'reference' },
      { name: 'api', member: null },
      { name: 'api', member: 'RDD.map' },
    ] as const) {
      expect(hashToView(viewToHash(view))).toEqual(view);
    }
  });
  it('falls back to home or step 1 for nonsense', () => {
    expect(hashToView('#/nowhere')).toEqual({ name: 'home' });
    expect(hashToView('#/lab/x/abc')).toEqual({ name: 'lab', labId: 'x', step: 0 });
    expect(hashToView('#/lab/x/2/bogus')).toEqual({ name: 'lab', labId: 'x', step: 1 });
    expect(hashToView('#/sandbox/bogus')).toEqual({ name: 'sandbox', tab: 'cluster' });
  });
});
