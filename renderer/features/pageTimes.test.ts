/**
 * Every page says a simulated time as the lab that describes it does, its checks' words (labs/checkKit
 * `seconds`: "60.00 s", "10 min 35 s"; German with the decimal comma, as its checks' `komma`): the
 * HDFS step's event log and cluster map, JobHistory, YARN's pages, the Spark UI's Executors page, the
 * compare view's run names and figures and a stream's faults said "60.0 s" and "10 min 05 s" (the
 * old formatSimTime) beside checks that said "60.00 s" and "10 min 5 s". Only the playback clock
 * reads fixed-width (PlaybackBar.test.ts); the pipeline page has its own test (pipelineTimes.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { runJob, type JobRunReport } from '../../engine/api';
import { resolveClusterSpec } from '../../engine/cluster';
import { createFunctionRunner } from '../../engine/sandbox';
import { seconds as checkSeconds } from '../../labs/checkKit';
import { komma } from '../../labs/germanFormat';
import { clusterOf, runStep } from '../../labs/runStep';
import type { HdfsRunReport } from '../../labs/labTypes';
import hdfsBlocks from '../../labs/hdfs-blocks/lab';
import { changeLanguage } from '../i18n/i18n';
import { ClusterTimeline } from '../viz/clusterTimeline';
import { jobHistoryAt } from '../viz/run/hadoopUi/jobHistory';
import { sparkUiModel } from '../viz/run/sparkUi/sparkUiModel';
import { showFigure } from '../viz/compare/runDifference';
import { fetchFailureRun } from '../viz/run/__tests__/fetchFailureRun';
import { ClusterMapView } from './cluster/ClusterMapView';
import { runLabel } from './compare/runLabel';
import { HdfsPanel } from './lab/HdfsPanel';
import { JobOverview } from './run/hadoopUi/JobOverview';
import { YarnView } from './run/hadoopUi/YarnView';
import { ExecutorsPage } from './run/sparkUi/ExecutorsPage';
import { describeFault as streamFault } from './stream/StreamRunView';
import type { KeptRun } from '../state/runHistory';

/** The old words of a time: one decimal ("60.0 s") or padded seconds ("10 min 05 s"). */
const OLD_WORDS = /\b\d+[.,]\d s\b|\bmin 0\d s\b/;

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) =>
  renderToStaticMarkup(element).replace(/<!-- -->/g, '');

describe('a simulated time on the pages', () => {
  afterEach(() => changeLanguage('en'));

  it('HDFS: the event log and the cluster map say it as hdfs-blocks’ checks do, in English and German', async () => {
    const index = hdfsBlocks.steps.findIndex((s) => s.id === 'kill-datanode');
    const step = hdfsBlocks.steps[index]!;
    if (step.kind !== 'hdfs') throw new Error('kill-datanode is an hdfs step');
    const outcome = await runStep({ lab: hdfsBlocks, stepIndex: index, source: step.solution });
    const report = outcome.report as HdfsRunReport;
    const nodes = resolveClusterSpec(clusterOf(step.run.cluster), 'cluster').nodes.map((n) => ({
      id: n.id,
      rack: n.rack,
      cores: n.cores,
      memoryMb: n.memoryMb,
    }));
    const t = report.simulatedMs;
    const blockSize = report.final.hdfs.blockSize;
    const log = () => [
      ...html(createElement(HdfsPanel, { nodes, trace: report.trace, t, blockSize })).matchAll(
        /<span class="t">([^<]*)<\/span>/g,
      ),
    ];
    const map = () =>
      html(createElement(ClusterMapView, { timeline: new ClusterTimeline(nodes, report.trace), t: 65_432 }));
    const times = log().map((m) => m[1]!);
    // The kill at 60 s and the NameNode's verdict after 10 min 30 s, as the checks print both.
    expect(times).toContain('60.00 s');
    expect(times.some((s) => /^1\d min( [1-9]\d? s)?$/.test(s))).toBe(true);
    const shown = report.trace.filter((e) => e.t <= t).map((e) => checkSeconds(e.t));
    for (const time of times) expect(shown).toContain(time);
    expect(map()).toContain('Cluster map at 65.43 s');

    changeLanguage('de');
    const german = log().map((m) => m[1]!);
    expect(german).toEqual(times.map(komma));
    expect(german).toContain('60,00 s');
    expect(map()).toContain('65,43 s');
    for (const time of german) expect(time).not.toMatch(OLD_WORDS);
  }, 60_000);

  it('JobHistory and YARN: a job’s times as the job labs’ checks say them', async () => {
    const runner = createFunctionRunner();
    let report: JobRunReport;
    try {
      report = await runJob({
        source: {
          fileName: 'job.js',
          code: `exports.default = { kind: 'mapreduce', input: '/in/w.txt', output: '/out/w',
  map(o, line, ctx) { ctx.write(line, 1); },
  reduce(k, values, ctx) { let n = 0; for (const v of values) n += v; ctx.write(k, n); } };`,
        },
        runner,
        cluster: 'cookbook-9',
        seed: 1,
        sampleData: false,
        files: [{ path: '/in/w.txt', bytes: new TextEncoder().encode('a\nb\na\n') }],
      });
    } finally {
      await runner.close();
    }
    const [job] = jobHistoryAt(report, report.simulatedMs);
    const overview = html(createElement(JobOverview, { job: job! }));
    for (const [field, ms] of [
      ['Submitted', job!.submitted],
      ['Started', job!.started],
      ['Finished', job!.finished],
    ] as const)
      expect(overview).toContain(`${field}:</dt><dd>${checkSeconds(ms!)}</dd>`);
    const nodes = resolveClusterSpec(clusterOf('cookbook-9'), 'cluster').nodes.map((n) => ({ id: n.id, rack: n.rack }));
    const yarn = html(createElement(YarnView, { report, nodes, t: report.simulatedMs }));
    expect(yarn).toContain(`>${checkSeconds(job!.finished!)}<`);
    for (const page of [overview, yarn]) expect(page).not.toMatch(OLD_WORDS);
  }, 60_000);

  it('the Spark UI’s Executors page names a killed node’s time as the checks do', async () => {
    const report = await fetchFailureRun();
    const model = sparkUiModel(report);
    const death = model.nodeDeaths[0]!;
    const page = html(createElement(ExecutorsPage, { model, t: death.t + 1 }));
    expect(page).toContain(`${death.node} (at ${checkSeconds(death.t)})`);
  }, 60_000);

  it('the compare view and a stream’s faults', () => {
    const run = { number: 3, at: 0, report: { simulatedMs: 605_000 }, faults: [] } as unknown as KeptRun;
    expect(runLabel(run)).toMatch(/^Run 3 · [^·]+ · 10 min 5 s$/);
    expect(showFigure('ms', 7_110)).toBe('7.11 s');
    expect(streamFault({ kind: 'killBroker', broker: 'n2', atMs: 3000, restartAfterMs: 20_000 })).toBe(
      'broker n2 dies at 3.00 s',
    );
    changeLanguage('de');
    expect(showFigure('ms', 7_110)).toBe('7,11 s');
  });
});
