/**
 * Small pure helpers the labs' checks share: verdicts, comparing a job's keyed result with a
 * plain computation, counting tasks from the attempts, and formatting times and ratios the way
 * the reasons print them.
 */
import type { CounterName, JobRunReport, KafkaJobReport } from '../engine/api';
import type { AttemptRecord } from '../engine/exec';
import type { CheckVerdict, LabLocale, StepRun } from './labTypes';
import { anzahl, dezimal, zahl } from './germanFormat';
import { noun, plural } from './plural';
import { relativeTolerance } from './relativeTolerance';

/** A verdict; `reasons` gives the reason in other locales (`{ de: '...' }`), where a lab writes them. */
export const pass = (reason: string, reasons?: CheckVerdict['reasons']): CheckVerdict =>
  reasons ? { pass: true, reason, reasons } : { pass: true, reason };
export const fail = (reason: string, reasons?: CheckVerdict['reasons']): CheckVerdict =>
  reasons ? { pass: false, reason, reasons } : { pass: false, reason };

/** Simulated ms as "3.12 s" (or "12 min 30 s", "4 min", "3 h 0 min 58 s" when long). */
export function seconds(ms: number): string {
  // From the whole seconds: 59 min 59.6 s is an hour, not "60 min".
  if (Math.round(ms / 1000) >= 3600) {
    const total = Math.round(ms / 1000);
    const h = Math.floor(total / 3600);
    const min = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return `${h} h${min || s ? ` ${min} min` : ''}${s ? ` ${s} s` : ''}`;
  }
  if (ms >= 120_000) {
    const rest = Math.round((ms % 60_000) / 1000);
    // 59.6 s rounds up to the next minute, not to "60 s".
    const min = Math.floor(ms / 60_000) + (rest === 60 ? 1 : 0);
    return rest === 0 || rest === 60 ? `${min} min` : `${min} min ${rest} s`;
  }
  return `${(Math.round(ms / 10) / 100).toFixed(2)} s`;
}

/** The seconds of `ms` when `seconds` would print a whole number of them under 2 min ("30.00 s"), else null. */
export function wholeSecondsOf(ms: number): number | null {
  return ms < 120_000 && Math.round(ms / 10) % 100 === 0 ? Math.round(ms / 1000) : null;
}

/** As `seconds`, but a whole number of seconds under 2 min without decimals ("30 s", "6.04 s"). */
export function wholeSeconds(ms: number): string {
  const whole = wholeSecondsOf(ms);
  return whole === null ? seconds(ms) : `${whole} s`;
}

/**
 * How an age under 2 min is printed, never rounder than it is (to the ms, and an age just over a
 * whole second never prints as that second): whole seconds only when whole to the ms ("30 s"), two
 * decimals ("6.04 s"), or the ms where two decimals would print ".00" ("30.002 s", not "30.00 s"
 * beside "more than 30 s"). Null from 2 min on (`seconds`: "10 min 6 s"). The checks and the app's
 * views (renderer/viz/views durationWords.ts) print ages from it, so they say the same number.
 */
export function ageDigits(ms: number): { value: number; digits: 0 | 2 | 3 } | null {
  let up = Math.round(ms);
  // Just over a whole second (30,000.3 ms): one ms more, so it is not printed as the whole.
  if (up % 1000 === 0 && ms > up) up += 1;
  if (up >= 120_000) return null;
  if (up % 1000 === 0) return { value: up / 1000, digits: 0 };
  const hundredths = Math.round(up / 10);
  return hundredths % 100 === 0 ? { value: up / 1000, digits: 3 } : { value: hundredths / 100, digits: 2 };
}

/** How old something is, as the checks print it (`ageDigits`: "30 s", "6.04 s", "30.002 s", "10 min 6 s"). */
export function ageSeconds(ms: number): string {
  const age = ageDigits(ms);
  return age ? `${age.value.toFixed(age.digits)} s` : seconds(ms);
}

