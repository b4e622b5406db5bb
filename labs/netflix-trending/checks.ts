/**
 * The netflix-trending lab's checks: they read what each trending row showed at every refresh
 * (the run's view reports, engine/pipeline/trendingRow.ts) against the true top titles of the
 * same moment, and how old the data behind each row was.
 */
import { agePeaks, type AgePeak, type PipelineResult, type ViewReport } from '../../engine/pipeline';
import { ageSeconds, fail, pass, pipelineRunOf, seconds, wholeSeconds } from '../checkKit';
import type { CheckVerdict, LabCheck, StepRun } from '../labTypes';
import { whyStale } from './whyStale';

/*
 * Times as the lab's texts and its run's dashboards say them: an instant of the run as the
 * dashboards' sentences print it (`seconds`: "60.00 s", "1 h 0 min 24 s"), a setting or the
 * lab's bound as the steps' texts give it (`wholeSeconds`: "every 5 s", "more than 30 s old"),
 * an age as the row's caption prints it (`ageSeconds`: "30 s", "30.002 s").
 */

const n = (v: number) => v.toLocaleString('en-US');
const percent = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))}%`;

interface Row {
  view: ViewReport;
  /** The Spark jobs writing the row's store. */
  writers: PipelineResult['parts'];
  kind: 'stream' | 'batch';
}

/** The trending rows of the run: each dashboard showing one, with the jobs behind it. */
function rowsOf(result: PipelineResult): Row[] {
  return result.views
    .filter((v) => v.samples.some((s) => s.trending))
    .map((view) => {
      const writers = result.wires
        .filter((w) => w.to === view.store)
        .map((w) => result.parts.find((p) => p.id === w.from)!)
        .filter((p) => p.type === 'spark-batch' || p.type === 'spark-streaming');
      return { view, writers, kind: writers.some((p) => p.type === 'spark-streaming') ? 'stream' : 'batch' };
    });
}

/** Why the run has no trending row of the kind asked for. */
function noRow(result: PipelineResult, kind: Row['kind']): string {
  const dashboards = result.parts.filter((p) => p.type === 'dashboard');
  const trending = dashboards.filter((p) => p.settings.show === 'trending');
  if (trending.length === 0)
    return dashboards.length === 0
      ? 'The pipeline has no dashboard.'
      : `No dashboard shows a trending row: ${dashboards.map((d) => d.id).join(', ')} ${dashboards.length > 1 ? 'show' : 'shows'} every count or event (show: counts).`;
  const rows = rowsOf(result);
  const storeOf = (dashboard: string) => result.wires.find((w) => w.to === dashboard)?.from ?? 'nothing';
  // Asked for the batch row, a board a batch job writes to is the one to talk about.
  const batchFed = (id: string) =>
    rows.find((r) => r.view.dashboard === id)?.writers.some((w) => w.type === 'spark-batch') ?? false;
  const told =
    kind === 'batch' && trending.some((d) => batchFed(d.id)) ? trending.filter((d) => batchFed(d.id)) : trending;
  const why = told.map((d) => {
    const row = rows.find((r) => r.view.dashboard === d.id);
    if (!row)
      return `${d.id} reads ${storeOf(d.id)}, where no Spark job counting plays per title (op countByKey) writes`;
    const named = row.writers.map((w) => `${w.id} (${w.type === 'spark-batch' ? 'Spark batch' : 'Spark Streaming'})`);
    if (kind === 'batch' && row.writers.some((w) => w.type === 'spark-batch'))
      return `${d.id} ranks what ${named.join(' and ')} write into ${row.view.store}: a streaming job's counts are mixed into it`;
    return `${d.id} ranks what ${named.join(' and ')} ${row.writers.length > 1 ? 'write' : 'writes'}`;
  });
  const job = kind === 'stream' ? 'a `spark-streaming` job' : 'a `spark-batch` job alone';
  return `No trending row ranks what ${job} counted: ${why.join('; ')}.`;
}

/** How old a row's data was at a refresh: the age of the oldest play made by then that its store's counts did not hold. */
function ageAt(s: ViewReport['samples'][number]): number {
  return s.behindMs;
}

