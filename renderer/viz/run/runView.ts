/**
 * `toRunView(report, nodes)`: turns an engine JobRunReport into the RunView the run panels draw
 * (lanes, bars with phase segments, stages, shuffle flows, counters, markers). Pure; unknown
 * trace events are ignored, so new engine events never break the picture. Its words (markers,
 * the ApplicationMaster's bar) are in the page's language: make the view again when it changes.
 */
import type { JobRunReport } from '../../../engine/api';
import { i18n } from '../../i18n/i18n';
import type { AttemptRecord } from '../../../engine/exec';
import {
  PHASES,
  type Bar,
  type BarIndex,
  type Lane,
  type Marker,
  type Phase,
  type PhaseSegment,
  type RunView,
} from './runViewTypes';
import { phaseOrder } from './phases';
import { deriveStages } from './runStages';
import { deriveFlows } from './runFlows';
import { deriveCounters } from './runCounters';
import { startupRows } from './startupRows';
import { maxOf } from '../maxOf';
import { fetchFailureText, isFetchFailure } from './fetchFailures';
import { attemptReasonText } from './attemptText';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`run:view.${key}`, options);

export interface ClusterNodeRef {
  id: string;
  rack: string;
}

/** Nodes grouped by rack (racks in order of first appearance), then any extra node the run used. */
export function orderNodes(clusterNodes: readonly ClusterNodeRef[], used: readonly string[]): ClusterNodeRef[] {
  const racks: string[] = [];
  for (const n of clusterNodes) if (!racks.includes(n.rack)) racks.push(n.rack);
  const out: ClusterNodeRef[] = [];
  for (const rack of racks) for (const n of clusterNodes) if (n.rack === rack) out.push({ id: n.id, rack: n.rack });
  for (const id of used) if (!out.some((n) => n.id === id)) out.push({ id, rack: '?' });
  return out;
}

/** Phase segments of an attempt in time order (`order`), clipped to its end. */
export function phaseSegments(
  a: Pick<AttemptRecord, 'start' | 'end' | 'cost'>,
  order: readonly Phase[] = PHASES,
): PhaseSegment[] {
  const out: PhaseSegment[] = [];
  let at = a.start;
  for (const phase of order) {
    if (phase === 'am') continue;
    const ms = Math.max(0, a.cost[phase] ?? 0);
    if (ms <= 0 || at >= a.end) continue;
    const end = Math.min(a.end, at + ms);
    out.push({ phase, start: at, end });
    at = end;
  }
  return out;
}

function laneKey(kind: RunView['kind'], a: AttemptRecord): string {
  return kind === 'spark' ? a.executor : a.node;
}

function buildLanes(kind: RunView['kind'], nodes: ClusterNodeRef[], attempts: readonly AttemptRecord[]): Lane[] {
  const lanes: Lane[] = [];
  for (const n of nodes) {
    const ids =
      kind === 'spark' ? [...new Set(attempts.filter((a) => a.node === n.id).map((a) => a.executor))].sort() : [n.id];
    // A node without executors still gets a lane so a dead or idle node shows as empty.
    if (ids.length === 0) ids.push(kind === 'spark' ? `exec-${n.id}` : n.id);
    for (const id of ids)
      lanes.push({
        index: lanes.length,
        id,
        label: kind === 'spark' ? `${id}` : n.id,
        node: n.id,
        rack: n.rack,
        slots: 1,
      });
  }
  return lanes;
}

/** Greedy interval packing per lane: each attempt takes the lowest row free at its start. */
export function assignSlots(bars: Bar[], lanes: Lane[]): void {
  const rowEnds: number[][] = lanes.map(() => []);
  const order = [...bars].sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  for (const b of order) {
    const ends = rowEnds[b.lane]!;
    let slot = ends.findIndex((end) => end <= b.start);
    if (slot < 0) slot = ends.push(0) - 1;
    ends[slot] = b.end;
    b.slot = slot;
  }
  lanes.forEach((l, i) => (l.slots = Math.max(1, rowEnds[i]!.length)));
}

export function buildBarIndex(bars: readonly Bar[], laneCount: number): BarIndex {
  const n = bars.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const lanes = new Int32Array(n);
  const P = PHASES.length;
  const phaseStarts = new Float64Array(n * P);
  const phaseEnds = new Float64Array(n * P);
  let maxDuration = 0;
  bars.forEach((b, i) => {
    starts[i] = b.start;
    ends[i] = b.end;
    lanes[i] = b.lane;
    maxDuration = Math.max(maxDuration, b.end - b.start);
    PHASES.forEach((p, k) => {
      const seg = b.phases.find((s) => s.phase === p);
      phaseStarts[i * P + k] = seg ? seg.start : b.end;
      phaseEnds[i * P + k] = seg ? seg.end : b.end;
    });
  });
  const ids = Array.from({ length: n }, (_, i) => i);
  const byStart = Int32Array.from([...ids].sort((a, b) => starts[a]! - starts[b]! || lanes[a]! - lanes[b]! || a - b));
  const byEnd = Int32Array.from([...ids].sort((a, b) => ends[a]! - ends[b]! || a - b));
  const perLaneLists: number[][] = Array.from({ length: laneCount }, () => []);
  for (const i of byStart) perLaneLists[lanes[i]!]!.push(i);
  return {
    starts,
    ends,
    lanes,
    byStart,
    byEnd,
    perLane: perLaneLists.map((l) => Int32Array.from(l)),
    phaseStarts,
    phaseEnds,
    maxDuration,
  };
}

