import { describe, expect, it } from 'vitest';
import { PIPELINE, slotFor } from './mapBatches';
import { newRun, newSlot, type Pending, type Slot } from './poolState';

const MB = 1024 * 1024;

function busy(inFlight: number, bytes: number): Slot {
  return { ...newSlot(), inFlight, inFlightBytes: bytes, mapsOnly: true };
}

function mapTask(bytes: number): Pending {
  return { resolve: () => {}, reject: () => {}, kind: 'map', request: 'map', bytes, job: 0 };
}

describe('slotFor', () => {
  const run = newRun('job.js', null);
  run.mapOutputs.set(0, 'small');

  it('gives a worker with one big map task in flight a second while a task waits for every such worker', () => {
    const slots = [busy(1, 4 * MB), busy(1, 4 * MB)];
    expect(slotFor(slots, mapTask(4 * MB), run, 5)).toBe(slots[0]);
    // The last round too: one task for each of the two workers.
    expect(slotFor(slots, mapTask(4 * MB), run, 2)).toBe(slots[0]);
    expect(slotFor([busy(2, 8 * MB), slots[1]!], mapTask(4 * MB), run, 1)).toBe(slots[1]);
    // A last task fewer than the workers waits for an idle one: none queues behind another's second task.
    expect(slotFor(slots, mapTask(4 * MB), run, 1)).toBeNull();
    // A lone worker takes its last task as its second.
    expect(slotFor([busy(1, 4 * MB)], mapTask(4 * MB), run, 1)).not.toBeNull();
  });

  it('keeps two tasks in flight within PIPELINE.pairBytes and more within PIPELINE.bytes', () => {
    expect(slotFor([busy(1, 10 * MB)], mapTask(PIPELINE.pairBytes - 10 * MB + 1), run, 9)).toBeNull();
    expect(slotFor([busy(2, 6 * MB)], mapTask(1), run, 9)).toBeNull();
    const small = busy(2, MB);
    expect(slotFor([small], mapTask(MB), run, 9)).toBe(small);
  });

  it('pipelines only a second task before a map output of the job has been seen, and nothing once they are big', () => {
    const fresh = newRun('job.js', null);
    const one = busy(1, 4 * MB);
    expect(slotFor([one, busy(1, 4 * MB)], mapTask(4 * MB), fresh, 5)).toBe(one);
    expect(slotFor([one, busy(1, 4 * MB)], mapTask(4 * MB), fresh, 1)).toBeNull();
    expect(slotFor([busy(2, MB)], mapTask(MB), fresh, 9)).toBeNull();
    const big = newRun('job.js', null);
    big.mapOutputs.set(0, 'big');
    expect(slotFor([busy(1, MB)], mapTask(MB), big, 9)).toBeNull();
  });
});
