/**
 * The checks of the data-locality lab: the answers (each recomputed from the readings), the share
 * of the blocks read where they lie and the bytes read over the network (from the tasks that read
 * HDFS, as the Spark UI's Stages page lists them), and a deadline.
 */
import type { JobRunReport } from '../../engine/api';
import type { AttemptRecord } from '../../engine/exec';
import {
  compareKeyed,
  fail,
  groupedOnCluster,
  injectedNote,
  jobReport,
  pass,
  seconds,
  withoutExpected,
} from '../checkKit';
import { formatBytes } from '../hdfsSettings';
import type { LabCheck, StepRun } from '../labTypes';
import { plural } from '../plural';
import { readingsText } from './cluster';

interface Reading {
  sensor: string;
  second: number;
  value: number;
}

let readings: { text: string; rows: Reading[] } | undefined;
/** The readings of `text` (the lab's file by default; a run's own: readingsOf(run)), the last file's kept. */
function allReadings(text: string = readingsText()): Reading[] {
  if (readings?.text === text) return readings.rows;
  const rows = text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [timestamp, sensor, value] = line.split(',') as [string, string, string];
      const [h, m, s] = timestamp.slice(11).split(':').map(Number) as [number, number, number];
      return { sensor, second: h * 3600 + m * 60 + s, value: Number(value) };
    });
  readings = { text, rows };
  return rows;
}

/** The readings file a run read: the lab's, or the student's own (run.variant). */
export function readingsOf(run: StepRun): string {
  return run.kind === 'mapreduce' || run.kind === 'spark' ? run.variant.text('readings') : readingsText();
}

const byKey = <T>(rows: Map<string, T>): [string, T][] =>
  [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** Per sensor: [mean, highest]. */
export function plainMeanAndHighest(text?: string): [string, [number, number]][] {
  const acc = new Map<string, [number, number, number]>();
  for (const r of allReadings(text)) {
    const a = acc.get(r.sensor) ?? [0, 0, -Infinity];
    acc.set(r.sensor, [a[0] + r.value, a[1] + 1, Math.max(a[2], r.value)]);
  }
  return byKey(new Map([...acc].map(([k, [sum, n, hi]]) => [k, [sum / n, hi] as [number, number]])));
}

/** Per sensor: readings of `threshold` or more. */
export function plainHotCounts(threshold: number, text?: string): [string, number][] {
  const acc = new Map<string, number>();
  for (const r of allReadings(text)) if (r.value >= threshold) acc.set(r.sensor, (acc.get(r.sensor) ?? 0) + 1);
  return byKey(acc);
}

/** Step 3's model: the reading it expects from sensor `n` at second `s` of the day. */
const expected = (n: number, s: number) => 19.5 + n + 4 * Math.sin((s / 86400) * 2 * Math.PI);

/** Per sensor: readings further than `distance` from what the model expects. */
export function plainOddCounts(distance: number, text?: string): [string, number][] {
  const acc = new Map<string, number>();
  for (const r of allReadings(text)) {
    const n = Number(r.sensor.slice('sensor-'.length));
    if (Math.abs(r.value - expected(n, r.second)) > distance) acc.set(r.sensor, (acc.get(r.sensor) ?? 0) + 1);
  }
  return byKey(acc);
}

/** Step 1's answer: [sensor, [mean, highest]] per sensor, means within a relative 1e-9. */
export function meanAndHighestCheck(id: string): LabCheck {
  const hint =
    'reduceByKey must combine the [sum, count, highest] triples of a sensor into one, so that mapValues divides the sum of all its readings by their count';
  return {
    id,
    title: 'mean and highest reading of each sensor',
    evaluate(run) {
      const result = jobReport(run).result;
      const want = plainMeanAndHighest(readingsOf(run));
      const rows = Array.isArray(result) ? result : null;
      const pairsOf = (i: 0 | 1): unknown =>
        rows?.map((row: unknown) => (Array.isArray(row) && Array.isArray(row[1]) ? [row[0], row[1][i]] : row)) ??
        result;
      const means = compareKeyed(
        want.map(([k, [mean]]) => [k, mean]),
        pairsOf(0),
        { tolerance: 1e-9, what: 'sensor', hint },
      );
      if (!means.pass) return withoutExpected(means, 'sensor', 'mean');
      const highest = compareKeyed(
        want.map(([k, [, hi]]) => [k, hi]),
        pairsOf(1),
        { tolerance: 0, what: 'sensor', hint },
      );
      if (!highest.pass) return withoutExpected(highest, 'sensor', 'highest reading');
      return pass(
        `the mean and the highest reading of all ${want.length} sensors match a plain computation over the file`,
      );
    },
  };
}

/** A count per sensor, judged without giving the expected numbers away. */
/** `want(text)`: the right counts for the readings `text` the run had (the lab's or the student's). */
export function countsCheck(
  id: string,
  title: string,
  want: (text: string) => [string, number][],
  hint: string,
): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const expected = want(readingsOf(run));
      const verdict = compareKeyed(expected, jobReport(run).result, { tolerance: 0, what: 'sensor', hint });
      return verdict.pass
        ? pass(`the counts of all ${expected.length} sensors match a plain count over the file`)
        : withoutExpected(verdict, 'sensor', 'count');
    },
  };
}

/**
 * The tasks that read HDFS blocks, succeeded: with an Input, and not PROCESS_LOCAL (a task reading
 * a cached partition in its executor reads no block; counting those would let a job pad the share).
 */
