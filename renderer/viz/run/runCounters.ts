/**
 * The run's counters as Hadoop groups and names them (File System Counters, Job Counters,
 * Map-Reduce Framework, the input and output format counters; the learner's own groups after
 * them); ClusterLab's own extra figures are in a group of their own. Spark runs list their counters.
 * Hadoop's and the learner's names are shown as Hadoop prints them; ClusterLab's own counters and
 * groups are named in the page's language when shown (counterLabel, counterGroupLabel).
 */
import { i18n } from '../../i18n/i18n';
import type { JobRunReport, SparkCounters } from '../../../engine/api';
import { BUILTIN_GROUPS } from '../../../engine/mapreduce';
import type { CounterRow } from './runViewTypes';
import { jobHistoryAt } from './hadoopUi/jobHistory';

/** Hadoop's JobCounter group: counted for the job, not per task. */
const JOB_GROUP = 'org.apache.hadoop.mapreduce.JobCounter';

const unitOf = (name: string): CounterRow['unit'] => (/BYTES/.test(name) ? 'bytes' : 'count');

/** Spark's counters ClusterLab shows, in order; each is named by `run:counters.own.<NAME>`. */
const SPARK_COUNTERS: readonly (keyof SparkCounters)[] = [
  'STAGES_RUN',
  'STAGES_SKIPPED',
  'CACHE_HITS',
  'BLOCKS_EVICTED',
  'PROCESS_LOCAL_TASKS',
  'NODE_LOCAL_TASKS',
  'NO_PREF_TASKS',
  'RACK_LOCAL_TASKS',
  'ANY_TASKS',
];

const isSparkCounter = (name: string): name is keyof SparkCounters =>
  (SPARK_COUNTERS as readonly string[]).includes(name);

/** The group of a Spark run's named accumulators (its heading is read by counterGroupLabel). */
export const ACCUMULATORS_GROUP = 'accumulators';

/**
 * The name of the MapReduce group of ClusterLab's own figures (engine/mapreduce's CLUSTERLAB_COUNTER):
 * its counters are ClusterLab's words, not Hadoop's, so they are shown in the page's language.
 */
export const CLUSTERLAB_GROUP = 'ClusterLab';

/** A counter's label as shown: Hadoop's or the learner's name, or ClusterLab's own in the page's language. */
export function counterLabel(row: { name: string; label: string | null }): string {
  return row.label ?? i18n.t(`run:counters.own.${row.name}`);
}

/** A counter group's heading as shown (Hadoop's and Spark's group names stay as they print them). */
export function counterGroupLabel(group: string): string {
  if (group === ACCUMULATORS_GROUP) return i18n.t('run:counters.accumulators');
  if (group === CLUSTERLAB_GROUP) return i18n.t('run:counters.clusterlab');
  return group;
}

export function deriveCounters(report: JobRunReport): CounterRow[] {
  const m = report.metrics;
  const rows: CounterRow[] = [];
  if (m.kind === 'mapreduce') {
    // Already in Hadoop's order: its groups, then the learner's.
    for (const g of m.counterGroups) {
      const own = g.name === CLUSTERLAB_GROUP;
      for (const c of g.counters)
        rows.push({
          name: c.name,
          label: own ? null : c.displayName,
          group: own ? CLUSTERLAB_GROUP : g.displayName,
          unit: g.user ? 'count' : unitOf(c.name),
          value: c.value,
        });
    }
    return rows;
  }
  for (const [name, value] of Object.entries(m.counters))
    if (isSparkCounter(name)) rows.push({ name, label: null, group: 'Spark', unit: 'count', value });
  rows.push({ name: 'SHUFFLE_BYTES', label: null, group: 'Spark', unit: 'bytes', value: m.shuffleBytes });
  rows.push({ name: 'BYTES_READ_LOCAL', label: null, group: 'Spark', unit: 'bytes', value: m.bytesReadLocal });
  rows.push({ name: 'BYTES_READ_REMOTE', label: null, group: 'Spark', unit: 'bytes', value: m.bytesReadRemote });
  // Named accumulators, as Spark's UI lists them on the stage page.
  m.accumulators.forEach((a, i) => {
    const n = Number(a.value);
    rows.push({
      name: `ACCUMULATOR_${i}`,
      label: a.name,
      group: ACCUMULATORS_GROUP,
      unit: 'count',
      value: Number.isFinite(n) ? n : 0,
      ...(Number.isFinite(n) && a.value.trim() !== '' ? {} : { text: a.value }),
    });
  });
  return rows;
}