export function toRunView(report: JobRunReport, clusterNodes: readonly ClusterNodeRef[]): RunView {
  const kind = report.kind;
  const attempts = report.attempts ?? [];
  const nodes = orderNodes(clusterNodes, [...new Set(attempts.map((a) => a.node))].sort());
  const lanes = buildLanes(kind, nodes, attempts);
  const laneOf = new Map<string, number>();
  for (const l of lanes) laneOf.set(kind === 'spark' ? l.id : l.node, l.index);
  const bars: Bar[] = attempts.map((a, i) => ({
    index: i,
    role: 'task' as const,
    lane: laneOf.get(laneKey(kind, a)) ?? 0,
    slot: 0,
    taskSet: a.taskSet,
    task: a.task,
    taskIndex: a.index,
    attempt: a.attempt,
    attemptId: typeof a.attemptId === 'string' ? a.attemptId : `${a.task}.${a.attempt}`,
    container: typeof a.container === 'number' ? a.container : null,
    node: a.node,
    executor: a.executor,
    locality: a.locality,
    start: a.start,
    end: Math.max(a.start, a.end),
    status: a.status,
    speculative: a.speculative,
    retry: a.attempt > 0 && !a.speculative,
    phases: phaseSegments(a, phaseOrder(kind, a.taskSet)),
    reason: a.reason ?? null,
    fetchFailed: isFetchFailure(a),
  }));
  for (const bar of appMasterBars(report, bars.length, laneOf)) bars.push(bar);
  assignSlots(bars, lanes);
  const index = buildBarIndex(bars, lanes.length);
  const durationMs = maxOf(bars, (b) => b.end, Math.max(report.simulatedMs ?? 0, 0));
  const tasks = bars.filter((b) => b.role === 'task');
  const { stages, edges, jobs } = deriveStages(report, bars);
  const firstLaneOfNode = new Map<string, number>();
  for (const l of lanes) if (!firstLaneOfNode.has(l.node)) firstLaneOfNode.set(l.node, l.index);
  const { flows, estimated } = deriveFlows(report, bars, nodes, stages, edges);
  const markers = deriveMarkers(report, bars, firstLaneOfNode);
  const m = report.metrics;
  return {
    kind,
    durationMs,
    nodes,
    lanes,
    bars,
    index,
    stages,
    edges,
    jobs,
    flows,
    flowsEstimated: estimated,
    markers,
    startup: startupRows(report),
    counters: deriveCounters(report),
    totals: {
      readLocal: m?.bytesReadLocal ?? 0,
      readRemote: m?.bytesReadRemote ?? 0,
      shuffleLocal: m?.shuffleBytesLocal ?? 0,
      shuffleRemote: m?.shuffleBytesRemote ?? 0,
      attempts: tasks.length,
      failed: tasks.filter((b) => b.status === 'failed').length,
      killed: tasks.filter((b) => b.status === 'killed').length,
      retries: tasks.filter((b) => b.retry).length,
      speculative: tasks.filter((b) => b.speculative).length,
    },
  };
}

/**
 * MapReduce's ApplicationMasters as bars: each holds a container (a core on the cluster map) from
 * its allocation to the end of its job; start-up until it is launched, then at work.
 */
function appMasterBars(report: JobRunReport, first: number, laneOf: Map<string, number>): Bar[] {
  const launched = new Map<number, { t: number; job: string; attempt: number }>();
  for (const e of report.trace)
    if (e.type === 'appMasterLaunched') launched.set(e.container, { t: e.t, job: e.job, attempt: e.attempt });
  if (launched.size === 0) return [];
  const allocated = new Map<number, { t: number; node: string }>();
  const ended = new Map<number, { t: number; lost: boolean }>();
  for (const e of report.trace) {
    if (e.type === 'containerAllocated' && launched.has(e.container))
      allocated.set(e.container, { t: e.t, node: e.node });
    else if (e.type === 'containerReleased' || e.type === 'containerCompleted' || e.type === 'containerLost')
      if (launched.has(e.container) && !ended.has(e.container))
        ended.set(e.container, { t: e.t, lost: e.type === 'containerLost' });
  }
  const end = Math.max(report.simulatedMs ?? 0, 0);
  const out: Bar[] = [];
  for (const [container, am] of launched) {
    const alloc = allocated.get(container);
    if (!alloc) continue;
    const stop = ended.get(container);
    const finish = Math.max(alloc.t, stop?.t ?? end);
    out.push({
      index: first + out.length,
      role: 'am',
      lane: laneOf.get(alloc.node) ?? 0,
      slot: 0,
      taskSet: `${am.job}/am`,
      task: say('amTask', { job: am.job }),
      taskIndex: 0,
      attempt: am.attempt - 1,
      attemptId: say('amAttempt', { attempt: am.attempt, job: am.job }),
      container,
      node: alloc.node,
      executor: alloc.node,
      locality: 'ANY',
      start: alloc.t,
      end: finish,
      status: stop?.lost ? 'killed' : 'succeeded',
      speculative: false,
      retry: false,
      phases: amPhases(alloc.t, Math.min(am.t, finish), finish),
      reason: stop?.lost ? say('amLost', { node: alloc.node }) : null,
      fetchFailed: false,
    });
  }
  return out;
}

