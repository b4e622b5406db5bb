import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { runJob, type JobRunReport, type RunJobOptions } from '../../../engine/api';
import { createFunctionRunner } from '../../../engine/sandbox';
import { describeEvent } from '../describeEvent';
import { stageFailureAt } from './drawDag';
import { toRunView } from './runView';
import { stageProgressAt } from './runStages';

// A word count: map stage 0 writes shuffle 0, result stage 1 reads it.
const JOB = `exports.default = async (sc) =>
  sc.textFile('/data/corpus.txt', 6).flatMap((l) => l.split(/\\s+/)).filter((w) => w).map((w) => [w, 1])
    .reduceByKey((a, b) => a + b).collect();`;
const nodes = Array.from({ length: 9 }, (_, i) => ({ id: `n${i + 1}`, rack: `r${Math.floor(i / 3) + 1}` }));

async function run(faults: RunJobOptions['faults'] = []): Promise<JobRunReport> {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'wc.js', code: JOB },
      runner,
      cluster: 'cookbook-9',
      seed: 5,
      blockSize: 256 * 1024,
      faults,
      snapshots: false,
    });
  } finally {
    await runner.close();
  }
}

/** The run with the node of a map output killed just after the reduce stage was submitted. */
async function withFetchFailures(): Promise<JobRunReport> {
  const base = await run();
  const reduce = base.trace.find((e) => e.type === 'stageSubmitted' && e.stage === 1)!;
  const victim = base.trace.flatMap((e) => (e.type === 'taskFinished' && e.taskSet === 'stage-0' ? [e.node] : []))[0]!;
  return run([{ atMs: reduce.t + 1, kind: 'killNode', node: victim }]);
}

describe('the pictures tell the truth about fetch failures', () => {
  afterEach(() => changeLanguage('en'));

  it('marks FetchFailed attempts apart from code failures, and the DAG names the failed, resubmitted stage attempt', async () => {
    const report = await withFetchFailures();
    const view = toRunView(report, nodes);
    const failed = view.bars.filter((b) => b.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((b) => b.fetchFailed && b.reason?.startsWith('FetchFailed('))).toBe(true);
    expect(view.markers.some((m) => m.kind === 'taskFetchFailed')).toBe(true);
    expect(view.markers.some((m) => m.kind === 'taskFailed')).toBe(false);
    expect(view.markers.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['fetchFailed', 'stageFailed', 'stageResubmitted']),
    );

    const stage = view.stages.find((s) => s.stageId === 1)!;
    const failure = stage.failures![0]!;
    expect([failure.attempt, failure.willRetry, failure.resubmittedAt! > failure.at]).toEqual([0, true, true]);
    expect(stageFailureAt(stage, failure.at - 1)).toBe('');
    expect(stageFailureAt(stage, failure.at)).toBe('attempt 0 failed: fetch failure, to be resubmitted');
    expect(stageFailureAt(stage, view.durationMs)).toBe('attempt 0 failed: fetch failure, resubmitted');
    expect(view.stages.find((s) => s.stageId === 0)!.failures).toBeUndefined();
    // Both stages end done: the map stage's rerun of its lost partitions joins its first attempt.
    expect(view.stages.map((s) => stageProgressAt(s, view.bars, view.durationMs).state)).toEqual(['done', 'done']);
  });

  it('the event log describes the fetch failure, the failed stage and its resubmission', async () => {
    const report = await withFetchFailures();
    const texts = report.trace.flatMap((e) =>
      e.type === 'fetchFailed' || e.type === 'stageFailed' || e.type === 'stageResubmitted'
        ? [describeEvent(e)?.text]
        : [],
    );
    expect(texts.find((t) => t?.includes('fetch failure in stage 1'))).toMatch(
      /could not fetch map output \d+ of shuffle 0 \(stage 0\): from n\d/,
    );
    expect(texts).toContain('Spark: stage 1 attempt 0 failed (fetch failure)');
    expect(texts).toContain(
      'Spark: stages 1, 0 resubmitted after a fetch failure: the map stage re-runs the lost outputs',
    );
  });

  it('the German event log and markers say why in German', async () => {
    const report = await withFetchFailures();
    await changeLanguage('de');
    const resubmitted = report.trace.flatMap((e) => (e.type === 'stageResubmitted' ? [describeEvent(e)!.text] : []));
    expect(resubmitted).toEqual([
      'Spark: Stages 1, 0 nach einem Fetch-Fehler erneut übergeben: Die Map-Stage berechnet die verlorenen Ausgaben neu',
    ]);
    // The timeline's markers word ClusterLab's reasons too, and keep Spark's FetchFailed(...) as it is.
    const markers = toRunView(report, nodes).markers.map((m) => m.text.replace(/FetchFailed\(.*?\): /, ''));
    expect(markers.filter((m) => /(?<![-\w])(failed|connect|finished|job|node)(?![-\w])/.test(m))).toEqual([]);
    expect(markers).toContain('Stage 1, Versuch 0 fehlgeschlagen: keine Verbindung zu n3');
  });
});
