/**
 * What the cookbook's figures read from a run: its kind, trace and task attempts (with each
 * attempt's phases as the timeline draws them), the Hadoop counters that say whether the job had
 * a combiner, and the cluster's nodes. Built once per run by `toFigureRun`; pure.
 */
import type { JobRunReport, RunEvent } from '../../../engine/api';
import type { AttemptRecord } from '../../../engine/exec';
import type { HdfsRunReport, PipelineRunReport, ServerRunReport } from '../../../labs/labTypes';
import type { PhaseSegment } from '../run/runViewTypes';
import { phaseOrder } from '../run/phases';
import { phaseSegments } from '../run/runView';

export interface FigureNode {
  id: string;
  rack: string;
  /** The services it runs (absent: both a DataNode and a NodeManager). */
  roles?: readonly string[];
}

/** One task attempt as the figures see it: which side of the job it is on and its phases in time. */
export interface FigureAttempt {
  /** 'map' and 'reduce' for MapReduce; 'spark' for a Spark task. */
  side: 'map' | 'reduce' | 'spark';
  taskSet: string;
  task: string;
  attempt: number;
  /** The task's index in its task set (Hadoop's task number, Spark's partition). */
  index: number;
  node: string;
  locality: AttemptRecord['locality'];
  start: number;
  end: number;
  phases: PhaseSegment[];
}

export interface FigureRun {
  kind: 'mapreduce' | 'spark' | 'hdfs' | 'server' | 'pipeline';
  simulatedMs: number;
  /** A server step's run (Figures 13.1-13.3 read its nights); absent for the cluster's runs. */
  server?: ServerRunReport;
  /** A pipeline step's run (Figures 24.1, 15.2, 15.3, 25.1, 25.2 and 28.1-28.3 read its parts and events). */
  pipeline?: PipelineRunReport;
  trace: readonly RunEvent[];
  attempts: FigureAttempt[];
  /**
   * Each MapReduce reducer attempt's shuffle as the trace tells it: from its shuffleStarted to its
   * last shuffleFetched (or shuffleFinished), cut at the attempt's end if it was killed first.
   */
  shuffles: { task: string; attempt: number; start: number; end: number }[];
  /** Records a combiner took in (Hadoop's COMBINE_INPUT_RECORDS); 0 without a combiner. */
  combineInputRecords: number;
  nodes: FigureNode[];
}

function sideOf(kind: 'mapreduce' | 'spark', a: AttemptRecord): FigureAttempt['side'] {
  if (kind === 'spark') return 'spark';
  return a.taskSet.endsWith('/reduce') ? 'reduce' : 'map';
}

export function toFigureRun(
  report: JobRunReport | HdfsRunReport | ServerRunReport | PipelineRunReport,
  nodes: readonly FigureNode[],
): FigureRun {
  const base = {
    simulatedMs: report.simulatedMs,
    nodes: nodes.map((n) => ({ id: n.id, rack: n.rack, ...(n.roles ? { roles: n.roles } : {}) })),
  };
  if (report.kind === 'server')
    return { ...base, kind: 'server', server: report, trace: [], attempts: [], shuffles: [], combineInputRecords: 0 };
  if (report.kind === 'pipeline')
    return {
      ...base,
      kind: 'pipeline',
      pipeline: report,
      trace: [],
      attempts: [],
      shuffles: [],
      combineInputRecords: 0,
    };
  if (report.kind === 'hdfs') {
    return { ...base, kind: 'hdfs', trace: report.trace, attempts: [], shuffles: [], combineInputRecords: 0 };
  }
  const kind = report.kind;
  const attempts = report.attempts.map((a): FigureAttempt => ({
    side: sideOf(kind, a),
    taskSet: a.taskSet,
    task: a.task,
    attempt: a.attempt,
    index: a.index,
    node: a.node,
    locality: a.locality,
    start: a.start,
    end: a.end,
    phases: phaseSegments(a, phaseOrder(kind, a.taskSet)),
  }));
  const counters = report.metrics.counters as { COMBINE_INPUT_RECORDS?: number };
  return {
    ...base,
    kind,
    trace: report.trace,
    attempts,
    shuffles: reducerShuffles(report.trace, attempts),
    combineInputRecords: counters.COMBINE_INPUT_RECORDS ?? 0,
  };
}

function reducerShuffles(trace: readonly RunEvent[], attempts: readonly FigureAttempt[]): FigureRun['shuffles'] {
  const spans = new Map<string, { task: string; attempt: number; start: number; end: number }>();
  for (const e of trace) {
    if (e.type === 'shuffleStarted') {
      spans.set(`${e.task}#${e.attempt}`, { task: e.task, attempt: e.attempt, start: e.t, end: e.t });
    } else if (e.type === 'shuffleFetched' || e.type === 'shuffleFinished') {
      const s = spans.get(`${e.task}#${e.attempt}`);
      if (s) s.end = Math.max(s.end, e.t);
    }
  }
  return [...spans.values()].map((s) => {
    const a = attempts.find((x) => x.task === s.task && x.attempt === s.attempt);
    // An attempt killed mid-shuffle (its node died) stops fetching when it ends.
    return a && a.end < s.end ? { ...s, end: Math.max(s.start, a.end) } : s;
  });
}
