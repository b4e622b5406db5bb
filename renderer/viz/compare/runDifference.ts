/**
 * The difference summary of two runs of one lab step (or of the sandbox): what a learner compares
 * when they change one thing (a combiner, cache(), the number of nodes). Job runs are compared
 * by the engine's own figures (JobMetrics: the same numbers the Counters tab and the checks
 * read), HDFS runs by the simulation's (SimulationMetrics). Pure but for the words, which are
 * read in the page's language (compare.json's diff and change): make the rows again when it changes.
 */
import { i18n } from '../../i18n/i18n';
import { fixed } from '../../i18n/numberFormat';
import type { JobRunReport } from '../../../engine/api';
import type { HdfsRunReport } from '../../../labs/labTypes';
import { formatBytes, formatNumber, formatMs } from '../run/format';
import { seconds } from '../views/durationWords';

export type ComparedReport = JobRunReport | HdfsRunReport;

export interface DifferenceRow {
  id: string;
  label: string;
  /** What the figure is, for a tooltip. */
  title: string;
  unit: 'ms' | 'bytes' | 'count';
  /** null: the figure does not apply to that run (no DataNode died: no time to recover). */
  a: number | null;
  b: number | null;
  /** B against A in words (in English "2.4× faster", "3.1× more", "+2", "same", "about the same", "–"). */
  change: string;
  /** Which run the change favours (less time, fewer bytes moved, fewer retries), or null. */
  better: 'a' | 'b' | null;
}

/** A figure's words are read in the page's language when the rows are made (`compare:diff.<id>.label`, `.title`). */
interface Figure {
  id: string;
  unit: DifferenceRow['unit'];
  /** The runs it is a figure of: job runs, HDFS runs, or both. */
  of: 'job' | 'hdfs' | 'all';
  value(r: ComparedReport, nodes: number): number | null;
  /** Whether less is better (time, bytes moved, retries); null: neither (tasks, nodes). */
  lessIsBetter: boolean | null;
}

const job = (r: ComparedReport) => (r.kind === 'hdfs' ? null : r);
const hdfs = (r: ComparedReport) => (r.kind === 'hdfs' ? r : null);

/** Attempts that re-ran a task after a failure or a lost node (not speculative copies). */
export function retriesOf(report: JobRunReport): number {
  return report.attempts.filter((a) => a.attempt > 0 && !a.speculative).length;
}

/** The job's tasks, each counted once however often it ran (a map re-run after its node died too). */
export function tasksOf(report: JobRunReport): number {
  return new Set(report.attempts.map((a) => `${a.taskSet}\u0000${a.task}`)).size;
}

const FIGURES: Figure[] = [
  {
    id: 'time',
    of: 'all',
    unit: 'ms',
    value: (r) => r.simulatedMs,
    lessIsBetter: true,
  },
  {
    id: 'nodes',
    of: 'all',
    unit: 'count',
    value: (_r, nodes) => nodes,
    lessIsBetter: null,
  },
  {
    id: 'readRemote',
    of: 'job',
    unit: 'bytes',
    value: (r) => job(r)?.metrics.bytesReadRemote ?? null,
    lessIsBetter: true,
  },
  {
    id: 'shuffled',
    of: 'job',
    unit: 'bytes',
    value: (r) => job(r)?.metrics.shuffleBytes ?? null,
    lessIsBetter: true,
  },
  {
    id: 'shuffledRemote',
    of: 'job',
    unit: 'bytes',
    value: (r) => job(r)?.metrics.shuffleBytesRemote ?? null,
    lessIsBetter: true,
  },
  {
    id: 'tasks',
    of: 'job',
    unit: 'count',
    value: (r) => {
      const j = job(r);
      return j ? tasksOf(j) : null;
    },
    lessIsBetter: null,
  },
  {
    id: 'attempts',
    of: 'job',
    unit: 'count',
    value: (r) => job(r)?.metrics.attempts ?? null,
    lessIsBetter: null,
  },
  {
    id: 'retries',
    of: 'job',
    unit: 'count',
    value: (r) => {
      const j = job(r);
      return j ? retriesOf(j) : null;
    },
    lessIsBetter: true,
  },
  {
    id: 'failed',
    of: 'job',
    unit: 'count',
    value: (r) => job(r)?.metrics.failedAttempts ?? null,
    lessIsBetter: true,
  },
  {
    id: 'dead',
    of: 'hdfs',
    unit: 'count',
    value: (r) => hdfs(r)?.metrics.dataNodesDeclaredDead ?? null,
    lessIsBetter: null,
  },
  {
    id: 'blocksReplicated',
    of: 'hdfs',
    unit: 'count',
    value: (r) => hdfs(r)?.metrics.blocksReplicated ?? null,
    lessIsBetter: null,
  },
  {
    id: 'bytesReplicated',
    of: 'hdfs',
    unit: 'bytes',
    value: (r) => hdfs(r)?.metrics.bytesReplicated ?? null,
    lessIsBetter: null,
  },
  {
    id: 'recovery',
    of: 'hdfs',
    unit: 'ms',
    // No DataNode declared dead: nothing to recover from (not "recovered at once").
    value: (r) => {
      const h = hdfs(r);
      return h && h.metrics.dataNodesDeclaredDead > 0 ? h.metrics.recoveryMs : null;
    },
    lessIsBetter: true,
  },
  {
    id: 'missing',
    of: 'hdfs',
    unit: 'count',
    value: (r) => hdfs(r)?.metrics.blocksMissing ?? null,
    lessIsBetter: true,
  },
];

