/**
 * Every transfer of a run as an interval of simulated time from one node to another, derived from
 * its trace: remote HDFS block reads of tasks (`blocksRead`, placed in the attempt's read phase),
 * shuffle fetches (`shuffleFetched`: a MapReduce reducer fetches one map output after another
 * during its shuffle; a Spark task's fetches share its shuffle-read phase), HDFS write pipelines
 * (`blockAllocated`: client -> first DataNode -> second -> ...) and re-replication
 * (`replicationStarted` .. `blockReplicated`). Pure; the cluster map draws them (drawMapFlows.ts).
 */
import type { RunEvent } from '../../engine/api';
import type { CostBreakdown } from '../../engine/exec';
import { flowScope } from './run/runFlows';
import type { FlowScope } from './run/runViewTypes';

export type MapFlowKind = 'read' | 'shuffle' | 'write' | 'replication';

export interface MapFlow {
  /** Simulated interval [start, end) during which the bytes move. */
  start: number;
  end: number;
  from: string;
  to: string;
  bytes: number;
  scope: FlowScope;
  kind: MapFlowKind;
}

interface AttemptSpan {
  node: string;
  start: number;
  end: number;
  cost: CostBreakdown | null;
  reads: number;
}

const START_EVENTS = new Set<RunEvent['type']>([
  'jobSubmitted',
  'taskStarted',
  'applicationSubmitted',
  'appMasterLaunched',
  'driverStarted',
]);

