import { describe, expect, it } from 'vitest';
import { SnapshotRecorder, snapshotAt } from './snapshotRecorder';

/** A recorder over a clock: each snapshot is the time it was taken. */
function film(options: ConstructorParameters<typeof SnapshotRecorder>[1], notes: number[], end: number) {
  let now = 0;
  const recorder = new SnapshotRecorder(() => ({ t: now }), options);
  for (const t of notes) {
    now = t;
    recorder.note(t);
  }
  now = end;
  recorder.finish(end);
  return recorder.frames.map((f) => f.t);
}

describe('SnapshotRecorder', () => {
  it('takes at most one snapshot per interval and always the final state', () => {
    expect(film({ intervalMs: 1000 }, [0, 200, 1000, 1500, 2100], 3000)).toEqual([0, 1000, 2100, 3000]);
  });

  it('halves a full film and doubles its interval, so a long run stays covered evenly', () => {
    const frames = film({ intervalMs: 10, max: 4 }, [0, 10, 20, 30, 40, 50, 60, 70], 80);
    expect(frames.length).toBeLessThanOrEqual(4);
    expect(frames[0]).toBe(0);
    expect(frames.at(-1)).toBe(80);
  });

  it('keeps only the final state without a film', () => {
    expect(film({ film: false }, [0, 1000, 2000, 3000], 3500)).toEqual([3500]);
  });

  it('finds the frame at or before t', () => {
    const frames = [{ t: 0 }, { t: 10 }, { t: 20 }];
    expect(snapshotAt(frames, 15)).toEqual({ t: 10 });
    expect(snapshotAt(frames, 20)).toEqual({ t: 20 });
    expect(snapshotAt(frames, -1)).toEqual({ t: 0 });
  });
});