/** An ApplicationMaster's container: starting until it is launched, then at work; empty phases left out. */
function amPhases(allocated: number, launched: number, finish: number): PhaseSegment[] {
  const phases: PhaseSegment[] = [
    { phase: 'startup', start: allocated, end: launched },
    { phase: 'am', start: launched, end: finish },
  ];
  return phases.filter((p) => p.end > p.start);
}

function deriveMarkers(report: JobRunReport, bars: readonly Bar[], laneOfNode: Map<string, number>): Marker[] {
  const out: Marker[] = [];
  const nodeMarker = (t: number, kind: Marker['kind'], node: string | null, text: string) =>
    out.push({ t, kind, node, lane: node !== null ? (laneOfNode.get(node) ?? null) : null, text });
  for (const e of report.trace) {
    if (e.type === 'nodeDied') nodeMarker(e.t, 'nodeDied', e.node, say('nodeDied', { node: e.node }));
    else if (e.type === 'nodeRestarted')
      nodeMarker(e.t, 'nodeRestarted', e.node, say('nodeRestarted', { node: e.node }));
    else if (e.type === 'nodeSlowed')
      nodeMarker(e.t, 'nodeSlowed', e.node, say('nodeSlowed', { node: e.node, factor: e.factor }));
    else if (e.type === 'mapOutputLost')
      nodeMarker(e.t, 'mapOutputLost', e.node, say('mapOutputLost', { task: e.task, node: e.node }));
    else if (e.type === 'executorLost')
      nodeMarker(
        e.t,
        'executorLost',
        e.node,
        say('executorLost', { executor: e.executor, reason: attemptReasonText(e.reason) }),
      );
    else if (e.type === 'stageSkipped') nodeMarker(e.t, 'stageSkipped', null, say('stageSkipped', { stage: e.stage }));
    else if (e.type === 'fetchFailed') nodeMarker(e.t, 'fetchFailed', e.from, `${e.task}: ${fetchFailureText(e)}`);
    else if (e.type === 'stageFailed')
      nodeMarker(
        e.t,
        'stageFailed',
        null,
        say(e.willRetry ? 'stageFailed' : 'stageAborted', {
          stage: e.stage,
          attempt: e.attempt,
          reason: attemptReasonText(e.reason),
        }),
      );
    else if (e.type === 'stageResubmitted')
      nodeMarker(
        e.t,
        'stageResubmitted',
        null,
        say('stagesResubmitted', { count: e.stages.length, stages: e.stages.join(', ') }),
      );
  }
  for (const b of bars) {
    if (b.role !== 'task') continue;
    if (b.status === 'failed')
      out.push({
        t: b.end,
        kind: b.fetchFailed ? 'taskFetchFailed' : 'taskFailed',
        node: b.node,
        lane: b.lane,
        text: say(b.reason ? 'taskFailedWhy' : 'taskFailed', {
          task: b.task,
          attempt: b.attempt,
          node: b.node,
          reason: b.reason ? attemptReasonText(b.reason) : b.reason,
        }),
      });
    if (b.status === 'killed')
      out.push({
        t: b.end,
        kind: 'taskKilled',
        node: b.node,
        lane: b.lane,
        text: say(b.reason ? 'taskKilledWhy' : 'taskKilled', {
          task: b.task,
          attempt: b.attempt,
          node: b.node,
          reason: b.reason ? attemptReasonText(b.reason) : b.reason,
        }),
      });
    if (b.retry)
      out.push({
        t: b.start,
        kind: 'retryStarted',
        node: b.node,
        lane: b.lane,
        text: say('retried', { task: b.task, attempt: b.attempt, node: b.node }),
      });
    if (b.speculative)
      out.push({
        t: b.start,
        kind: 'speculativeStarted',
        node: b.node,
        lane: b.lane,
        text: say('speculative', { task: b.task, node: b.node }),
      });
  }
  return out.sort((a, b) => a.t - b.t || a.kind.localeCompare(b.kind) || a.text.localeCompare(b.text));
}
