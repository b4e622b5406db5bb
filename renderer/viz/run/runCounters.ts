/**
 * The run's counters as Hadoop groups and names them (File System Counters, Job Counters,
 * Map-Reduce Framework, the input and output format counters; the learner's own groups after
 * them); ClusterLab's own extra figures are in a group of their own. Spark runs list their counters.
 */
import type { JobRunReport, SparkCounters } from '../../../engine/api';
import type { CounterRow } from './runViewTypes';

const unitOf = (name: string): CounterRow['unit'] => (/BYTES/.test(name) ? 'bytes' : 'count');

const SPARK_LABELS: Record<keyof SparkCounters, string> = {
  STAGES_RUN: 'Stages run',
  STAGES_SKIPPED: 'Stages skipped',
  CACHE_HITS: 'Cached partitions read',
  BLOCKS_EVICTED: 'Cached blocks evicted',
  PROCESS_LOCAL_TASKS: 'PROCESS_LOCAL tasks',
  NODE_LOCAL_TASKS: 'NODE_LOCAL tasks',
  NO_PREF_TASKS: 'NO_PREF tasks (no preferred place)',
  RACK_LOCAL_TASKS: 'RACK_LOCAL tasks',
  ANY_TASKS: 'ANY (off-rack) tasks',
};

const isSparkCounter = (name: string): name is keyof SparkCounters => name in SPARK_LABELS;

export function deriveCounters(report: JobRunReport): CounterRow[] {
  const m = report.metrics;
  const rows: CounterRow[] = [];
  if (m.kind === 'mapreduce') {
    // Already in Hadoop's order: its groups, then the learner's.
    for (const g of m.counterGroups)
      for (const c of g.counters)
        rows.push({
          name: c.name,
          label: c.displayName,
          group: g.displayName,
          unit: g.user ? 'count' : unitOf(c.name),
          value: c.value,
        });
    return rows;
  }
  for (const [name, value] of Object.entries(m.counters))
    if (isSparkCounter(name)) rows.push({ name, label: SPARK_LABELS[name], group: 'Spark', unit: 'count', value });
  rows.push({
    name: 'SHUFFLE_BYTES',
    label: 'Shuffle bytes read',
    group: 'Spark',
    unit: 'bytes',
    value: m.shuffleBytes,
  });
  rows.push({
    name: 'BYTES_READ_LOCAL',
    label: 'Input bytes read from a local replica',
    group: 'Spark',
    unit: 'bytes',
    value: m.bytesReadLocal,
  });
  rows.push({
    name: 'BYTES_READ_REMOTE',
    label: 'Input bytes read over the network',
    group: 'Spark',
    unit: 'bytes',
    value: m.bytesReadRemote,
  });
  // Named accumulators, as Spark's UI lists them on the stage page.
  m.accumulators.forEach((a, i) => {
    const n = Number(a.value);
    rows.push({
      name: `accumulator ${i}`,
      label: a.name,
      group: 'Accumulators',
      unit: 'count',
      value: Number.isFinite(n) ? n : 0,
      ...(Number.isFinite(n) && a.value.trim() !== '' ? {} : { text: a.value }),
    });
  });
  return rows;
}
