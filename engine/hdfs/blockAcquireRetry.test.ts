import { describe, expect, it } from 'vitest';
import { DFS_CLIENT_RETRY, blockAcquireWaitMs } from './blockAcquireRetry';

describe("the HDFS client's waits for a block it cannot reach", () => {
  it('grow as DFSInputStream waits: a grace period of 3 s per earlier failure plus a random share of a widening window', () => {
    const base = DFS_CLIENT_RETRY.retryWindowBaseMs;
    for (let failures = 0; failures < DFS_CLIENT_RETRY.maxBlockAcquireFailures; failures++) {
      const waits = Array.from({ length: 200 }, (_, k) => blockAcquireWaitMs(failures, `attempt_${k}`));
      for (const w of waits) {
        expect(Number.isInteger(w)).toBe(true);
        expect(w).toBeGreaterThanOrEqual(base * failures);
        expect(w).toBeLessThan(base * failures + base * (failures + 1));
      }
      // Spread over the window, not one value.
      expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(base * (failures + 1) * 0.8);
    }
  });

  it('are the same for the same reader and try: a run waits the same every time', () => {
    expect(blockAcquireWaitMs(1, 's0.t3.0')).toBe(blockAcquireWaitMs(1, 's0.t3.0'));
    expect(blockAcquireWaitMs(1, 's0.t3.0')).not.toBe(blockAcquireWaitMs(1, 's0.t3.1'));
  });
});
