import { afterEach, describe, expect, it } from 'vitest';
import { runJob, type RunEvent } from '../../../engine/api';
import { createFunctionRunner } from '../../../engine/sandbox';
import { changeLanguage } from '../../i18n/i18n';
import { attemptReasonText, attemptStatusText, describeAttempt } from './attemptText';
import { toRunView } from './runView';
import { COOKBOOK_9_NODES, fetchFailureRun } from './__tests__/fetchFailureRun';
import { reduceFailure } from './__tests__/reduceFailure';

/** English an untranslated status or ClusterLab reason would leave in a German text. */
const ENGLISH = /(?<![-\w])(running|succeeded|failed|killed|died|finished|connect|another|job|node|stage)(?![-\w])/;

describe('an attempt in words', () => {
  afterEach(() => changeLanguage('en'));

  it("words the status and ClusterLab's own reasons in German, keeping Spark's FetchFailed(...)", async () => {
    const view = toRunView(await fetchFailureRun(), COOKBOOK_9_NODES);
    const ended = view.bars.filter((b) => b.reason !== null);
    expect(ended.some((b) => b.reason!.startsWith('FetchFailed('))).toBe(true);

    changeLanguage('de');
    const texts = view.bars.map((b) => describeAttempt(b, view.durationMs, 'spark'));
    expect(texts.filter((s) => ENGLISH.test(s))).toEqual([]);
    const fetch = ended.find((b) => b.reason!.startsWith('FetchFailed('))!;
    const german = describeAttempt(fetch, view.durationMs, 'spark');
    expect(german).toContain('fehlgeschlagen');
    expect(german).toContain(`Grund: ${fetch.reason!.slice(0, fetch.reason!.indexOf('): ') + 3)}`);
    expect(german).toMatch(/: keine Verbindung zu n\d$/);
    expect(describeAttempt(fetch, fetch.start, 'spark')).toContain(', läuft;');
  }, 60_000);

  it('maps every reason shape the engine gives, and keeps the English as the engine wrote it', () => {
    const reasons = [
      'FetchFailed(BlockManagerId(n2), shuffleId=0, mapIndex=1, reduceId=4): failed to connect to n2',
      'FetchFailed(null, shuffleId=0, mapIndex=1, reduceId=4): missing an output location',
      'job spark-job-3 finished',
      'job spark-job-3 failed',
      'job failed',
      'node n4 died',
      'another attempt finished first',
      'attempt_00001_m_000003_1 finished first',
      'stage aborted',
      'container 7 lost with node n3',
      'map outputs of 1 map are not available',
      'map outputs of 3 maps are not available',
      'another attempt is committing the output',
      'fetch from n5 failed',
      'fetch failed at shuffle start',
      'task 3 failed 4 times; last: node n4 died',
      'task_00001_m_000002 failed 4 attempts; last: node n4 died',
      'the ApplicationMaster was lost 2 times (last on n2)',
      '/in/w.txt: block blk_1073741825 (#0) has no live replica it can be read from',
      '/in/w.txt: block blk_1073741825 (#0) has no live replica it can be read from (BlockMissingException: the HDFS client asked again 3 times over 17.0 s)',
    ];
    expect(reasons.map(attemptReasonText)).toEqual(reasons);
    expect(['running', 'succeeded', 'failed', 'killed'].map((s) => attemptStatusText(s as 'failed'))).toEqual([
      'running',
      'succeeded',
      'failed',
      'killed',
    ]);
    changeLanguage('de');
    const german = reasons.map(attemptReasonText);
    expect(german.filter((s) => ENGLISH.test(s.replace(/^FetchFailed\(.*?\): /, '')))).toEqual([]);
    expect(german[0]).toBe(
      'FetchFailed(BlockManagerId(n2), shuffleId=0, mapIndex=1, reduceId=4): keine Verbindung zu n2',
    );
    expect(german[2]).toBe('Job spark-job-3 ist fertig');
    expect(german[15]).toBe('Task 3 ist 4-mal fehlgeschlagen; zuletzt: Knoten n4 ist ausgefallen');
    expect(german.slice(16)).toEqual([
      'task_00001_m_000002 scheiterte in 4 Versuchen; zuletzt: Knoten n4 ist ausgefallen',
      'der ApplicationMaster ging 2-mal verloren (zuletzt auf n2)',
      '/in/w.txt: Block blk_1073741825 (#0) hat kein erreichbares Replikat, von dem er gelesen werden kann',
      '/in/w.txt: Block blk_1073741825 (#0) hat kein erreichbares Replikat, von dem er gelesen werden kann (BlockMissingException: Der HDFS-Client hat in 17,0 s 3-mal erneut nachgefragt)',
    ]);
    // A learner's exception keeps its own words.
    expect(attemptReasonText("TypeError: Cannot read properties of undefined (reading 'x')")).toBe(
      "TypeError: Cannot read properties of undefined (reading 'x')",
    );
    expect(attemptStatusText('succeeded')).toBe('erfolgreich');
  });

  it('words a MapReduce job that ran out of attempts, keeping the exception of its map', async () => {
    const runner = createFunctionRunner();
    const code = `exports.default = { kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/t',
  map(o, line, ctx) { throw new Error('boom'); }, reduce(k, values, ctx) {} };`;
    const failed = await runJob({ source: { fileName: 'job.js', code }, runner, cluster: 'cookbook-9', seed: 5 })
      .then(() => null)
      .catch((e: unknown) => e as { report: { trace: RunEvent[] } })
      .finally(() => runner.close());
    const end = failed!.report.trace.find((e) => e.type === 'jobFailed')!;
    const reason = (end as { reason: string }).reason;
    expect(reason).toMatch(/^task_\S+_m_\d+ failed 4 attempts; last: job\.js:2: Error: boom$/);
    expect(attemptReasonText(reason)).toBe(reason);
    changeLanguage('de');
    expect(attemptReasonText(reason)).toMatch(
      /^task_\S+_m_\d+ scheiterte in 4 Versuchen; zuletzt: job\.js:2: Error: boom$/,
    );
  }, 60_000);

  it('words an attempt’s reason on a page (a Note, an Errors cell) as the error box does', async () => {
    const message = (
      (await reduceFailure(
        '    let n = 0;\n    for (const v of values) n += v;\n    for (const v of values) n += v;',
      )) as Error
    ).message;
    // The attempt's own reason: the run's error without the note of the task's attempts.
    const reason = message.replace(/ \(\S+ failed \d+ attempts?, on [^()]+\)$/, '');
    expect(attemptReasonText(reason)).toBe(reason);
    expect(attemptReasonText('node n4 died')).toBe('node n4 died');
    changeLanguage('de');
    expect(attemptReasonText(reason)).toMatch(
      /^job\.js:\d+: Error: die Werte, die reduce bekam, wurden ein zweites Mal/,
    );
    expect(attemptReasonText('node n4 died')).toBe('Knoten n4 ist ausgefallen');
  }, 60_000);
});
