/**
 * The MapReduce and Spark figures' lights from a run's attempts (their phases as the timeline
 * draws them) and its trace.
 *
 * 20.1 and 20.2: input read (a map's HDFS read), mapping, the shuffle (a reducer fetching map
 * outputs), reducing (merge and reduce), output written.
 * 20.3: splits read, map, partition/sort/spill (with the combiner when the job has one: Hadoop
 * runs it on each spill), shuffle, merge, reduce, output.
 * 20.4: HDFS (a task reading its input from HDFS or writing output), YARN (an application holds
 * containers), MapReduce or Spark (their tasks running).
 * 20.5: a Spark task reading an HDFS block on its own machine (NODE_LOCAL) or over the network
 * (RACK_LOCAL, ANY), or a cached partition in its executor's memory (PROCESS_LOCAL).
 * 20.6: the driver, YARN's ResourceManager granting containers until their NodeManager has
 * launched them, the executors' containers running, tasks running on the executors.
 */
import type { RunEvent } from '../../../engine/api';
import type { Phase } from '../run/runViewTypes';
import type { FigureAttempt, FigureRun } from './figureRun';
import { lightsOf, type FigureLight } from './figureLights';

/** The intervals of the attempts' phases `phases` (for attempts `which` selects). */
function phaseIntervals(attempts: readonly FigureAttempt[], which: (a: FigureAttempt) => boolean, phases: Phase[]) {
  return attempts.filter(which).flatMap((a) => a.phases.filter((p) => phases.includes(p.phase)));
}
const isMap = (a: FigureAttempt) => a.side === 'map';
const isReduce = (a: FigureAttempt) => a.side === 'reduce';

/** An attempt from the end of its container's start-up (a reducer: its shuffle's start) to its end: the task at work. */
function working(x: FigureAttempt, run: FigureRun) {
  const shuffle = run.shuffles.find((s) => s.task === x.task && s.attempt === x.attempt);
  const start = shuffle?.start ?? x.phases.find((p) => p.phase !== 'startup')?.start ?? x.end;
  return { start, end: x.end };
}

/** 20.1 and 20.2; each mapper and reducer is also lit on its own (`mapper:<task>`, `reducer:<task>`) while its
 * attempt works (after its container's start-up). */
export function mapReduceFlowLights(run: FigureRun): FigureLight[] {
  const a = run.attempts;
  return [
    ...lightsOf('input', phaseIntervals(a, isMap, ['read'])),
    ...lightsOf('map', phaseIntervals(a, isMap, ['compute', 'spill'])),
    ...lightsOf('shuffle', run.shuffles),
    ...lightsOf('reduce', phaseIntervals(a, isReduce, ['spill', 'compute'])),
    ...lightsOf('output', phaseIntervals(a, isReduce, ['write'])),
    ...a.filter(isMap).flatMap((x) => lightsOf(`mapper:${x.index}`, [working(x, run)])),
    ...a.filter(isReduce).flatMap((x) => lightsOf(`reducer:${x.index}`, [working(x, run)])),
  ];
}

/** 20.3: the MapReduce process, phase by phase. */
export function mapReduceProcessLights(run: FigureRun): FigureLight[] {
  const a = run.attempts;
  const spills = phaseIntervals(a, isMap, ['spill']);
  return [
    ...lightsOf('splits', phaseIntervals(a, isMap, ['read'])),
    ...lightsOf('map', phaseIntervals(a, isMap, ['compute'])),
    ...lightsOf('spill', spills),
    ...(run.combineInputRecords > 0 ? lightsOf('combine', spills) : []),
    ...lightsOf('shuffle', run.shuffles),
    ...lightsOf('merge', phaseIntervals(a, isReduce, ['spill'])),
    ...lightsOf('reduce', phaseIntervals(a, isReduce, ['compute'])),
    ...lightsOf('output', phaseIntervals(a, isReduce, ['write'])),
  ];
}

/** Spark task sets (`stage-<id>`) whose stage starts from a file in HDFS (textFile and the other file sources). */
function hdfsStages(trace: readonly RunEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of trace)
    if (
      e.type === 'stageSubmitted' &&
      /^(textFile|wholeTextFiles|sequenceFile|objectFile)\b/.test(e.ops?.[0]?.name ?? e.name)
    )
      out.add(`stage-${e.stage}`);
  return out;
}

/** [first, last) per key of events that open and close a span (containers, applications). */
function spans(
  trace: readonly RunEvent[],
  open: (e: RunEvent) => string | null,
  close: (e: RunEvent) => string | null,
) {
  const started = new Map<string, number>();
  const out: { start: number; end: number }[] = [];
  for (const e of trace) {
    const o = open(e);
    if (o !== null && !started.has(o)) started.set(o, e.t);
    const c = close(e);
    if (c !== null && started.has(c)) {
      out.push({ start: started.get(c)!, end: e.t });
      started.delete(c);
    }
  }
  for (const start of started.values()) out.push({ start, end: Infinity });
  return out;
}

const appSpans = (trace: readonly RunEvent[]) =>
  spans(
    trace,
    (e) => (e.type === 'applicationSubmitted' ? e.app : null),
    (e) => (e.type === 'applicationFinished' ? e.app : null),
  );

