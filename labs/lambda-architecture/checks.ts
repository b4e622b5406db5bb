/**
 * The lambda-architecture lab's checks: they read what the board's refreshes showed of the
 * serving store's counts per article (the run's view report, engine/pipeline/viewTracker.ts),
 * judged against the ledger's truth: complete at the end, never counting a page view twice,
 * never far behind; and, for Kappa, that one code path computes the counts.
 */
import type { PipelineResult, ViewReport } from '../../engine/pipeline';
import { fail, pass, pipelineRunOf, seconds } from '../checkKit';
import type { CheckVerdict, LabCheck, StepRun } from '../labTypes';

const n = (v: number) => v.toLocaleString('en-US');

/** The views the dashboards show (every one is judged), or why there is none. */
function boardViews(result: PipelineResult): ViewReport[] | string {
  if (result.views.length > 0) return result.views;
  const dashboard = result.parts.find((p) => p.type === 'dashboard');
  const store = result.parts.find((p) => p.id === result.wires.find((w) => w.to === dashboard?.id)?.from);
  if (!dashboard || !store) return 'The pipeline has no dashboard reading a store.';
  if (store.type === 'hdfs')
    return `${dashboard.id} reads the lake (${store.id}): it can list page views, but nothing counts them per article. A counting job writes its results to a store the board reads.`;
  return `${dashboard.id} reads ${store.id}, but no Spark job counting per article (op countByKey) writes to it: it holds raw page views.`;
}

/** Judges every dashboard's view: the first that fails is the verdict; when all pass, the first one's pass. */
function withView(run: StepRun, judge: (view: ViewReport, result: PipelineResult) => CheckVerdict): CheckVerdict {
  const result = pipelineRunOf(run).report.result;
  const views = boardViews(result);
  if (typeof views === 'string') return fail(views);
  let first: CheckVerdict | null = null;
  for (const view of views) {
    if (view.samples.length === 0) return fail(`${view.dashboard} never finished a refresh in this run.`);
    const verdict = judge(view, result);
    if (!verdict.pass) return verdict;
    first ??= verdict;
  }
  return first!;
}

/** The Spark jobs writing a view's store. */
function writersOf(view: ViewReport, result: PipelineResult) {
  return result.wires
    .filter((w) => w.to === view.store)
    .map((w) => result.parts.find((p) => p.id === w.from)!)
    .filter((p) => (p.type === 'spark-batch' || p.type === 'spark-streaming') && p.settings.op === 'countByKey');
}

/** How many runs of a batch job processed events and wrote them. */
function runsOf(result: PipelineResult, part: string): number {
  return result.events.filter((e) => e.type === 'batch' && e.part === part && e.ok && e.events > 0).length;
}

/**
 * Which layers write the board's counts: `batch` only (start with batch) or both, the batch job
 * running at least `minRuns` times and, with `everyMs`, as often as the step says (as
 * netflix-trending's old pipeline checks its hourly job).
 */
export function layersCheck(id: string, want: 'batch' | 'both', minRuns = 1, everyMs?: number): LabCheck {
  return {
    id,
    title:
      want === 'batch' ? 'A batch layer counts for the board' : 'A batch layer and a speed layer count for the board',
    evaluate: (run) =>
      withView(run, (view, result) => {
        const writers = writersOf(view, result);
        const batch = writers.filter((p) => p.type === 'spark-batch');
        const speed = writers.filter((p) => p.type === 'spark-streaming');
        const names = (ps: typeof writers) => ps.map((p) => p.id).join(' and ');
        if (batch.length === 0)
          return fail(
            `No Spark batch job writes the counts ${view.dashboard} reads${speed.length ? ` (only ${names(speed)}, a streaming job)` : ''}: the batch layer recomputes them from the lake.`,
          );
        if (want === 'batch' && speed.length > 0)
          return fail(`${names(speed)} (Spark Streaming) writes ${view.store} too: this step starts with batch alone.`);
        const ran = Math.max(...batch.map((p) => runsOf(result, p.id)));
        if (ran < minRuns)
          return fail(
            `${names(batch)} finished ${ran === 0 ? 'no run' : `only ${ran} run${ran > 1 ? 's' : ''}`} that counted page views in this run; the batch layer must recompute its view at least ${minRuns} times.`,
          );
        const offBeat = everyMs === undefined ? undefined : batch.find((p) => p.settings.everyMs !== everyMs);
        if (offBeat && everyMs !== undefined)
          return fail(
            `${offBeat.id} runs every ${typeof offBeat.settings.everyMs === 'number' ? seconds(offBeat.settings.everyMs) : 'hour (its default)'}, but the step runs the batch layer every ${everyMs === 60_000 ? 'minute' : seconds(everyMs)}: set "everyMs": ${everyMs}.`,
          );
        if (want === 'both' && speed.length === 0)
          return fail(
            `Only ${names(batch)} (Spark batch) writes ${view.store}: no speed layer counts what came in since its last run.`,
          );
        return pass(
          want === 'batch'
            ? `${names(batch)} recomputes ${view.dashboard}'s counts from the lake (${ran} run${ran > 1 ? 's' : ''}).`
            : `${names(batch)} recomputes the batch view (${ran} runs) and ${names(speed)} adds the realtime view, both into ${view.store}.`,
        );
      }),
  };
}