/** The transfers of a trace, sorted by start (then end, from, to). */
export function deriveMapFlows(events: readonly RunEvent[], nodes: readonly { id: string; rack: string }[]): MapFlow[] {
  const rackOf = new Map(nodes.map((n) => [n.id, n.rack]));
  const out: MapFlow[] = [];
  const push = (start: number, end: number, from: string, to: string, bytes: number, kind: MapFlowKind) => {
    if (bytes > 0)
      out.push({ start, end: Math.max(start, end), from, to, bytes, scope: flowScope(from, to, rackOf), kind });
  };
  const attempts = attemptSpans(events);
  const byNode = new Map<string, AttemptSpan[]>();
  for (const a of attempts.values()) {
    const list = byNode.get(a.node);
    if (list) list.push(a);
    else byNode.set(a.node, [a]);
  }
  const ofTaskAttempt = new Map<string, AttemptSpan>();
  const mrShuffle = new Map<string, number>();
  const partWritten = new Map<string, number>();
  const replications = new Map<string, RunEvent & { type: 'replicationStarted' }>();
  // A job run's inputs are loaded before it starts: their pipelines are not part of the run.
  const isJob = events.some((e) => e.type === 'jobSubmitted');
  let started = !isJob;
  for (const e of events) {
    if (e.type === 'taskStarted') {
      const a = attempts.get(e.attemptId);
      if (a) ofTaskAttempt.set(`${e.task}#${e.attempt}`, a);
    } else if (e.type === 'partFileWritten') partWritten.set(e.path, e.t);
  }
  const writeOffset = new Map<string, number>();
  for (const e of events) {
    if (START_EVENTS.has(e.type)) started = true;
    switch (e.type) {
      case 'blocksRead': {
        const a = readingAttempt(byNode.get(e.reader), e.t);
        const total = e.pieces.reduce((s, p) => s + p.ms, 0);
        let rs = e.t;
        let re = e.t + total;
        if (a && a.cost) {
          rs = a.start + a.cost.startup;
          re = rs + a.cost.read;
        }
        if (a) re = Math.min(re, a.end);
        let acc = 0;
        for (const p of e.pieces) {
          const s = total > 0 ? rs + ((re - rs) * acc) / total : rs;
          acc += p.ms;
          const f = total > 0 ? rs + ((re - rs) * acc) / total : re;
          if (p.node !== e.reader) push(s, f, p.node, e.reader, p.bytes, 'read');
        }
        break;
      }
      case 'shuffleStarted':
        mrShuffle.set(`${e.task}#${e.attempt}`, e.t);
        break;
      case 'shuffleFetched': {
        const key = `${e.task}#${e.attempt}`;
        const a = ofTaskAttempt.get(key);
        const prev = mrShuffle.get(key);
        if (prev !== undefined) {
          // MapReduce: one fetch after another, from the shuffle phase's start.
          const from = a?.cost ? Math.max(prev, a.start + a.cost.startup) : prev;
          const s = Math.min(from, e.t);
          push(s, e.t, e.from, e.to, e.bytes, 'shuffle');
          mrShuffle.set(key, e.t);
        } else if (a?.cost) {
          // Spark: recorded when the task ends, per source; the fetches share the shuffle-read phase.
          const s = a.start + a.cost.startup + a.cost.read;
          push(s, Math.min(e.t, s + a.cost.shuffle), e.from, e.to, e.bytes, 'shuffle');
        } else push(e.t, e.t, e.from, e.to, e.bytes, 'shuffle');
        break;
      }
      case 'blockAllocated': {
        if (!started || e.replicas.length === 0) break;
        const done = partWritten.get(e.path);
        let s = e.t;
        let f = e.t;
        // Outside a job (hdfs-blocks' put and append) the simulation writes a file in no simulated
        // time: the event log says it is written at this instant, and the block table, the chips and
        // Figure 19.2 show every replica from then on. Its hops are drawn at that instant (then fade),
        // not streamed over the seconds after as if the replicas were still on their way.
        if (done !== undefined && done >= e.t) f = done;
        else if (isJob) {
          // The client streams a file's blocks one after another.
          const key = `${e.path}@${e.t}`;
          s = e.t + (writeOffset.get(key) ?? 0);
          f = s + (e.pipelineMs ?? 0);
          writeOffset.set(key, f - e.t);
        }
        let prev = e.writer ?? null;
        for (const r of e.replicas) {
          if (prev !== null) push(s, f, prev, r, e.bytes, 'write');
          prev = r;
        }
        break;
      }
      case 'replicationStarted':
        replications.set(`${e.block}|${e.from}|${e.to}`, e);
        break;
      case 'blockReplicated':
      case 'replicationFailed': {
        const key = `${e.block}|${e.from}|${e.to}`;
        const begun = replications.get(key);
        replications.delete(key);
        if (begun) push(begun.t, e.t, e.from, e.to, begun.bytes, 'replication');
        break;
      }
    }
  }
  const last = events.reduce((m, e) => Math.max(m, e.t), 0);
  for (const r of replications.values()) push(r.t, last, r.from, r.to, r.bytes, 'replication');
  return out.sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0),
  );
}

/** Each attempt's node, span and (when it finished) cost breakdown, by attemptId. */
function attemptSpans(events: readonly RunEvent[]): Map<string, AttemptSpan> {
  const spans = new Map<string, AttemptSpan>();
  for (const e of events) {
    if (e.type === 'taskStarted')
      spans.set(e.attemptId, { node: e.node, start: e.t, end: Number.POSITIVE_INFINITY, cost: null, reads: 0 });
    else if (e.type === 'taskFinished' || e.type === 'taskFailed' || e.type === 'taskKilled') {
      const a = spans.get(e.attemptId);
      if (!a) continue;
      a.end = e.t;
      if (e.type === 'taskFinished') a.cost = e.cost;
    }
  }
  return spans;
}

/**
 * The attempt a read on `node` at `t` belongs to: the latest started by t and still starting up
 * (a task plans its read when its container is launched); among those started at the same
 * instant, the one with the fewest reads so far.
 */
function readingAttempt(list: AttemptSpan[] | undefined, t: number): AttemptSpan | null {
  if (!list) return null;
  let best: AttemptSpan | null = null;
  for (const a of list) {
    if (a.start > t || a.end < t) continue;
    if (a.cost && a.start + a.cost.startup < t) continue;
    if (best === null || a.start > best.start || (a.start === best.start && a.reads < best.reads)) best = a;
  }
  if (best) best.reads++;
  return best;
}
