/**
 * Runs a pipeline on a fresh kernel and cluster: the clients send their events, every part works
 * on the simulated clock with costs from the cost model, faults strike machines (kill, restart,
 * slow, cut a rack off) or parts (stop, start), and the ledger follows every event from the
 * clients to the dashboard. The run ends once every event is displayed, or at the time limit
 * (by default the last event's creation plus a drain long enough for every part's schedule).
 * Pure and deterministic: the same pipeline, cluster, faults and seed give the same result.
 */
import { Kernel, ValidationError, check, createRng, nullSink, type RunOptions } from '../core';
import {
  Cluster,
  CostModel,
  FaultInjector,
  preset,
  resolveClusterSpec,
  type ClusterSpec,
  type FaultSpec,
} from '../cluster';
import { ClientsPart } from './clientsPart';
import { DashboardPart } from './dashboardPart';
import { FlumePart } from './flumePart';
import { HdfsPart } from './hdfsPart';
import { KafkaPart } from './kafkaPart';
import { type PartRuntime, type PipelineContext } from './partRuntime';
import { MAX_SIMULATED_MS, PART_CATALOGUE } from './partCatalogue';
import type { PipelineEvent } from './pipelineEvents';
import { PipelineLedger } from './pipelineLedger';
import { reportPipeline, type PipelineResult } from './pipelineReport';
import { validatePipeline, type ResolvedPart, type ResolvedPipeline } from './pipelineSpec';
import { PassThroughPart } from './serviceParts';
import { MlTracker } from './mlTracker';
import { ModelServingPart } from './modelServingPart';
import { ModelTrainerPart } from './modelTrainerPart';
import { SparkBatchPart, SparkStreamingPart } from './sparkParts';
import { StorePart } from './storePart';

/**
 * A fault on a part rather than a machine: stop it (the speed layer, say) and start it again; or
 * deploy a new version of a streaming job that rebuilds its results from the log (`reprocess`;
 * without a part, every streaming job).
 */
export type PartFault =
  { atMs: number; kind: 'stopPart' | 'startPart'; part: string } | { atMs: number; kind: 'reprocess'; part?: string };
export type PipelineFault = FaultSpec | PartFault;

export interface PipelineRunOptions {
  /** The pipeline as data (validated here). */
  pipeline: unknown;
  /** A preset's name or a cluster spec (default 'classroom'). */
  cluster?: string | ClusterSpec;
  faults?: readonly PipelineFault[];
  seed?: number;
  /** Run until here (default: until every event is displayed, at the latest the last event's creation plus a drain). */
  untilMs?: number;
  /** Passed to the kernel: a wall-clock budget check that throws to end the run. */
  check?: RunOptions['check'];
}

/** The faults a pipeline run takes (a disk failure is not one: the parts keep no per-disk data). */
export const PIPELINE_FAULT_KINDS = [
  'killNode',
  'restartNode',
  'slowNode',
  'partitionRack',
  'healRack',
  'stopPart',
  'startPart',
  'reprocess',
];

/** The most events a result lists (the rest are counted). */
export const MAX_REPORTED_EVENTS = 20_000;
/** Points of the timeline. */
export const TIMELINE_POINTS = 400;

function makePart(spec: ResolvedPart, ctx: PipelineContext, seed: number): PartRuntime {
  switch (spec.type) {
    case 'clients':
      return new ClientsPart(
        spec,
        ctx,
        createRng(seed).fork(`clients:${spec.id}`),
        createRng(seed).fork(`trends:${spec.id}`),
        createRng(seed).fork(`values:${spec.id}`),
      );
    case 'api':
      return new PassThroughPart(spec, ctx);
    case 'model-serving':
      return new ModelServingPart(spec, ctx);
    case 'flume':
      return new FlumePart(spec, ctx);
    case 'kafka':
      return new KafkaPart(spec, ctx);
    case 'spark-streaming':
      return new SparkStreamingPart(spec, ctx);
    case 'spark-batch':
      return spec.settings.op === 'trainRegression' ? new ModelTrainerPart(spec, ctx) : new SparkBatchPart(spec, ctx);
    case 'hdfs':
      return new HdfsPart(spec, ctx);
    case 'hbase':
    case 'rdbms':
      return new StorePart(spec, ctx);
    case 'dashboard':
      return new DashboardPart(spec, ctx);
  }
}

/** How long after the last event the run goes on by default: every part's schedule twice, at least a minute. */
export function drainMs(pipeline: ResolvedPipeline): number {
  let longest = 60_000;
  for (const p of pipeline.parts) {
    const s = p.settings;
    const ms =
      p.type === 'spark-batch'
        ? (s.everyMs as number) + (s.startupMs as number)
        : p.type === 'flume'
          ? (s.rollInterval as number) * 1000
          : p.type === 'dashboard'
            ? (s.refreshMs as number)
            : p.type === 'spark-streaming'
              ? (s.triggerMs as number)
              : p.type === 'clients'
                ? (s.retryMs as number)
                : 0;
    longest = Math.max(longest, 2 * ms);
  }
  return longest;
}

function resolveCluster(raw: string | ClusterSpec | undefined) {
  return resolveClusterSpec(typeof raw === 'string' || raw === undefined ? preset(raw ?? 'classroom') : raw);
}

