/**
 * The timeline (an attempt's hover text and its markers), the DAG's stage failures and the event
 * log word why an attempt ended as the job pages do (attemptReasonText: JobHistory's Note, Spark's
 * Errors): on a German page they left ClusterLab's own error of the learner's reduce (walking its
 * values twice) in English where JobHistory's Note beside them said it in German.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JobRunReport } from '../../../engine/api';
import { changeLanguage } from '../../i18n/i18n';
import { describeEvent } from '../describeEvent';
import { attemptReasonText, describeAttempt } from './attemptText';
import { stageFailureText } from './fetchFailures';
import { toRunView } from './runView';
import { COOKBOOK_9_NODES } from './__tests__/fetchFailureRun';
import { reduceFailure } from './__tests__/reduceFailure';

/** A MapReduce job whose reduce walks its values twice: every reduce attempt fails, then the job. */
async function walkedTwice(): Promise<JobRunReport> {
  const thrown = await reduceFailure(
    '    let n = 0;\n    for (const v of values) n += v;\n    for (const v of values) n += v;',
  );
  const report = (thrown as { report?: JobRunReport } | null)?.report;
  if (!report) throw new Error('the job did not fail as it should');
  return report;
}

const GERMAN = 'die Werte, die reduce bekam, wurden ein zweites Mal durchlaufen';
const ENGLISH = 'the values given to reduce were walked a second time';

describe("an attempt's reason in the timeline, the DAG and the event log", () => {
  afterEach(() => changeLanguage('en'));

  it('is worded as the job pages word it, in German on a German page', async () => {
    const report = await walkedTwice();
    const failed = report.trace.filter((e) => e.type === 'taskFailed' && e.reason?.includes(ENGLISH));
    expect(failed.length).toBeGreaterThan(0);
    const reason = (failed[0] as { reason: string }).reason;
    const texts = () => {
      const view = toRunView(report, COOKBOOK_9_NODES);
      const bar = view.bars.find((b) => b.reason === reason)!;
      const failure = { attempt: 0, at: bar.end, reason, willRetry: true, resubmittedAt: null };
      return {
        timeline: describeAttempt(bar, view.durationMs),
        markers: view.markers.filter((m) => m.kind === 'taskFailed').map((m) => m.text),
        log: failed.map((e) => describeEvent(e)!.text),
        dag: stageFailureText(failure, bar.end),
      };
    };
    const english = texts();
    expect(english.timeline).toContain(`: ${reason}`);
    expect(english.markers.length).toBeGreaterThan(0);
    for (const text of [...english.markers, ...english.log, english.dag]) expect(text).toContain(ENGLISH);

    changeLanguage('de');
    const page = attemptReasonText(reason);
    expect(page).toContain(GERMAN);
    const german = texts();
    expect(german.timeline).toContain(page);
    expect(german.markers.length).toBeGreaterThan(0);
    for (const text of [german.timeline, ...german.markers, ...german.log, german.dag]) {
      expect(text).toContain(page);
      expect(text).not.toContain(ENGLISH);
    }
  }, 60_000);
});
