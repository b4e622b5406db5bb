import { describe, expect, it } from 'vitest';
import { formatSpan } from './format';
import { netflixDownRun } from '../views/__tests__/viewRuns';
import { pipelineAt } from '../pipeline/pipelineAt';
import { pipelineNowSentence } from '../pipeline/pipelineNowSentence';
import { trendingAt, trendingSentences } from '../views/trendingAt';
import { appWords } from '../views/viewWords';
import { seconds } from '../views/durationWords';
import { msText } from '../../features/pipeline/PipelineRunView';

describe('formatSpan', () => {
  it('gives a stretch under a second in ms, never "0.0 s" (the flow legend said lines stay 0.0 s)', () => {
    expect(formatSpan(18.4)).toBe('18 ms');
    expect(formatSpan(4.2)).toBe('4.2 ms');
    expect(formatSpan(460)).toBe('460 ms');
  });

  it('reads as the labs’ checks say a time from a second on', () => {
    expect(formatSpan(1500)).toBe('1.50 s');
    expect(formatSpan(95_000)).toBe('95.00 s');
    expect(formatSpan(185_000)).toBe('3 min 5 s');
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
