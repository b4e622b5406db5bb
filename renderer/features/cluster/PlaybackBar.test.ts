/**
 * The playback clock keeps its width as it runs: past an hour, the checks' "1 h 1 min 5 s" and
 * "1 h 1 min 35 s" differ by a character, and the scrubber and controls beside the clock jumped
 * every second. The clock has fixed-width fields, and is as wide as its reading at the run's end
 * from the start; sentences, and the scrubber's spoken value, keep the checks' words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { changeLanguage } from '../../i18n/i18n';
import { formatClock } from '../../viz/run/format';
import { seconds } from '../../viz/views/durationWords';
import { PlaybackBar, clockWidth } from './PlaybackBar';
import type { Playback } from './usePlayback';

const playbackAt = (t: number): Playback => ({
  t,
  playing: true,
  speed: 1,
  play() {},
  pause() {},
  restart() {},
  seek() {},
  setSpeed() {},
});

/** The clock's text and its min-width (ch) as the bar renders them. */
function clockOf(t: number, durationMs: number): { text: string; width: number } {
  const html = renderToStaticMarkup(createElement(PlaybackBar, { playback: playbackAt(t), durationMs }));
  const m = /<span class="clock" data-testid="sim-clock" style="min-width:(\d+)ch">([^<]*)<\/span>/.exec(html);
  expect(m, html).not.toBeNull();
  return { text: m![2]!.replace(/<!-- -->/g, ''), width: Number(m![1]) };
}

describe('the playback clock', () => {
  afterEach(() => changeLanguage('en'));

  it('reads with fixed-width fields: "1 h 01 min 05 s", every second past an hour as wide as the next', () => {
    expect(formatClock(3_665_000)).toBe('1 h 01 min 05 s');
    expect(formatClock(3_695_000)).toBe('1 h 01 min 35 s');
    expect(formatClock(3_600_000)).toBe('1 h 00 min 00 s');
    expect(formatClock(185_000)).toBe('3 min 05 s');
    expect(formatClock(4_200)).toBe('4.2 s');
    // 59.96 s is a minute on the clock, not "60.0 s".
    expect(formatClock(59_960)).toBe('1 min 00 s');
    const widths = new Set<number>();
    for (let t = 3_600_000; t < 3_720_000; t += 1000) widths.add(formatClock(t).length);
    expect([...widths]).toEqual([15]);
    // Sentences keep their words.
    expect(seconds(3_665_000)).toBe('1 h 1 min 5 s');
  });

  it('speaks the scrubber’s value as the labs’ checks say a time, only the clock fixed-width', () => {
    const html = renderToStaticMarkup(
      createElement(PlaybackBar, { playback: playbackAt(185_000), durationMs: 600_000 }),
    );
    expect(html).toContain('aria-valuetext="3 min 5 s"');
    expect(html).toContain('3 min 05 s / 10 min 00 s');
  });

  it('keeps its width in the bar from the start of a run to its end, so the scrubber does not jump', () => {
    const end = 2 * 3_600_000 + 31 * 60_000;
    const readings = [0, 4_200, 65_000, 3_665_000, 3_695_000, end].map((t) => clockOf(t, end));
    expect(readings[3]!.text).toBe('1 h 01 min 05 s / 2 h 31 min 00 s');
    expect(readings[4]!.text).toBe('1 h 01 min 35 s / 2 h 31 min 00 s');
    for (const r of readings) {
      expect(r.width).toBe(clockWidth(end));
      expect(r.text.length).toBeLessThan(r.width);
    }
    expect(readings[5]!.text.length).toBe(clockWidth(end) - 1);
  });

  it('uses the decimal comma in German', () => {
    changeLanguage('de');
    expect(formatClock(4_200)).toBe('4,2 s');
    expect(clockOf(12_400, 30_000).text).toBe('12,4 s / 30,0 s');
  });
});