function readingTasks(report: JobRunReport): AttemptRecord[] {
  return report.attempts.filter(
    (a) => a.status === 'succeeded' && a.io.inputBytes > 0 && a.locality !== 'PROCESS_LOCAL',
  );
}

/**
 * How the HDFS reads went: the tasks reading a block on a machine holding it (NODE_LOCAL), and the
 * bytes HDFS served to readers on the same machine or over the network (the run's own accounting of
 * block reads: cached partitions are not in it).
 */
export function inputLocality(report: JobRunReport): {
  tasks: number;
  local: number;
  bytes: number;
  remote: number;
  byLevel: Record<string, number>;
} {
  const tasks = readingTasks(report);
  const byLevel: Record<string, number> = {};
  for (const a of tasks) byLevel[a.locality] = (byLevel[a.locality] ?? 0) + 1;
  const { bytesReadLocal, bytesReadRemote } = report.metrics;
  return {
    tasks: tasks.length,
    local: tasks.filter((a) => a.locality === 'NODE_LOCAL').length,
    bytes: bytesReadLocal + bytesReadRemote,
    remote: bytesReadRemote,
    byLevel,
  };
}

const percent = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))}%`;
const levels = (byLevel: Record<string, number>) =>
  ['PROCESS_LOCAL', 'NODE_LOCAL', 'RACK_LOCAL', 'ANY']
    .filter((l) => byLevel[l])
    .map((l) => `${byLevel[l]} ${l}`)
    .join(', ');

/**
 * Whether the tasks that read their block from another machine started with no delay: each within
 * 100 ms of its stage's first task, so none waited for a core beside its block (spark.locality.wait 0).
 */
export function nothingWaited(report: JobRunReport): boolean {
  const first = new Map<string, number>();
  for (const a of report.attempts) first.set(a.taskSet, Math.min(first.get(a.taskSet) ?? Infinity, a.start));
  const remote = readingTasks(report).filter((a) => a.locality === 'RACK_LOCAL' || a.locality === 'ANY');
  return remote.length > 0 && remote.every((a) => a.start - (first.get(a.taskSet) ?? a.start) <= 100);
}

/**
 * At least `share` of the tasks reading HDFS ran NODE_LOCAL (or PROCESS_LOCAL): on a machine holding
 * their block. `where` ends a failure; `whereNoWait`, when given, instead where no task waited.
 */
export function localShareCheck(id: string, share: number, where: string, whereNoWait?: string): LabCheck {
  return {
    id,
    title: `at least ${Math.round(share * 100)}% of the blocks read where they lie`,
    evaluate(run) {
      const loc = inputLocality(jobReport(run));
      if (loc.tasks === 0)
        return fail('no task read a block of /data/readings.csv: the job must read the file with sc.textFile');
      const said = `${loc.local} of the ${plural(loc.tasks, 'task')} that read a block ran on a machine holding it (${percent(loc.local, loc.tasks)}; ${levels(loc.byLevel)})`;
      const why = whereNoWait !== undefined && nothingWaited(jobReport(run)) ? whereNoWait : where;
      return loc.local >= share * loc.tasks ? pass(said) : fail(`only ${said}: ${why}`);
    },
  };
}

/**
 * The reading tasks fetched at most `share` of the file's bytes from another machine. `scale`: the
 * real bytes each byte of the sample stands for (the cluster's dataScale), so that the reason gives
 * the sizes the texts give (3.2 GB, not the sample's 3.2 MB).
 */
export function networkBytesCheck(id: string, share: number, where: string, scale = 1): LabCheck {
  return {
    id,
    title: `at most ${Math.round(share * 100)}% of the HDFS reads over the network`,
    evaluate(run) {
      const loc = inputLocality(jobReport(run));
      const said = `${formatBytes(loc.remote * scale)} of the ${formatBytes(loc.bytes * scale)} read from HDFS came over the network (${percent(loc.remote, loc.bytes)})`;
      return loc.bytes > 0 && loc.remote <= share * loc.bytes ? pass(said) : fail(`${said}: ${where}`);
    },
  };
}

/**
 * The job's simulated time is at most `limitMs`, judged only once `truth` passes and the readings
 * were counted on the cluster (a job that collects them and counts in the driver has no time to judge).
 */
export function deadlineCheck(id: string, limitMs: number, why: string, truth: LabCheck): LabCheck {
  return {
    id,
    title: `done within ${seconds(limitMs)}`,
    evaluate(run) {
      const right = truth.evaluate(run);
      if (!right.pass)
        return fail(`the time is compared only once the result is right: ${right.reason}`, {
          de: `die Zeit wird erst verglichen, wenn das Ergebnis stimmt: ${right.reasons?.de ?? right.reason}`,
        });
      if (!groupedOnCluster(jobReport(run)))
        return fail(
          'the result is right, but the readings were collected into the driver and counted there: no stage that read the file wrote to a shuffle; score and count them on the cluster (filter, then reduceByKey or countByKey)',
          {
            de: 'das Ergebnis stimmt, aber die Messwerte wurden in den Driver geholt und dort gezählt: Keine Stage, die die Datei las, schrieb in einen Shuffle; bewerte und zähle sie auf dem Cluster (filter, dann reduceByKey oder countByKey)',
          },
        );
      const ms = jobReport(run).simulatedMs;
      return ms <= limitMs
        ? pass(`the job took ${seconds(ms)}, within ${seconds(limitMs)}`)
        : fail(`the job took ${seconds(ms)}, more than ${seconds(limitMs)}: ${why}${injectedNote(run)}`);
    },
  };
}