export function runPipeline(options: PipelineRunOptions): PipelineResult {
  const seed = options.seed ?? 1;
  const kernel = new Kernel();
  const cluster = new Cluster(resolveCluster(options.cluster), kernel, nullSink);
  const pipeline = validatePipeline(
    options.pipeline,
    cluster.nodes.map((n) => n.id),
  );
  const clientsSpec = pipeline.parts.find((p) => p.type === 'clients')!;
  const events = clientsSpec.settings.events as number;
  const ledger = new PipelineLedger(events, pipeline.parts.length);
  const log: PipelineEvent[] = [];
  let leftOut = 0;
  const ctx: PipelineContext = {
    kernel,
    cluster,
    cost: new CostModel(cluster),
    ledger,
    parts: [],
    eventBytes: clientsSpec.settings.eventBytes as number,
    ml: new MlTracker(events),
    emit: (e) => {
      if (log.length < MAX_REPORTED_EVENTS) log.push(e);
      else leftOut++;
    },
  };
  const parts = pipeline.parts.map((spec) => makePart(spec, ctx, seed));
  ctx.parts.push(...parts);
  const clients = parts[clientsSpec.index] as ClientsPart;
  const until =
    options.untilMs === undefined
      ? Math.min(MAX_SIMULATED_MS, clients.lastCreationMs + drainMs(pipeline))
      : check.positiveNumber('untilMs', options.untilMs);
  if (until > MAX_SIMULATED_MS)
    throw new ValidationError('untilMs', `at most ${MAX_SIMULATED_MS} ms (a day), got ${until}`);
  planFaults(options.faults ?? [], kernel, cluster, parts);
  cluster.subscribe(() => {
    for (const p of parts) p.refresh();
  });

  const timeline = {
    t: [] as number[],
    held: parts.map(() => [] as number[]),
    up: parts.map(() => [] as boolean[]),
    displayed: [] as number[],
  };
  const sample = () => {
    timeline.t.push(kernel.now);
    parts.forEach((p, i) => {
      timeline.held[i]!.push(p.heldCount());
      timeline.up[i]!.push(p.up);
    });
    timeline.displayed.push(ledger.displayed);
  };
  const every = Math.max(1, Math.ceil(until / TIMELINE_POINTS));
  const sampler = () => {
    sample();
    kernel.post(every, sampler, 10);
  };
  kernel.post(every, sampler, 10);
  sample();
  // Without a time limit of the caller's, the run ends once every event is shown; with one it runs to it.
  let allShown = false;
  for (const p of parts)
    if (p instanceof DashboardPart)
      p.onShown = () => {
        if (ledger.displayed === events) {
          allShown = true;
          if (options.untilMs === undefined) kernel.stop();
        }
      };
  for (const p of parts) p.start();
  kernel.run({ until, check: options.check });
  if (timeline.t[timeline.t.length - 1] !== kernel.now) sample();
  return reportPipeline({
    seed,
    pipeline,
    parts,
    ledger,
    timeline,
    events: log,
    eventsLeftOut: leftOut,
    allShown,
    endMs: kernel.now,
    cluster,
    ml: ctx.ml.used ? ctx.ml.report(ledger.keys, kernel.now) : null,
  });
}

function planFaults(faults: readonly PipelineFault[], kernel: Kernel, cluster: Cluster, parts: PartRuntime[]): void {
  check.array('faults', faults);
  const injector = new FaultInjector(kernel, cluster);
  faults.forEach((raw, i) => {
    const path = `faults[${i}]`;
    const f = check.object(path, raw);
    if (!PIPELINE_FAULT_KINDS.includes(f.kind as string))
      throw new ValidationError(
        `${path}.kind`,
        `must be one of ${PIPELINE_FAULT_KINDS.map((k) => `'${k}'`).join(', ')}, got ${JSON.stringify(f.kind)}`,
      );
    if (typeof f.atMs === 'number' && f.atMs > MAX_SIMULATED_MS)
      throw new ValidationError(`${path}.atMs`, `at most ${MAX_SIMULATED_MS} ms (a day), got ${f.atMs}`);
    if (f.kind === 'stopPart' || f.kind === 'startPart' || f.kind === 'reprocess') {
      check.knownKeys(path, f, ['atMs', 'kind', 'part']);
      const atMs = check.nonNegativeNumber(`${path}.atMs`, f.atMs);
      // A reprocess without a part: every streaming job of the pipeline (a step that cannot know the learner's ids).
      if (f.kind === 'reprocess' && f.part === undefined) {
        const jobs = parts.filter((p): p is SparkStreamingPart => p instanceof SparkStreamingPart);
        kernel.postAt(atMs, () => jobs.forEach((p) => p.reprocess()), -10);
        return;
      }
      const part = parts.find((p) => p.id === f.part);
      if (!part)
        throw new ValidationError(
          `${path}.part`,
          `no part has the id ${JSON.stringify(f.part)} (parts: ${parts.map((p) => p.id).join(', ')})`,
        );
      if (part.spec.type === 'clients') throw new ValidationError(`${path}.part`, 'the clients cannot be stopped');
      if (f.kind === 'reprocess') {
        if (!(part instanceof SparkStreamingPart))
          throw new ValidationError(
            `${path}.part`,
            `"${part.id}" is ${PART_CATALOGUE[part.spec.type].label}; only a Spark Streaming job reprocesses its log`,
          );
        kernel.postAt(atMs, () => part.reprocess(), -10);
        return;
      }
      kernel.postAt(atMs, () => (f.kind === 'stopPart' ? part.stop() : part.resume()), -10);
      return;
    }
    injector.schedule(raw as FaultSpec, path);
  });
}