const showAge = ageSeconds;

/** What a row's refreshes showed: how old its data got (at any instant) and how often it held the true top titles. */
function measure(row: Row, fromMs: number, endMs: number): string {
  const samples = row.view.samples.filter((s) => s.trending && s.t >= fromMs);
  const shown = samples.filter((s) => s.trending!.row.length > 0);
  if (shown.length === 0) return `${row.view.dashboard} never showed a title`;
  const ages = shown.map(ageAt).sort((a, b) => a - b);
  const top = shown[0]!.trending!.truth.length;
  const full = shown.filter((s) => s.trending!.hits === top).length;
  const worst = agePeaks(row.view, fromMs, endMs).reduce<AgePeak | null>(
    (w, p) => (w && w.ageMs >= p.ageMs ? w : p),
    null,
  );
  const peak = worst ? `at worst ${showAge(worst.ageMs)} old (at ${seconds(worst.atMs)}), ` : '';
  return `${row.view.dashboard}'s data was ${peak}${showAge(ages[Math.floor(ages.length / 2)]!)} old at its median refresh, and it held the true top ${top} at ${percent(full, shown.length)} of its ${n(shown.length)} refreshes with titles`;
}

/** The row the lab asks for: the top 10 titles of the last 10 minutes. */
export const ROW_TOP = 10;
export const ROW_WINDOW_MS = 600_000;

/** Judges every row of `kind` (each must pass): the first that fails is the verdict, else the first one's pass. */
function judgeRow(
  run: StepRun,
  kind: Row['kind'],
  judge: (row: Row, result: PipelineResult) => CheckVerdict,
): CheckVerdict {
  const result = pipelineRunOf(run).report.result;
  const rows = rowsOf(result).filter((r) => r.kind === kind);
  if (rows.length === 0) return fail(noRow(result, kind));
  let first: CheckVerdict | null = null;
  for (const row of rows) {
    const board = result.parts.find((p) => p.id === row.view.dashboard)!;
    if (board.settings.top !== ROW_TOP || board.settings.windowMs !== ROW_WINDOW_MS)
      return fail(
        `${board.id} ranks its top ${board.settings.top} titles over ${wholeSeconds(Number(board.settings.windowMs))}; the row here is the top ${ROW_TOP} of the last ${wholeSeconds(ROW_WINDOW_MS)} (top, windowMs).`,
      );
    const verdict = judge(row, result);
    if (!verdict.pass) return verdict;
    first ??= verdict;
  }
  return first!;
}

/** The old pipeline: a trending row computed by a batch job every `everyMs` from files a collector wrote. */
export function oldPipelineCheck(id: string, everyMs: number): LabCheck {
  return {
    id,
    title: 'The old batch pipeline: collector, S3, an hourly job, the row',
    evaluate: (run) =>
      judgeRow(run, 'batch', (row, result) => {
        const byId = new Map(result.parts.map((p) => [p.id, p]));
        const fedBy = (id: string) => result.wires.filter((w) => w.to === id).map((w) => byId.get(w.from)!);
        const job = row.writers.find((w) => w.type === 'spark-batch')!;
        const store = fedBy(job.id)[0];
        const collector = store ? fedBy(store.id).find((p) => p.type === 'flume') : undefined;
        if (!store || store.type !== 'hdfs' || !collector)
          return fail(
            `${job.id} reads ${store ? store.id : 'nothing'}: the old pipeline's job reads the files a collector (a \`flume\` part) wrote into S3 (an \`hdfs\` part).`,
          );
        if (job.settings.everyMs !== everyMs)
          return fail(
            `${job.id} runs every ${wholeSeconds(job.settings.everyMs as number)}; Netflix's old jobs ran every hour (and every day).`,
          );
        return pass(
          `${row.view.dashboard} shows the row that ${job.id} computes every hour from ${store.id}, where ${collector.id} writes the play events.`,
        );
      }),
  };
}

