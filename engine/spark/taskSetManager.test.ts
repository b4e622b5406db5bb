import { describe, expect, it } from 'vitest';
import { ZERO_COST } from '../exec/taskTypes';
import { TaskSetManager } from './taskSetManager';

describe('TaskSetManager locality deadlines', () => {
  it('puts a level deadline on the kernel clock (whole microseconds), so the wake-up at it passes the level', () => {
    const set = new TaskSetManager(
      {
        id: 'stage-1',
        tasks: [{ id: 't0', index: 0, preferredNodes: ['n1'], cost: () => ({ ...ZERO_COST }) }],
        maxAttempts: 4,
        localityWaitMs: { process: 3000, node: 3000, rack: 3000 },
        speculation: null,
        onTaskFinished: () => {},
        onFinished: () => {},
      },
      0,
      6144.934,
      { rackOf: () => 0, onNode: () => true, onRack: () => true },
    );
    // 6144.934 + 3000 is 9144.934000000001 in floating point; the kernel wakes at 9144.934.
    expect(6144.934 + 3000).not.toBe(9144.934);
    expect(set.nextLevelAt()).toBe(9144.934);
    const before = set.levelIndex;
    expect(set.allowedLevel(9144.934)).toBeGreaterThan(before);
  });
});