/** At the end of the run, the board's count for every article equals a full recomputation over every page view. */
export function viewMatchesRecomputationCheck(id: string): LabCheck {
  return {
    id,
    title: "The board's counts equal a full recomputation",
    evaluate: (run) =>
      withView(run, (view, result) => {
        const f = view.final;
        if (f.differing === 0 && f.shownAsItEnded)
          return pass(
            `At its last refresh (${seconds(f.lastRefreshMs!)}) the board's count for each of the ${n(f.keys.length)} articles equals a full recomputation over all ${n(f.truthTotal)} page views.`,
          );
        if (f.differing === 0)
          return fail(
            `The counts in ${view.store} equal a full recomputation at the end, but the board never read them as they ended: its last refresh was ${f.lastRefreshMs === null ? 'never' : `at ${seconds(f.lastRefreshMs)}`}.`,
          );
        const wrong = f.keys
          .filter((k) => k.view !== k.truth)
          .slice(0, 3)
          .map((k) => `article ${k.key}: ${n(k.view)} instead of ${n(k.truth)}`);
        const total =
          f.viewTotal > f.truthTotal
            ? `it counts ${n(f.viewTotal)} page views where the readers sent ${n(f.truthTotal)}: some are counted twice`
            : `it counts ${n(f.viewTotal)} of the ${n(f.truthTotal)} page views the readers sent`;
        return fail(
          `At the end the board is wrong for ${n(f.differing)} of ${n(f.keys.length)} articles (${wrong.join('; ')}): ${total}.${replayNote(result, f.viewTotal < f.truthTotal)}`,
        );
      }),
  };
}

/** Where a reprocessing job started reading, when the log had deleted what came before. */
function replayNote(result: PipelineResult, missing: boolean): string {
  if (!missing) return '';
  const replay = result.events.find((e) => e.type === 'reprocess' && e.fromOffset > 0);
  if (!replay || replay.type !== 'reprocess') return '';
  return ` When the new version of ${replay.part} read the log again at ${seconds(replay.t)}, its oldest record was offset ${n(replay.fromOffset)}: the ${n(replay.fromOffset)} before it had been deleted.`;
}

/** No refresh of the board counted a page view twice. */
export function neverDoubleCountedCheck(id: string): LabCheck {
  return {
    id,
    title: 'No page view is ever counted twice',
    evaluate: (run) =>
      withView(run, (view) => {
        const first = view.samples.find((s) => s.doubleCounted > 0);
        if (view.maxDoubleCounted === 0)
          return pass(
            `None of the board's ${n(view.samples.length + view.samplesLeftOut)} refreshes counted a page view twice.`,
          );
        return fail(
          `From ${first ? seconds(first.t) : 'some refresh'} on, the board counted page views twice (at worst ${n(view.maxDoubleCounted)} at once): they were in the batch view and still in the realtime view. Look at what ${view.store} does with a streaming job's counts once a batch run has counted the same page views.`,
        );
      }),
  };
}

/** At every refresh the board was at most `boundMs` behind: every page view older than that was counted. */
export function freshViewCheck(id: string, boundMs: number): LabCheck {
  return {
    id,
    title: `The board is never more than ${seconds(boundMs)} behind`,
    evaluate: (run) =>
      withView(run, (view) => {
        if (view.maxBehindMs <= boundMs)
          return pass(
            `At every refresh the board counted every page view older than ${seconds(Math.max(view.maxBehindMs, 1))}: at worst ${seconds(view.maxBehindMs)} behind.`,
          );
        const worst = view.samples.reduce((a, b) => (b.behindMs > a.behindMs ? b : a));
        const firstLate = view.samples.find((s) => s.behindMs > boundMs)!;
        return fail(
          `From ${seconds(firstLate.t)} on, the board fell more than ${seconds(boundMs)} behind; at worst, at ${seconds(worst.t)}, the oldest page view it did not count had been sent ${seconds(worst.behindMs)} before. The board shows only what a job has written to ${view.store}.`,
        );
      }),
  };
}

/** Kappa: the board's counts come from streaming jobs only, no batch job writes them. */
export function oneCodePathCheck(id: string): LabCheck {
  return {
    id,
    title: 'One code path: only the stream counts',
    evaluate: (run) =>
      withView(run, (view, result) => {
        const writers = result.wires
          .filter((w) => w.to === view.store)
          .map((w) => result.parts.find((p) => p.id === w.from)!)
          .filter((p) => p.type === 'spark-batch' || p.type === 'spark-streaming');
        const batch = writers.filter((p) => p.type === 'spark-batch');
        const streams = writers.filter((p) => p.type === 'spark-streaming');
        if (batch.length > 0)
          return fail(
            `${batch.map((p) => p.id).join(' and ')} (Spark batch) still ${batch.length > 1 ? 'write' : 'writes'} the board's counts into ${view.store}, beside ${streams.length ? streams.map((p) => p.id).join(', ') : 'no streaming job'}: two code paths to keep in step.`,
          );
        return pass(
          `Only ${streams.map((p) => p.id).join(' and ')} (Spark Streaming) ${streams.length > 1 ? 'count' : 'counts'} for the board: one code path.`,
        );
      }),
  };
}