/** By the end of the run the batch row shows `top` titles; its staleness and hits are measured. */
export function batchRowMeasuredCheck(id: string): LabCheck {
  return {
    id,
    title: 'The old row shows titles, and its age is measured',
    evaluate: (run) =>
      judgeRow(run, 'batch', (row, result) => {
        const last = row.view.samples[row.view.samples.length - 1]!;
        const shownFrom = row.view.samples.find((s) => (s.trending?.row.length ?? 0) > 0);
        if (!shownFrom || last.trending!.row.length < last.trending!.truth.length)
          return fail(
            `By the end of the run ${row.view.dashboard} showed ${last.trending!.row.length} titles: the first run of ${row.writers.map((w) => w.id).join(', ')} had not written its counts yet.`,
          );
        return pass(
          `From ${seconds(shownFrom.t)} on (the first batch run's counts), ${measure(row, shownFrom.t, result.simulatedMs)}.`,
        );
      }),
  };
}

/** The streaming row holds at least `minHits` of the true top titles at every refresh from `fromMs` on. */
export function trendingCorrectCheck(id: string, fromMs: number, minHits: number): LabCheck {
  return {
    id,
    title: `Trending now holds the true top titles (at least ${minHits} of them) at every refresh`,
    evaluate: (run) =>
      judgeRow(run, 'stream', (row) => {
        const samples = row.view.samples.filter((s) => s.trending && s.t >= fromMs);
        if (samples.length === 0) return fail(`${row.view.dashboard} did not refresh after ${seconds(fromMs)}.`);
        if (row.view.maxDoubleCounted > 0) {
          const twice = row.view.samples.find((s) => s.doubleCounted > 0);
          return fail(
            `${row.view.dashboard}'s row counts plays twice (up to ${n(row.view.maxDoubleCounted)} at once${twice ? `, from ${seconds(twice.t)} on` : ''}): ${row.writers.map((w) => w.id).join(' and ')} all write their counts into ${row.view.store}.`,
          );
        }
        const listedBad = samples.find((s) => s.trending!.hits < minHits);
        const worst = row.view.worstTrending;
        const bad = listedBad ?? (worst && worst.t >= fromMs && worst.trending!.hits < minHits ? worst : undefined);
        if (!bad) {
          const full = samples.filter((s) => s.trending!.hits === s.trending!.truth.length).length;
          const all = samples.length + row.view.samplesLeftOut;
          return pass(
            `At every one of ${row.view.dashboard}'s ${n(all)} refreshes from ${seconds(fromMs)} on, its row held at least ${minHits} of the true top ${samples[0]!.trending!.truth.length}, all of them at ${percent(full, samples.length)}${row.view.samplesLeftOut ? ` of the first ${n(samples.length)}` : ''}.`,
          );
        }
        const tr = bad.trending!;
        const titles = (list: { key: number }[]) => list.map((e) => `title ${e.key}`).join(', ');
        return fail(
          `At ${seconds(bad.t)} ${row.view.dashboard}'s row held ${tr.hits} of the true top ${tr.truth.length} (it showed ${tr.row.length ? titles(tr.row) : 'nothing'}; the true row was ${titles(tr.truth)}); its data was ${showAge(ageAt(bad))} old.`,
        );
      }),
  };
}

/**
 * The streaming row's data is never more than `boundMs` old at any instant from `fromMs` on: not
 * only at its refreshes, for between two refreshes the row shown lacks every play made since
 * (engine/pipeline dataAge.ts, the age the app's trending row prints), and a row missing (no
 * refresh yet, the dashboard down, its store out of reach) grows older until the next refresh.
 */
