import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../../engine/pipeline';
import { pipelineAt, pipelineEventTimes, sampleIndex } from './pipelineAt';
import { pipelineNowSentence } from './pipelineNowSentence';
import { STREAM_PIPELINE } from './__tests__/streamPipeline';

const PIPELINE = STREAM_PIPELINE;

const run = runPipeline({
  pipeline: PIPELINE,
  cluster: 'classroom',
  faults: [
    { atMs: 3000, kind: 'stopPart', part: 'stream' },
    { atMs: 6000, kind: 'startPart', part: 'stream' },
  ],
});

/** A result with only the fields the sentence reads. */
function fake(over: Partial<PipelineResult>): PipelineResult {
  return {
    ...run,
    parts: [run.parts[0]!],
    timeline: { t: [0, 1000, 2000], held: [[0, 5, 9]], up: [[true, true, false]], displayed: [0, 40, 80] },
    events: [],
    eventsLeftOut: 0,
    ...over,
  };
}

describe('what is happening at t', () => {
  it('finds the last sample at or before t', () => {
    expect(sampleIndex([0, 10, 20], -1)).toBe(0);
    expect(sampleIndex([0, 10, 20], 10)).toBe(1);
    expect(sampleIndex([0, 10, 20], 19.9)).toBe(1);
    expect(sampleIndex([0, 10, 20], 99)).toBe(2);
  });

  it('says how many events were displayed and which part is down since when', () => {
    const s = run.summary;
    expect(s.produced).toBe(2000);
    const before = pipelineNowSentence(run, pipelineAt(run, 0));
    expect(before).toBe("0.00 s: none of the run's 2,000 events displayed yet.");
    const during = pipelineAt(run, 4500);
    expect(during.parts.get('stream')).toMatchObject({ up: false, downSince: 3000 });
    expect(pipelineNowSentence(run, during)).toBe(
      "4.50 s: none of the run's 2,000 events displayed yet; stream down since 3.00 s.",
    );
    const shown = pipelineAt(run, 5500);
    expect(shown.displayed).toBeGreaterThan(0);
    expect(pipelineNowSentence(run, shown)).toBe(
      `5.50 s: ${shown.displayed.toLocaleString('en-US')} of the run's 2,000 events displayed; stream down since 3.00 s.`,
    );
    expect(pipelineAt(run, 6000).parts.get('stream')!.up).toBe(true);
    expect(pipelineNowSentence(run, pipelineAt(run, run.simulatedMs))).toMatch(
      /: the run is over: all 2,000 events displayed\.$/,
    );
  });

  it('counts displayed events exactly: at every sample without a refresh at that instant, the ledger count', () => {
    const refreshAt = new Set(run.events.filter((e) => e.type === 'refresh').map((e) => e.t));
    let checked = 0;
    run.timeline.t.forEach((ts, i) => {
      if (refreshAt.has(ts)) return;
      const at = pipelineAt(run, ts);
      expect(at.exact).toBe(true);
      expect(at.displayed).toBe(run.timeline.displayed[i]);
      checked++;
    });
    expect(checked).toBeGreaterThan(50);
  });

  it('falls back to the sample, and says "at least" and "was down at", past the events the run left out', () => {
    const r = fake({ eventsLeftOut: 5, events: [{ t: 500, type: 'partDown', part: run.parts[0]!.id }] });
    const at = pipelineAt(r, 2500);
    expect(at.exact).toBe(false);
    expect(at.displayed).toBe(80);
    expect(pipelineNowSentence(r, at)).toBe(
      `2.50 s: at least 80 of the run's 2,000 events displayed; ${run.parts[0]!.id} was down at 2.00 s.`,
    );
    // Before the last event kept, the events are exact.
    expect(pipelineAt(r, 400).exact).toBe(true);
  });

  it('steps to downs, ups and refreshes that showed something', () => {
    const times = pipelineEventTimes(run);
    expect(times).toContain(3000);
    expect(times).toContain(6000);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
