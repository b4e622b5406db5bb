import { describe, expect, it } from 'vitest';
import { fittedSpeedNote, speedFor } from './speedFit';

describe('fitting playback to about 20 seconds', () => {
  it('picks the slowest speed that plays the run in 20 s or less', () => {
    expect(speedFor(12_400)).toBe(1);
    expect(speedFor(20_000)).toBe(1);
    expect(speedFor(20_001)).toBe(2);
    expect(speedFor(280_000)).toBe(16);
    expect(speedFor(200)).toBe(0.25);
    expect(speedFor(10 * 3_600_000)).toBe(64);
  });

  it('says what it did in one sentence, the run’s length as the labs’ checks say a time', () => {
    expect(fittedSpeedNote(16, 280_000)).toBe('Plays at 16× so the 4 min 40 s run takes about 18 s');
    expect(fittedSpeedNote(16, 185_000)).toBe('Plays at 16× so the 3 min 5 s run takes about 12 s');
    expect(fittedSpeedNote(1, 12_400)).toBe('Plays at 1× so the 12.40 s run takes about 12 s');
    expect(fittedSpeedNote(0.25, 200)).toBe('Plays at 0.25× so the 0.20 s run takes about 0.8 s');
    expect(fittedSpeedNote(64, 10 * 3_600_000)).toBe('Plays at 64× so the 10 h run takes about 9 min 23 s');
    // The watching time is real time, "about": rounded as a reader says it, not "95.00 s".
    expect(fittedSpeedNote(64, 95 * 64_000)).toBe('Plays at 64× so the 1 h 41 min 20 s run takes about 1 min 35 s');
  });
});
