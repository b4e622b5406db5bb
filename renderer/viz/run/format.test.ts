import { describe, expect, it } from 'vitest';
import { formatMs, formatTime } from './format';
import { netflixDownRun } from '../views/__tests__/viewRuns';
import { pipelineAt } from '../pipeline/pipelineAt';
import { pipelineNowSentence } from '../pipeline/pipelineNowSentence';
import { trendingAt, trendingSentences } from '../views/trendingAt';
import { appWords } from '../views/viewWords';
import { seconds } from '../views/durationWords';
import { msText } from '../../features/pipeline/PipelineRunView';

describe('formatMs', () => {
  it('gives a stretch under a second in ms, never "0.0 s" (the flow legend said lines stay 0.0 s)', () => {
    expect(formatMs(18.4)).toBe('18 ms');
    expect(formatMs(4.2)).toBe('4.2 ms');
    expect(formatMs(460)).toBe('460 ms');
  });

  it('reads as the labs’ checks say a time from a second on', () => {
    expect(formatMs(1500)).toBe('1.50 s');
    expect(formatMs(95_000)).toBe('95.00 s');
    expect(formatMs(185_000)).toBe('3 min 5 s');
  });

  it('says a minute and more as the lab beside it does: "70.15 s", not "1 min 10.2 s" (spark-on-yarn step 1)', () => {
    expect(formatMs(70_150)).toBe('70.15 s');
    expect(formatMs(637_000)).toBe('10 min 37 s');
    expect(formatMs(4_500_000)).toBe('1 h 15 min');
    expect(formatMs(Number.NaN)).toBe('–');
  });

  it('never says a stretch that exists is 0, nor a second "1000 ms"', () => {
    expect(formatMs(0.02)).toBe('<0.1 ms');
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(999.6)).toBe('1.00 s');
  });
});

describe('formatTime', () => {
  it('says an instant as the checks do under two minutes, and keeps its tenth after', () => {
    expect(formatTime(812)).toBe('0.81 s');
    expect(formatTime(0)).toBe('0.00 s');
    expect(formatTime(70_150)).toBe('70.15 s');
    expect(formatTime(605_400)).toBe('10 min 5.4 s');
    expect(formatTime(622_340)).toBe('10 min 22.3 s');
    expect(formatTime(3_605_400)).toBe('1 h 0 min 5.4 s');
    expect(formatTime(659_960)).toBe('11 min 0.0 s');
    // Two attempts a tenth apart read apart; the checks' whole seconds said both "4 min 5 s".
    expect(formatTime(245_180)).not.toBe(formatTime(245_290));
    expect(formatTime(Number.NaN)).toBe('–');
  });
});

describe('the sentence beside the views, in a run over an hour', () => {
  it('says an hour as the trending rows and the checks do: "1 h 1 min 35 s", not "61 min 35 s"', () => {
    const result = netflixDownRun();
    const t = 3_695_000;
    const now = pipelineNowSentence(result, pipelineAt(result, t));
    const row = trendingAt(
      result.views.find((v) => v.dashboard === 'recommender')!,
      t,
      result.parts.find((p) => p.id === 'recommender'),
      { views: result.views, parts: result.parts, downSince: 3_600_000 },
    )!;
    const [down] = trendingSentences(row, appWords(true));
    expect(seconds(t)).toBe('1 h 1 min 35 s');
    expect(now).toMatch(/^1 h 1 min 35 s: .*recommender down since 1 h\b/);
    expect(down).toMatch(/^recommender is down since 1 h and shows no row/);
    expect(now).not.toMatch(/6\d min/);
    // The run's table says the outage and the run's length as the checks do.
    expect(msText(result.parts.find((p) => p.id === 'recommender')!.downMs)).toBe('10 min');
    expect(msText(result.simulatedMs)).toBe(seconds(result.simulatedMs));
    expect(seconds(result.simulatedMs)).toBe('2 h 31 min');
    // 59 min 59.6 s is an hour, not "60 min" (nor "59 min 60 s").
    expect(seconds(3_599_600)).toBe('1 h');
    expect(seconds(185_000)).toBe('3 min 5 s');
  });
});