/** A counter as JobHistory's counters page lists it: the maps' value, the reducers', and the job's. */
export interface JobCounterRow {
  name: string;
  /** Hadoop's name, or null for ClusterLab's own (counterLabel names it). */
  label: string | null;
  /** Hadoop's group name, or CLUSTERLAB_GROUP (counterGroupLabel heads it). */
  group: string;
  unit: CounterRow['unit'];
  /** null where Hadoop keeps the counter for the job alone (Job Counters, the learner's totals). */
  map: number | null;
  reduce: number | null;
  total: number;
}

/**
 * Hadoop's counters of one MapReduce job (or, with `jobId` null, of every job of the run) at
 * playback time t, with JobHistory's Map, Reduce and Total columns: each task counter summed over
 * the tasks whose attempt has succeeded by t (that attempt's own counters), the Job Counters over
 * the attempts launched and ended by t. The learner's own counters are known only for the whole
 * run, so they appear once it has ended (and for one job only when the run has one).
 */
export function hadoopCountersAt(report: JobRunReport, jobId: string | null, t: number): JobCounterRow[] {
  const m = report.metrics;
  if (m.kind !== 'mapreduce') return [];
  const all = jobHistoryAt(report, t);
  const jobs = jobId === null ? all : all.filter((j) => j.jobId === jobId);
  const sums = new Map<string, { map: number; reduce: number }>();
  const add = (name: string, side: 'map' | 'reduce', v: number) => {
    const s = sums.get(name) ?? { map: 0, reduce: 0 };
    s[side] += v;
    sums.set(name, s);
  };
  const job: Record<string, number> = {};
  const bump = (name: string, v = 1) => (job[name] = (job[name] ?? 0) + v);
  for (const j of jobs) {
    for (const task of [...j.mapTasks, ...j.reduceTasks]) {
      const won = task.successful;
      if (won) for (const [name, v] of Object.entries(won.record.taskCounters ?? {})) add(name, task.kind, v);
      const maps = task.kind === 'map';
      for (const a of task.attempts) {
        bump(maps ? 'TOTAL_LAUNCHED_MAPS' : 'TOTAL_LAUNCHED_REDUCES');
        // Every launched map attempt, by its container's locality, as Hadoop counts them.
        if (maps)
          bump(
            a.record.locality === 'NODE_LOCAL'
              ? 'DATA_LOCAL_MAPS'
              : a.record.locality === 'RACK_LOCAL'
                ? 'RACK_LOCAL_MAPS'
                : 'OTHER_LOCAL_MAPS',
          );
        if (a.finish !== null) bump(maps ? 'MILLIS_MAPS' : 'MILLIS_REDUCES', a.elapsed);
        if (a.state === 'FAILED') bump(maps ? 'NUM_FAILED_MAPS' : 'NUM_FAILED_REDUCES');
        if (a.state === 'KILLED') bump(maps ? 'NUM_KILLED_MAPS' : 'NUM_KILLED_REDUCES');
      }
    }
    bump(
      'MAPS_RERUN_FOR_LOST_OUTPUT',
      report.trace.filter((e) => e.type === 'mapOutputLost' && e.job === j.jobId && e.t <= t).length,
    );
  }
  const rows: JobCounterRow[] = [];
  for (const g of BUILTIN_GROUPS)
    for (const [name, label] of g.counters) {
      const own = g.name === CLUSTERLAB_GROUP;
      const base = {
        name,
        label: own ? null : label,
        group: own ? CLUSTERLAB_GROUP : g.displayName,
        unit: unitOf(name),
      };
      const s = sums.get(name);
      if (g.name === JOB_GROUP || name === 'MAPS_RERUN_FOR_LOST_OUTPUT') {
        const v = job[name] ?? 0;
        rows.push({ ...base, map: null, reduce: null, total: name.startsWith('MILLIS') ? Math.round(v) : v });
      } else rows.push({ ...base, map: s?.map ?? 0, reduce: s?.reduce ?? 0, total: (s?.map ?? 0) + (s?.reduce ?? 0) });
    }
  const ended = all.length > 0 && all.every((j) => j.finished !== null) && t >= report.simulatedMs;
  const whole = jobId === null || report.trace.filter((e) => e.type === 'jobSubmitted').length === 1;
  if (ended && whole)
    for (const g of m.counterGroups)
      if (g.user)
        for (const c of g.counters)
          rows.push({
            name: c.name,
            label: c.displayName,
            group: g.displayName,
            unit: 'count',
            map: null,
            reduce: null,
            total: c.value,
          });
  return rows;
}
