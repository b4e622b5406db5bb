import { describe, expect, it } from 'vitest';
import {
  crashNotice,
  crashNoticeSeen,
  FAILED_RUN_LINGER_MS,
  forgetRun,
  RUN_MARKER_KEY,
  runEnded,
  runStarting,
  takeCrashedRun,
} from './runMarker';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('the run marker', () => {
  it('is there while a run goes on and gone when it ended', () => {
    const storage = memoryStorage();
    const token = runStarting({ kind: 'lab', labId: 'mapreduce-iot-averages', step: 0, title: 'Daily' }, storage);
    expect(storage.items.has(RUN_MARKER_KEY)).toBe(true);
    runEnded(token, 'finished', storage);
    expect(storage.items.has(RUN_MARKER_KEY)).toBe(false);
    expect(takeCrashedRun(storage)).toBeNull();
  });

  it("an older run's end leaves a newer run's marker", () => {
    const storage = memoryStorage();
    const old = runStarting({ kind: 'sandbox' }, storage);
    const newer = runStarting({ kind: 'sandbox' }, storage);
    runEnded(old, 'finished', storage);
    expect(storage.items.has(RUN_MARKER_KEY)).toBe(true);
    runEnded(newer, 'finished', storage);
    expect(storage.items.has(RUN_MARKER_KEY)).toBe(false);
  });

  it('left behind by a crash, its notice names the step and memory, and stays through reloads until dismissed or another run starts', () => {
    const storage = memoryStorage();
    runStarting({ kind: 'lab', labId: 'mapreduce-iot-averages', step: 1, title: 'Daily averages' }, storage);
    const crashed = takeCrashedRun(storage);
    expect(crashed?.place).toEqual({ kind: 'lab', labId: 'mapreduce-iot-averages', step: 1, title: 'Daily averages' });
    expect(crashNotice(crashed!)).toMatch(
      /^Your last run stopped the page — probably it used too much memory: the run of step 2 \(“Daily averages”\) did not finish\. Your code is saved\./,
    );
    // Reloaded again (F5 twice), the page still says so; dismissed, it does not.
    forgetRun(storage);
    expect(takeCrashedRun(storage)?.place).toEqual(crashed?.place);
    crashNoticeSeen(storage);
    expect(takeCrashedRun(storage)).toBeNull();
    // A new run after a crash ends the old notice too.
    runStarting({ kind: 'sandbox' }, storage);
    runEnded(1_000_000, 'finished', storage);
    storage.setItem(RUN_MARKER_KEY, JSON.stringify({ token: 7, place: { kind: 'sandbox' } }));
    expect(takeCrashedRun(storage)).not.toBeNull();
    runStarting({ kind: 'sandbox' }, storage);
    forgetRun(storage);
    expect(takeCrashedRun(storage)).toBeNull();
  });

  it('a run that failed or was stopped keeps it a while: a worker stopped mid-collection can still take the page down', () => {
    const storage = memoryStorage();
    const timers: { fire: () => void; ms: number }[] = [];
    const schedule = (fire: () => void, ms: number) => void timers.push({ fire, ms });
    const token = runStarting({ kind: 'sandbox' }, storage);
    runEnded(token, 'failed', storage, schedule);
    expect(timers.map((t) => t.ms)).toEqual([FAILED_RUN_LINGER_MS]);
    // The page goes down within the linger: the reloaded page names the run.
    const copy = memoryStorage();
    for (const [k, v] of storage.items) copy.setItem(k, v);
    expect(crashNotice(takeCrashedRun(copy)!)).toMatch(/your last run in the sandbox did not finish/);
    // The page lives on: the marker goes.
    timers[0]!.fire();
    expect(storage.items.has(RUN_MARKER_KEY)).toBe(false);
    // A newer run's marker is not removed by an older failed run's timer.
    const failed = runStarting({ kind: 'sandbox' }, storage);
    runEnded(failed, 'failed', storage, schedule);
    runStarting({ kind: 'sandbox' }, storage);
    timers[1]!.fire();
    expect(storage.items.has(RUN_MARKER_KEY)).toBe(true);
  });

  it('a page left normally forgets it; a garbled marker still counts as a crash', () => {
    const storage = memoryStorage();
    runStarting({ kind: 'sandbox' }, storage);
    forgetRun(storage);
    expect(takeCrashedRun(storage)).toBeNull();
    storage.setItem(RUN_MARKER_KEY, '{not json');
    expect(crashNotice(takeCrashedRun(storage)!)).toMatch(/your last run in the sandbox did not finish/);
  });

  it('a storage that throws never stops a run', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const token = runStarting({ kind: 'sandbox' }, broken);
    expect(() => runEnded(token, 'finished', broken)).not.toThrow();
    expect(() => runEnded(token, 'failed', broken, (fire) => fire())).not.toThrow();
    expect(takeCrashedRun(broken)).toBeNull();
  });
});
