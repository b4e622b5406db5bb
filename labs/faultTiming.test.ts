import { describe, expect, it } from 'vitest';
import { faultTimingOf, formatInterval, LAB_NODE_EXPIRY_MS } from './faultTiming';

describe('faultTimingOf', () => {
  it('hdfs steps: only HDFS reacts, after Hadoop’s 10 min 30 s', () => {
    const t = faultTimingOf('hdfs');
    expect(t.kind).toBe('hdfs');
    expect(t.dataNodeDeadMs).toBe(630_000);
    expect(t.nodeManagerExpiryMs).toBe(600_000);
  });
  it('job steps: YARN’s NodeManager expiry is the labs’ 30 s, not the 10 min default', () => {
    for (const kind of ['mapreduce', 'spark'] as const) {
      const t = faultTimingOf(kind);
      expect(t.kind).toBe('job');
      expect(t.nodeManagerExpiryMs).toBe(LAB_NODE_EXPIRY_MS);
      expect(t.defaultNodeManagerExpiryMs).toBe(600_000);
    }
  });
});

describe('formatInterval', () => {
  it('says intervals as people do', () => {
    expect(formatInterval(630_000)).toBe('10 min 30 s');
    expect(formatInterval(600_000)).toBe('10 min');
    expect(formatInterval(30_000)).toBe('30 s');
    expect(formatInterval(3000)).toBe('3 s');
    expect(formatInterval(1500)).toBe('1.5 s');
    expect(formatInterval(250)).toBe('250 ms');
    expect(formatInterval(3_900_000)).toBe('1 h 5 min');
  });
});
