import { describe, expect, it } from 'vitest';
import { PartitionPauses } from './partitionPauses';

describe("KafkaJS's pause and resume", () => {
  it('resuming a partition of a topic paused whole fetches that partition again', () => {
    const p = new PartitionPauses();
    p.pause([{ topic: 'in' }]);
    p.resume([{ topic: 'in', partitions: [0] }]);
    expect([p.has('in', 0), p.has('in', 1)]).toEqual([false, true]);
    expect(p.among([0, 1].map((partition) => ({ topic: 'in', partition })))).toEqual([
      { topic: 'in', partitions: [1] },
    ]);
  });

  it('pausing some partitions of a topic paused whole leaves only those paused', () => {
    const p = new PartitionPauses();
    p.pause([{ topic: 'in' }]);
    p.pause([{ topic: 'in', partitions: [1] }]);
    expect([p.has('in', 0), p.has('in', 1)]).toEqual([false, true]);
    p.resume([{ topic: 'in' }]);
    expect(p.has('in', 1)).toBe(false);
  });

  it("checks what it is given, with KafkaJS's messages", () => {
    const p = new PartitionPauses();
    expect(() => p.pause([{ topic: 3 as unknown as string }])).toThrow('Invalid topic 3');
    expect(() => p.resume([{ topic: 'in', partitions: ['0'] as unknown as number[] }])).toThrow(
      'Array of valid partitions required to resume specific partitions instead of 0',
    );
  });
});