export interface ComparedRun {
  report: ComparedReport;
  nodes: number;
}

const applies = (f: Figure, r: ComparedReport) => f.of === 'all' || (f.of === 'hdfs') === (r.kind === 'hdfs');

/** The figures of both runs, A against B ("–" where a figure does not apply to one of them). */
export function runDifference(a: ComparedRun, b: ComparedRun): DifferenceRow[] {
  const rows: DifferenceRow[] = [];
  for (const f of FIGURES) {
    if (!applies(f, a.report) || !applies(f, b.report)) continue;
    const va = f.value(a.report, a.nodes);
    const vb = f.value(b.report, b.nodes);
    const even = va === null || vb === null || va === vb || showFigure(f.unit, va) === showFigure(f.unit, vb);
    const change = va === null || vb === null ? '–' : changeText(f.unit, va, vb);
    rows.push({
      id: f.id,
      label: i18n.t(`compare:diff.${f.id}.label`),
      title: i18n.t(`compare:diff.${f.id}.title`),
      unit: f.unit,
      a: va,
      b: vb,
      change,
      better: even || f.lessIsBetter === null ? null : vb! < va! === f.lessIsBetter ? 'b' : 'a',
    });
  }
  return rows;
}

/** A figure as the summary shows it: a time as the labs' sentences and checks compare two ("7.11 s against 3.71 s"). */
export function showFigure(unit: DifferenceRow['unit'], v: number | null): string {
  if (v === null) return '–';
  if (unit === 'bytes') return formatBytes(v);
  if (unit === 'ms') return seconds(v);
  return formatNumber(v);
}

/** B against A: a factor for times and bytes ("2.4× faster", "3× more"), a signed count otherwise. */
export function changeText(unit: DifferenceRow['unit'], a: number, b: number): string {
  if (a === b) return i18n.t('compare:change.same');
  // Shown alike (1,000 and 999 ms are both "1.00 s"): no verdict on a difference nobody can see.
  if (showFigure(unit, a) === showFigure(unit, b)) return i18n.t('compare:change.aboutSame');
  if (unit === 'count') return `${b > a ? '+' : '−'}${formatNumber(Math.abs(b - a))}`;
  if (a === 0 || b === 0) {
    const d = Math.abs(b - a);
    const sign = b > a ? '+' : '−';
    return unit === 'bytes' ? `${sign}${formatBytes(d)}` : `${sign}${formatMs(d)}`;
  }
  const factor = Math.max(a, b) / Math.min(a, b);
  const f = factor < 10 ? fixed(factor, factor < 1.1 ? 2 : 1) : formatNumber(Math.round(factor));
  if (unit === 'ms') return i18n.t(b < a ? 'compare:change.faster' : 'compare:change.slower', { factor: f });
  return i18n.t(b < a ? 'compare:change.less' : 'compare:change.more', { factor: f });
}