/** Appended to a timing check's failure when faults came from outside (the UI's kill button); in German with 'de'. */
export function injectedNote(run: StepRun, locale: 'en' | LabLocale = 'en'): string {
  if (run.kind === 'server' || run.injectedFaults.length === 0) return '';
  return locale === 'de'
    ? ' (in diesem Lauf wurde von außen ein Ausfall ausgelöst, und das kostet Zeit: lass ihn zum Messen noch einmal ohne laufen)'
    : ' (a fault was injected from outside during this run, which costs time: run again without it to measure)';
}

export const ratio = (x: number): string => `${(Math.round(x * 100) / 100).toFixed(2)}x`;

/** A pipeline step's run (its report and the faults it ran with). */
export function pipelineRunOf(run: StepRun): Extract<StepRun, { kind: 'pipeline' }> {
  if (run.kind !== 'pipeline') throw new Error('this check judges a pipeline step');
  return run;
}

/** The main job report of a job step's run (checks of hdfs steps never call this). */
export function jobReport(run: StepRun): JobRunReport {
  if (run.kind !== 'mapreduce' && run.kind !== 'spark') throw new Error('this check judges a job step');
  return run.report;
}

/** The main report of a stream step's run (checks of other steps never call this). */
export function streamReport(run: StepRun): KafkaJobReport {
  if (run.kind !== 'stream') throw new Error('this check judges a stream step');
  return run.report;
}

/** A stream step's extra run (a fault schedule the step does not show). */
export function streamExtra(run: StepRun, id: string): KafkaJobReport {
  if (run.kind !== 'stream' || !run.extra[id]) throw new Error(`extra run '${id}' is missing`);
  return run.extra[id];
}

export function extraReport(run: StepRun, id: string): JobRunReport {
  if ((run.kind !== 'mapreduce' && run.kind !== 'spark') || !run.extra[id])
    throw new Error(`extra run '${id}' is missing`);
  return run.extra[id];
}

/** Distinct tasks that succeeded in task sets whose id ends with `/<phase>` (MapReduce). */
export function taskCount(report: JobRunReport, phase: 'map' | 'reduce', jobIndex?: number): number {
  const tasks = new Set<string>();
  for (const a of report.attempts) {
    if (a.status !== 'succeeded' || !a.taskSet.endsWith(`/${phase}`)) continue;
    if (jobIndex !== undefined && !a.taskSet.startsWith(`job_${String(jobIndex + 1).padStart(5, '0')}/`)) continue;
    tasks.add(`${a.taskSet}:${a.task}`);
  }
  return tasks.size;
}

