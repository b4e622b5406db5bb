/**
 * The checks of the rdd-dataframe-sql lab: the answer (recomputed from the readings), the bytes
 * the job shuffled (the Spark UI's Shuffle Write, summed over its tasks) against a reference run,
 * and what the plan ran (the operators of its stages, as the DAG view names them).
 */
import type { JobRunReport } from '../../engine/api';
import { extraReport, fail, groupedOnCluster, jobReport, pass } from '../checkKit';
import { formatBytes } from '../hdfsSettings';
import type { LabCheck, StepRun } from '../labTypes';
import { sensorsText } from './data';

type Stats = [string, [number, number, number]];

let expected: { text: string; stats: Stats[] } | undefined;
/** Per sensor of `text` (the lab's readings by default): [readings, mean, highest], sorted by sensor. */
export function plainSensorStats(text: string = sensorsText()): Stats[] {
  if (expected?.text === text) return expected.stats;
  const acc = new Map<string, [number, number, number]>();
  for (const line of text.trimEnd().split('\n')) {
    const [, sensor, raw] = line.split(',') as [string, string, string];
    const v = Number(raw);
    const a = acc.get(sensor) ?? [0, 0, -Infinity];
    acc.set(sensor, [a[0] + 1, a[1] + v, Math.max(a[2], v)]);
  }
  const stats = [...acc]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, [n, sum, hi]]): Stats => [k, [n, sum / n, hi]]);
  expected = { text, stats };
  return stats;
}

const shown = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 60)}...` : s;
};

/** The readings a run had: the lab's, or the student's own (run.variant). */
function runReadings(run: StepRun): string {
  return run.kind === 'mapreduce' || run.kind === 'spark' ? run.variant.text('sensors') : sensorsText();
}

/** The answer: [sensor, [readings, mean, highest]] per sensor, means within a relative 1e-9. */
export function sensorStatsCheck(id: string, hint: string): LabCheck {
  return {
    id,
    title: 'readings, mean and highest value of each sensor',
    evaluate(run) {
      const result = jobReport(run).result;
      const want = plainSensorStats(runReadings(run));
      if (!Array.isArray(result)) return fail(`the job returned ${shown(result)}, not a list of rows: ${hint}`);
      if (result.length !== want.length)
        return fail(
          `the job returned ${result.length} rows; the file has ${want.length} sensors, one row each: ${hint}`,
        );
      for (const [i, [sensor, [n, mean, hi]]] of want.entries()) {
        const row: unknown = result[i];
        const values = Array.isArray(row) && Array.isArray(row[1]) ? (row[1] as unknown[]) : null;
        if (!Array.isArray(row) || row[0] !== sensor || values === null || values.length !== 3)
          return fail(
            `row ${i + 1} is ${shown(row)}; expected ["${sensor}", [readings, mean, highest]] (rows ordered by sensor): ${hint}`,
          );
        const [gn, gmean, ghi] = values.map(Number) as [number, number, number];
        if (gn !== n)
          return fail(`${sensor}: ${shown(values[0])} readings is not what a plain count over the file gives: ${hint}`);
        if (!(Math.abs(gmean - mean) <= 1e-9 * Math.abs(mean)))
          return fail(`${sensor}: the mean ${shown(values[1])} is not the sum of its values over their count: ${hint}`);
        if (ghi !== hi)
          return fail(`${sensor}: the highest value ${shown(values[2])} is not its largest reading: ${hint}`);
      }
      return pass(
        `all ${want.length} sensors' readings, means and highest values match a plain computation over the file`,
      );
    },
  };
}

/** Bytes the job's tasks wrote to the shuffle (Spark UI: Shuffle Write). */
export function shuffleWritten(report: JobRunReport): number {
  return report.attempts.filter((a) => a.status === 'succeeded').reduce((s, a) => s + a.io.shuffleWriteBytes, 0);
}

/** The run shuffled at most `share` of what the reference run shuffled. */
export function shufflesLessCheck(id: string, reference: string, label: string, share: number, why: string): LabCheck {
  return {
    id,
    title: `shuffles at most ${Math.round(share * 100)}% of ${label}`,
    evaluate(run) {
      const mine = shuffleWritten(jobReport(run));
      const theirs = shuffleWritten(extraReport(run, reference));
      const said = `your job wrote ${formatBytes(mine)} to the shuffle; ${label} writes ${formatBytes(theirs)}`;
      if (mine === 0) {
        // Rows of the answer (one per sensor) came back: the grouping was done after collecting, in the driver.
        const result = jobReport(run).result;
        const sensors = plainSensorStats(runReadings(run)).length;
        if (Array.isArray(result) && result.length > 0 && result.length <= sensors)
          return fail(
            `your job shuffled nothing: the grouping happened in the driver, after every reading was collected there (at scale no driver holds them); group on the cluster`,
          );
        const rows = Array.isArray(result) ? `${result.length} rows` : shown(result);
        return fail(
          `your job shuffled nothing because it groups nothing yet: it returned ${rows}, where the answer has one row per sensor (${sensors}); there is no grouping with aggregates (GROUP BY with count, avg and max; groupBy().agg(); reduceByKey) in it`,
        );
      }
      // A shuffle not fed by the stage that read the file (parallelized rows the driver computed) grouped nothing on the cluster.
      if (!groupedOnCluster(jobReport(run)))
        return fail(
          `${said}, but no stage that read the file wrote to the shuffle: the grouping happened in the driver, after every reading was collected there, and the shuffle only moved its answer (at scale no driver holds the readings); group on the cluster`,
        );
      return theirs > 0 && mine <= share * theirs ? pass(said) : fail(`${said}: ${why}`);
    },
  };
}

/**
 * The job that produced the result (the program's last Spark job) ran an operator named `op`, as
 * the DAG view names it, in one of its stages (run or skipped because an earlier job ran it).
 */
export function ranOperatorCheck(id: string, title: string, op: string, why: string): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const trace = jobReport(run).trace;
      const opsOf = new Map<number, string[]>();
      let last: number[] = [];
      for (const e of trace) {
        if (e.type === 'jobSubmitted') last = e.stages ?? [];
        if (e.type === 'stageSubmitted' || e.type === 'stageSkipped')
          opsOf.set(
            e.stage,
            (e.ops ?? []).map((o) => o.name),
          );
      }
      const names = new Set(last.flatMap((s) => opsOf.get(s) ?? []));
      return [...names].some((n) => n.startsWith(op))
        ? pass(`the job that computed the result ran ${op}`)
        : fail(
            `the job that computed the result ran no ${op} (its stages ran ${[...names].slice(0, 8).join(', ') || 'nothing'}): ${why}`,
          );
    },
  };
}