/** 20.4: which of Hadoop's and Spark's parts the run is using at t. */
export function hadoopSparkLights(run: FigureRun): FigureLight[] {
  const a = run.attempts;
  const fromHdfs = hdfsStages(run.trace);
  const readsHdfs = (x: FigureAttempt) => x.side === 'map' || (x.side === 'spark' && fromHdfs.has(x.taskSet));
  return [
    ...lightsOf('hdfs', [...phaseIntervals(a, readsHdfs, ['read']), ...phaseIntervals(a, () => true, ['write'])]),
    ...lightsOf('yarn', appSpans(run.trace)),
    ...lightsOf('standalone', standaloneSpans(run.trace)),
    ...lightsOf(
      'mapreduce',
      a.filter((x) => x.side !== 'spark'),
    ),
    ...lightsOf(
      'spark',
      a.filter((x) => x.side === 'spark'),
    ),
  ];
}

/** 20.5: where Spark's tasks read their data from. */
export function dataLocalityLights(run: FigureRun): FigureLight[] {
  const sparkTasks = run.attempts.filter((x) => x.side === 'spark');
  const fromHdfs = hdfsStages(run.trace);
  const hdfsRead = (levels: string[]) =>
    phaseIntervals(sparkTasks, (x) => fromHdfs.has(x.taskSet) && levels.includes(x.locality), ['read']);
  const firstBlock = run.trace.find((e) => e.type === 'blockAllocated')?.t;
  return [
    ...(firstBlock === undefined ? [] : [{ part: 'blocks', start: firstBlock, end: Infinity }]),
    // The figure's executors sit on the DataNodes' machines: an executor on a machine without a
    // DataNode (a compute-only server) is not what it draws, so it does not light it.
    ...lightsOf('executors', executorSpans(run.trace, onDataNodes(run))),
    ...lightsOf('local', hdfsRead(['NODE_LOCAL'])),
    ...lightsOf('remote', hdfsRead(['RACK_LOCAL', 'ANY'])),
    ...lightsOf(
      'memory',
      sparkTasks.filter((x) => x.locality === 'PROCESS_LOCAL'),
    ),
  ];
}

/** Whether a node runs a DataNode (a node the run does not describe is taken to run both services). */
function onDataNodes(run: FigureRun): (node: string) => boolean {
  const storing = new Map(run.nodes.map((n) => [n.id, n.roles === undefined || n.roles.includes('datanode')]));
  return (node) => storing.get(node) ?? true;
}

/** Executors from executorAdded until executorLost or their container ends (only those on nodes `where` takes). */
function executorSpans(trace: readonly RunEvent[], where: (node: string) => boolean = () => true) {
  const executorOf = new Map<number, string>();
  return spans(
    trace,
    (e) => {
      if (e.type !== 'executorAdded' || !where(e.node)) return null;
      if (e.container !== undefined) executorOf.set(e.container, e.executor);
      return e.executor;
    },
    (e) =>
      e.type === 'executorLost' || e.type === 'executorRemoved'
        ? e.executor
        : e.type === 'containerReleased' || e.type === 'containerCompleted'
          ? (executorOf.get(e.container) ?? null)
          : null,
  );
}

/** The YARN application of the run's Spark driver (its executors'), if it asked YARN for them. */
function sparkYarnApp(trace: readonly RunEvent[]): string | null {
  const e = trace.find((x) => x.type === 'applicationSubmitted' && x.name === 'spark');
  return e?.type === 'applicationSubmitted' ? e.app : null;
}

/** Executors Spark's standalone Master launched, from executorAdded until they were lost or removed. */
const standaloneSpans = (trace: readonly RunEvent[]) =>
  spans(
    trace,
    (e) => (e.type === 'executorAdded' && e.manager === 'standalone' ? e.executor : null),
    (e) => (e.type === 'executorLost' || e.type === 'executorRemoved' ? e.executor : null),
  );

/**
 * 20.6: Spark on YARN. Only the Spark application's own containers and executors light: another
 * application's containers on the same NodeManagers (an ETL) are not the figure's, nor are
 * executors a standalone Master launched.
 */
export function sparkYarnLights(run: FigureRun): FigureLight[] {
  const t = run.trace;
  const app = sparkYarnApp(t);
  const driverEnd =
    t.find((e) => e.type === 'applicationFinished' && e.app === app)?.t ??
    (t.some((e) => e.type === 'driverStarted') ? run.simulatedMs : Infinity);
  const driver = t.filter((e) => e.type === 'driverStarted').map((e) => ({ start: e.t, end: driverEnd }));
  // A container request is the ResourceManager's work until the container it granted is launched.
  const containerOfRequest = new Map<string, string>();
  const granting = spans(
    t,
    (e) => (e.type === 'containerRequested' && e.app === app ? `${e.app}/${e.request}` : null),
    (e) => {
      if (e.type === 'containerAllocated') containerOfRequest.set(String(e.container), `${e.app}/${e.request}`);
      return e.type === 'containerLaunched' ? (containerOfRequest.get(String(e.container)) ?? null) : null;
    },
  );
  const containers = spans(
    t,
    (e) => (e.type === 'containerLaunched' && e.app === app ? String(e.container) : null),
    (e) => (e.type === 'containerReleased' || e.type === 'containerCompleted' ? String(e.container) : null),
  );
  return [
    ...lightsOf('driver', driver),
    ...lightsOf('resourcemanager', granting),
    ...lightsOf('nodemanagers', containers),
    ...lightsOf(
      'executors',
      run.attempts.filter((x) => x.side === 'spark' && app !== null),
    ),
  ];
}
