import { describe, expect, it } from 'vitest';
import { faultTimingOf } from '../../../labs/faultTiming';
import { faultNote } from './faultNote';

describe('faultNote', () => {
  it('an hdfs step names HDFS’s 10 min 30 s and not YARN', () => {
    const note = faultNote([{ atMs: 60_000, kind: 'killNode', node: 'n5' }], faultTimingOf('hdfs'));
    // At 60.00 s, as the step's check says "one DataNode killed at 60.00 s".
    expect(note).toMatch(/^Injected: killed n5 at 60\.00 s\. /);
    expect(note).toContain('10 min 30 s');
    expect(note).not.toMatch(/YARN|NodeManager|after 30 s/);
  });
  it('a job names the labs’ 30 s NodeManager expiry against Hadoop’s 10 min', () => {
    const note = faultNote([{ atMs: 4100, kind: 'killNode', node: 'n2' }], faultTimingOf('mapreduce'));
    expect(note).toContain('NodeManager lost after 30 s');
    expect(note).toContain("Hadoop's default is 10 min");
    expect(note).not.toContain('10 min 30 s');
  });
  it('a slowed node needs no expiry', () => {
    expect(faultNote([{ atMs: 2000, kind: 'slowNode', node: 'n3', factor: 4 }], faultTimingOf('spark'))).toBe(
      'Injected: slowed n3 ×4 at 2.00 s.',
    );
  });
});