const shown = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}...` : s;
};

/** Reads `[key, number]` pairs out of a result; values may be numbers or "number\t..." strings. */
export function numericPairs(result: unknown): [string, number][] | string {
  const pairs = pairsOrProblem(result);
  return Array.isArray(pairs) ? pairs : pairs.en;
}

/** numericPairs, with what is wrong in English and German. */
function pairsOrProblem(result: unknown): [string, number][] | { en: string; de: string } {
  if (!Array.isArray(result))
    return {
      en: `the job returned ${shown(result)}, not a list of [key, value] pairs`,
      de: `der Job hat ${shown(result)} zurückgegeben, keine Liste von [key, value]-Paaren`,
    };
  const out: [string, number][] = [];
  for (const [i, row] of result.entries()) {
    if (!Array.isArray(row) || row.length !== 2)
      return {
        en: `result[${i}] is ${shown(row)}, not a [key, value] pair`,
        de: `result[${i}] ist ${shown(row)}, kein [key, value]-Paar`,
      };
    const v = typeof row[1] === 'string' ? Number(row[1].split('\t')[0]) : row[1];
    if (typeof v !== 'number' || !Number.isFinite(v))
      return {
        en: `result[${i}] has the value ${shown(row[1])} for key ${shown(row[0])}, not a number`,
        de: `result[${i}] hat für den Key ${shown(row[0])} den Wert ${shown(row[1])}, keine Zahl`,
      };
    out.push([String(row[0]), v]);
  }
  return out;
}

/**
 * Compares a keyed result with the expected pairs (both sorted by key). `tolerance` is relative
 * (floating-point sums in another order differ in the last bits); `hint` ends a failure reason.
 * With `de` (what one key stands for, "Tag", and the hint in German) the verdict says it in German too.
 */
export function compareKeyed(
  expected: [string, number][],
  result: unknown,
  options: { tolerance: number; what: string; hint: string; de?: { what: string; hint: string } },
): CheckVerdict {
  const { de } = options;
  const say = (ok: boolean, en: string, german: () => string): CheckVerdict =>
    ok ? pass(en, de && { de: german() }) : fail(en, de && { de: german() });
  const actual = pairsOrProblem(result);
  if (!Array.isArray(actual)) return say(false, `${actual.en}: ${options.hint}`, () => `${actual.de}: ${de!.hint}`);
  const sorted = [...actual].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const expectedKeys = new Set(expected.map((e) => e[0]));
  const wrongKey = sorted.find((a) => !expectedKeys.has(a[0]));
  if (wrongKey) {
    return say(
      false,
      `expected ${expected.length} ${options.what} ${noun(expected.length, 'key')} like ${shown(expected[0]?.[0])}, got ${plural(sorted.length, 'key')} including ${shown(wrongKey[0])}: ${options.hint}`,
      () =>
        `erwartet: ${anzahl(expected.length, 'Key', 'Keys')}, einer pro ${de!.what}, wie ${shown(expected[0]?.[0])}; erhalten: ${anzahl(sorted.length, 'Key', 'Keys')}, darunter ${shown(wrongKey[0])}: ${de!.hint}`,
    );
  }
  if (sorted.length !== expected.length) {
    const got = new Set(sorted.map((a) => a[0]));
    const missing = expected.find((e) => !got.has(e[0]));
    return say(
      false,
      `expected ${expected.length} ${options.what} ${noun(expected.length, 'key')}, got ${sorted.length}${missing ? ` (${shown(missing[0])} is missing)` : ' (some keys appear twice)'}: ${options.hint}`,
      () =>
        `erwartet: ${anzahl(expected.length, 'Key', 'Keys')}, einer pro ${de!.what}; erhalten: ${zahl(sorted.length)}${missing ? ` (${shown(missing[0])} fehlt)` : ' (manche Keys kommen doppelt vor)'}: ${de!.hint}`,
    );
  }
  for (let i = 0; i < expected.length; i++) {
    const [key, want] = expected[i]!;
    const got = sorted[i]![1];
    if (Math.abs(got - want) > options.tolerance * Math.max(1, Math.abs(want))) {
      return say(
        false,
        `${options.what} ${shown(key)}: expected ${want}, got ${got}: ${options.hint}`,
        () => `${de!.what} ${shown(key)}: erwartet ${dezimal(want)}, erhalten ${dezimal(got)}: ${de!.hint}`,
      );
    }
  }
  return say(
    true,
    `all ${expected.length} ${options.what} values match a plain computation over the same data (${relativeTolerance(options.tolerance)})`,
    () =>
      `alle ${zahl(expected.length)} Werte, einer pro ${de!.what}, stimmen mit einer einfachen Berechnung über dieselben Daten überein (${relativeTolerance(options.tolerance, 'de')})`,
  );
}

/**
 * compareKeyed's failure without the expected value, which would hand the answer over:
 * `sensor "sensor-3": expected 12, got 10: hint` → `the count of sensor-3 is 10, which is not what a
 * plain computation over the file gives: hint`. `keyWhat` is compareKeyed's `what`.
 */
export function withoutExpected(verdict: CheckVerdict, keyWhat: string, valueWhat: string): CheckVerdict {
  const m = /^(.*) "([^"]*)": expected [^,]*, got ([^:]*): (.*)$/s.exec(verdict.reason);
  if (verdict.pass || !m || m[1] !== keyWhat) return verdict;
  return fail(
    `the ${valueWhat} of ${m[2]} is ${m[3]}, which is not what a plain computation over the file gives: ${m[4]}`,
  );
}

/** A counter of the run by Hadoop's (or the Spark run's) name; 0 when this kind of run has no such counter. */
export function counterOf(report: JobRunReport, name: CounterName): number {
  const counters: Partial<Record<CounterName, number>> = report.metrics.counters;
  return counters[name] ?? 0;
}

function mapAttempts(report: JobRunReport): AttemptRecord[] {
  return report.attempts.filter((a) => a.status === 'succeeded' && a.taskSet.endsWith('/map'));
}

/** The most map tasks running at one instant. */
export function mostMapsAtOnce(report: JobRunReport): number {
  const events: [number, number][] = [];
  for (const a of mapAttempts(report)) events.push([a.start, 1], [a.end, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of events) most = Math.max(most, (now += d));
  return most;
}

/** From the first map's start to the last map's end. */
export function mapPhaseMs(report: JobRunReport): number {
  const maps = mapAttempts(report);
  if (maps.length === 0) return 0;
  return Math.max(...maps.map((a) => a.end)) - Math.min(...maps.map((a) => a.start));
}

/** What one Spark stage's succeeded attempts read and shuffled (re-attempts `stage-N.k` counted with stage N). */
export interface StageIo {
  stage: string;
  inputRecords: number;
  shuffleReadRecords: number;
  shuffleWriteRecords: number;
}

/** Each stage's records read from HDFS, read from the shuffle and written to it, in the order the stages first ran. */
export function stageIo(report: JobRunReport): StageIo[] {
  const byStage = new Map<string, StageIo>();
  for (const a of report.attempts) {
    if (a.status !== 'succeeded') continue;
    const stage = a.taskSet.replace(/\.\d+$/, '');
    const s = byStage.get(stage) ?? { stage, inputRecords: 0, shuffleReadRecords: 0, shuffleWriteRecords: 0 };
    s.inputRecords += a.io.inputRecords;
    s.shuffleReadRecords += a.io.shuffleReadRecords;
    s.shuffleWriteRecords += a.io.shuffleWriteRecords;
    byStage.set(stage, s);
  }
  return [...byStage.values()];
}

/** Spark's actions that aggregate inside the tasks and send the driver one small answer per task. */
const AGGREGATING_ACTIONS = new Set(['count', 'countByKey', 'countByValue', 'reduce', 'fold', 'aggregate', 'sum']);

/**
 * Whether the records a Spark job read from HDFS were grouped on the cluster before the driver
 * got them: a stage that read the input wrote them to a shuffle (reduceByKey, aggregateByKey,
 * groupByKey, a DataFrame's or a query's Exchange), or a job that read the input ended in an
 * aggregating action (countByKey, reduce). A job that collects the lines and groups them in the
 * driver has neither (a later shuffle of parallelized driver data is not fed by the input).
 */
export function groupedOnCluster(report: JobRunReport): boolean {
  if (stageIo(report).some((s) => s.inputRecords > 0 && s.shuffleWriteRecords > 0)) return true;
  const readInput = new Set(
    stageIo(report)
      .filter((s) => s.inputRecords > 0)
      .map((s) => s.stage),
  );
  for (const e of report.trace)
    if (e.type === 'jobSubmitted' && e.action && AGGREGATING_ACTIONS.has(e.action))
      if ((e.stages ?? []).some((id) => readInput.has(`stage-${id}`))) return true;
  return false;
}

/** How many Spark stages ran that read a shuffle (an iterative program runs at least one per round). */
export function shuffleReadingStages(report: JobRunReport): number {
  return stageIo(report).filter((s) => s.shuffleReadRecords > 0).length;
}

/**
 * The cached RDDs of a Spark run made after a shuffle (not in a stage that reads the input), with
 * the number of stages that ran with them: an RDD every round reads (PageRank's links) is in one
 * stage per round; one cached anew each round (the ranks) in one or two.
 */
export function cachedAfterShuffle(report: JobRunReport): { rdd: number; name: string; stagesRun: number }[] {
  const out = new Map<number, { rdd: number; name: string; stagesRun: number }>();
  for (const e of report.trace) {
    if (e.type !== 'stageSubmitted') continue;
    const ops = e.ops ?? [];
    if (ops.some((o) => o.name.startsWith('textFile'))) continue;
    for (const o of ops) {
      if (!o.cached) continue;
      const c = out.get(o.rdd) ?? { rdd: o.rdd, name: o.name, stagesRun: 0 };
      c.stagesRun++;
      out.set(o.rdd, c);
    }
  }
  return [...out.values()];
}
