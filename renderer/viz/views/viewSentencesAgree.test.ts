/**
 * The panel's sentences at the end of playback say what the lambda-architecture lab's checks say
 * of the same run: the same worst figures, the same end-of-run comparison. netflix-trending's
 * checks name a refresh as the panel does ("60.00 s"; they said "60 s").
 */
import { describe, expect, it } from 'vitest';
import type { PipelineResult } from '../../../engine/pipeline';
import type { PipelineStep, StepRun } from '../../../labs/labTypes';
import lab from '../../../labs/lambda-architecture/lab';
import {
  freshViewCheck,
  neverDoubleCountedCheck,
  viewMatchesRecomputationCheck,
} from '../../../labs/lambda-architecture/checks';
import { finalSentence } from './finalCounts';
import { viewAt, viewNowLines } from './viewAt';
import { wordsFor } from './viewWords';
import { lambdaRun, naiveSpeedLayerRun } from './__tests__/viewRuns';
import netflix from '../../../labs/netflix-trending/lab';
import { runStep } from '../../../labs/runStep';
import type { PipelineRunReport } from '../../../labs/labTypes';
import { changeLanguage } from '../../i18n/i18n';

const WORDS = { key: 'article', event: 'page view', events: 'page views' };

const stepRun = (result: PipelineResult, index: number): StepRun => ({
  kind: 'pipeline',
  step: lab.steps[index] as PipelineStep,
  report: { kind: 'pipeline', simulatedMs: result.simulatedMs, result, faults: [] },
  injectedFaults: [],
});

/** The "at worst …" figure of a sentence. */
const worst = (text: string, unit: RegExp) => text.match(unit)?.[1];

describe("the panel's sentences agree with the lab's checks", () => {
  it('how far behind at worst: the batch layer of step 2 alone, every 2 minutes', () => {
    const result = lambdaRun('2-add-the-speed-layer', 'starter');
    const view = result.views[0]!;
    const verdict = freshViewCheck('fresh', 10_000).evaluate(stepRun(result, 1));
    expect(verdict.pass).toBe(false);
    const lines = viewNowLines(view, viewAt(view, result.simulatedMs), wordsFor(view, WORDS));
    const unit = /at worst, at [^,]+, the oldest page view it did not count had been sent (.+?) before/;
    expect(lines[2]).toContain(`at worst ${worst(verdict.reason, unit)!} behind`);
    expect(lines[2]).toBe('So far (209 refreshes): at worst 2 min 50 s behind (at 4 min 20 s); never counted twice.');
  });

  it('counted twice at worst: step 2 with a store that keeps its realtime counts', () => {
    const result = naiveSpeedLayerRun();
    const view = result.views[0]!;
    const verdict = neverDoubleCountedCheck('never-twice').evaluate(stepRun(result, 1));
    expect(verdict.pass).toBe(false);
    const n = worst(verdict.reason, /at worst ([\d,]+) at once/)!;
    const lines = viewNowLines(view, viewAt(view, result.simulatedMs), wordsFor(view, WORDS));
    expect(lines[2]).toContain(`at worst ${n} page views counted twice`);
  });

  it('the end of the run: the same comparison with a full recomputation', () => {
    for (const [result, index] of [
      [lambdaRun('1-start-with-batch', 'solution'), 0],
      [naiveSpeedLayerRun(), 1],
      [lambdaRun('3-kappa', 'starter'), 2],
    ] as const) {
      const view = result.views[0]!;
      const verdict = viewMatchesRecomputationCheck('matches').evaluate(stepRun(result, index));
      const ours = finalSentence(view, wordsFor(view, WORDS));
      if (verdict.pass) expect(ours).toBe(verdict.reason);
      else {
        // The check names the first differing articles; both give the same totals.
        const totals = (text: string) =>
          text
            .slice(text.indexOf('it counts'))
            .match(/\d[\d,]*/g)!
            .slice(0, 2);
        expect(totals(ours)).toEqual(totals(verdict.reason));
        expect(ours.startsWith('At the end the board is wrong for')).toBe(true);
        expect(verdict.reason.startsWith('At the end the board is wrong for')).toBe(true);
      }
    }
  });

  it('Kappa on a starter that still runs the batch job counts twice; its solution never does', () => {
    const starter = lambdaRun('3-kappa', 'starter').views[0]!;
    const solution = lambdaRun('3-kappa', 'solution').views[0]!;
    expect(viewNowLines(starter, viewAt(starter, 420_000), wordsFor(starter, WORDS))[2]).toContain(
      'at worst 662 page views counted twice',
    );
    expect(viewNowLines(solution, viewAt(solution, 420_000), wordsFor(solution, WORDS))[2]).toContain(
      'never counted twice',
    );
  });
});

describe("netflix-trending's checks and the panel", () => {
  it('name a refresh alike: the row the check says it read at 60.00 s is the panel’s "Last refresh at 60.00 s"', async () => {
    const spec = JSON.parse(netflix.steps[1]!.solution) as { parts: { id: string; settings?: object }[] };
    spec.parts.find((p) => p.id === 'recommender')!.settings = { show: 'trending', refreshMs: 60_000 };
    const out = await runStep({ lab: netflix, stepIndex: 1, source: JSON.stringify(spec) });
    const reason = out.checks.find((c) => c.id === 'trending-fresh')!.reason;
    const read = /the row it read at (.+?) already lacked/.exec(reason)?.[1];
    expect(read).toBe('60.00 s');
    const view = (out.report as PipelineRunReport).result.views.find((v) => v.dashboard === 'recommender')!;
    const now = () => viewNowLines(view, viewAt(view, 89_000), wordsFor(view))[0];
    expect(now()).toMatch(new RegExp(`^Last refresh at ${read!.replace('.', '\\.')}\\. `));
    // The German panel says the same instant with its decimal comma.
    await changeLanguage('de');
    try {
      expect(now()).toContain('60,00 s');
    } finally {
      await changeLanguage('en');
    }
  }, 60_000);
});