export function trendingFreshCheck(id: string, boundMs: number, fromMs: number): LabCheck {
  return {
    id,
    title: `Trending now is never more than ${wholeSeconds(boundMs)} old, nor missing longer`,
    evaluate: (run) =>
      judgeRow(run, 'stream', (row, result) => {
        const view = row.view;
        const refreshMs = Number(result.parts.find((p) => p.id === view.dashboard)!.settings.refreshMs);
        const first = view.samples.find((s) => s.trending);
        if (!first || first.t - fromMs > boundMs) {
          const why =
            first && first.t - fromMs <= refreshMs
              ? `: it refreshes every ${wholeSeconds(refreshMs)} (refreshMs ${refreshMs})`
              : '';
          return fail(
            first
              ? `${view.dashboard} showed no row until its first refresh at ${seconds(first.t)}, more than ${wholeSeconds(boundMs)} after ${seconds(fromMs)}${why}.`
              : `${view.dashboard} never showed a row.`,
          );
        }
        const peaks = agePeaks(view, fromMs, result.simulatedMs);
        const late = peaks.find((p) => p.ageMs > boundMs);
        if (late) {
          const from = Math.max(fromMs, late.refreshMs, late.atMs - late.ageMs + boundMs);
          const by = late.nextRefreshMs === null ? 'the end of the run' : `its next refresh at ${seconds(late.atMs)}`;
          const old = `${view.dashboard}'s data was more than ${wholeSeconds(boundMs)} old`;
          // Over the bound for less than the times print apart: said as the instant it was.
          const when =
            seconds(from) === seconds(late.atMs)
              ? `Just before ${by} ${old} (${showAge(late.ageMs)})`
              : `From ${seconds(from)} ${old}, ${showAge(late.ageMs)} by ${by}`;
          return fail(`${when}: ${whyStale(result, view, late, boundMs)}.`);
        }
        const listedTo = view.samples[view.samples.length - 1]!.t;
        const gap = view.gaps.find((g) => g.fromMs >= listedTo && g.toMs - Math.max(g.fromMs, fromMs) > boundMs);
        if (view.samplesLeftOut > 0 && (view.maxBehindMs > boundMs || gap))
          return fail(
            gap
              ? `From ${seconds(gap.fromMs)} to ${seconds(gap.toMs)} ${view.dashboard} showed no new row: it was down, or could not read ${view.store}.`
              : `${view.dashboard}'s data was once ${showAge(view.maxBehindMs)} behind the plays, more than ${wholeSeconds(boundMs)}.`,
          );
        const worst = peaks.reduce<AgePeak | null>((w, p) => (w && w.ageMs >= p.ageMs ? w : p), null);
        return pass(
          `From ${seconds(fromMs)} on, ${view.dashboard}'s data was never more than ${showAge(worst?.ageMs ?? 0)} old${worst ? ` (at worst ${worst.nextRefreshMs === null ? 'at the end of the run' : `at ${seconds(worst.atMs)}, just before a refresh`}: it refreshes every ${wholeSeconds(refreshMs)}, and its refreshes lacked the plays of at most the last ${showAge(Math.max(...peaks.map((p) => p.behindMs)))})` : ''}.`,
        );
      }),
  };
}

/** Every play event reached a row by the end of the run. */
export function noPlayLostCheck(id: string): LabCheck {
  return {
    id,
    title: 'No play event is lost',
    evaluate: (run) => {
      const s = pipelineRunOf(run).report.result.summary;
      if (s.displayed === s.produced) return pass(`All ${n(s.produced)} play events reached a row.`);
      return fail(
        `${n(s.displayed)} of ${n(s.produced)} play events reached a row: ${n(s.pending)} were still on their way when the run ended, ${n(s.lost)} were lost.`,
      );
    },
  };
}

/** Both rows ran side by side: their ages and hits are reported together. */
export function bothRowsMeasuredCheck(id: string, fromMs: number): LabCheck {
  return {
    id,
    title: 'Both rows measured side by side',
    evaluate: (run) => {
      const result = pipelineRunOf(run).report.result;
      const rows = rowsOf(result);
      const batch = rows.find((r) => r.kind === 'batch');
      const stream = rows.find((r) => r.kind === 'stream');
      if (!batch) return fail(`The old batch row is gone. ${noRow(result, 'batch')}`);
      if (!stream) return fail(noRow(result, 'stream'));
      return pass(
        `From ${seconds(fromMs)} on: ${measure(batch, fromMs, result.simulatedMs)}; ${measure(stream, fromMs, result.simulatedMs)}.`,
      );
    },
  };
}
