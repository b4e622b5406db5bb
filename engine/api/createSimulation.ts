/**
 * The one entry to the engine core: `createSimulation({ seed, cluster, hdfs, yarn })` builds a
 * kernel, a seeded RNG, a trace, the cluster with its cost model, HDFS, YARN and the fault
 * injector, all wired to the same simulated clock. Bad input is rejected with a
 * ValidationError naming the field (`cluster.racks[0].nodes`, `hdfs.replication`, ...).
 */
import {
  CountingSink,
  Kernel,
  Trace,
  ValidationError,
  check,
  createRng,
  describeValue,
  type Rng,
  type RunOptions,
  type TraceSink,
} from '../core';
import {
  Cluster,
  CostModel,
  FaultInjector,
  isPresetName,
  preset,
  presetNames,
  presetWithNodes,
  resolveClusterSpec,
  type ClusterSpec,
  type FaultSpec,
  type PresetName,
} from '../cluster';
import { Hdfs, resolveHdfsConfig, type HdfsConfig } from '../hdfs';
import { ResourceManager, resolveYarnConfig, type YarnOptions } from '../yarn';
import type { SimulationEvent } from './simulationEvents';
import { computeMetrics, type SimulationMetrics } from './simulationMetrics';
import { takeSnapshot, type ClusterSnapshot } from './simulationSnapshot';

export interface SimulationOptions {
  /** Fixes every random choice of the run (default 1). */
  seed?: number | string;
  /** A preset name, a node count (`presetWithNodes(n)`), or a custom ClusterSpec. Default 'classroom'. */
  cluster?: PresetName | number | ClusterSpec;
  /** HDFS settings over Hadoop's defaults. */
  hdfs?: Partial<HdfsConfig>;
  /** YARN settings over Hadoop's defaults (scheduler, queues, heartbeats, expiry, ...). */
  yarn?: YarnOptions;
  /**
   * Where trace events go: 'full' (default, kept in `trace`), 'count' (only per-type counts, in
   * `counts`), 'none' (not even built: for benchmarks), or a sink of your own.
   */
  trace?: 'full' | 'count' | 'none' | TraceSink<SimulationEvent>;
  /** Faults to inject on the simulated clock. */
  faults?: FaultSpec[];
}

export interface Simulation {
  readonly seed: number | string;
  readonly kernel: Kernel;
  readonly rng: Rng;
  /** The full trace ('full' mode); empty otherwise. */
  readonly trace: Trace<SimulationEvent>;
  /** Per-type counts ('count' mode); undefined otherwise. */
  readonly counts: CountingSink<SimulationEvent> | undefined;
  /** The sink every layer records to. */
  readonly sink: TraceSink<SimulationEvent>;
  readonly cluster: Cluster;
  readonly cost: CostModel;
  readonly hdfs: Hdfs;
  readonly yarn: ResourceManager;
  readonly faults: FaultInjector;
  /** The cluster state now, as plain JSON-able data. */
  snapshot(): ClusterSnapshot;
  /** Runs the kernel (see Kernel.run): until idle, until a time, or for a number of events. */
  run(options?: RunOptions): number;
  /** Metrics derived from the trace ('full' mode). */
  metrics(): SimulationMetrics;
}

const KNOWN = ['seed', 'cluster', 'hdfs', 'yarn', 'trace', 'faults'];

/** Turns the `cluster` option into a ClusterSpec; errors name `cluster`. */
export function clusterSpecOf(raw: SimulationOptions['cluster']): ClusterSpec {
  if (raw === undefined) return preset('classroom');
  if (typeof raw === 'string') {
    if (!isPresetName(raw))
      throw new ValidationError('cluster', `unknown preset ${describeValue(raw)} (known: ${presetNames.join(', ')})`);
    return preset(raw);
  }
  if (typeof raw === 'number') {
    check.positiveInt('cluster', raw);
    return presetWithNodes(raw);
  }
  return raw;
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  const o = check.object('options', options);
  check.knownKeys('options', o, KNOWN);
  const seed = options.seed ?? 1;
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isInteger(seed)))) {
    throw new ValidationError('seed', `must be an integer or a string, got ${describeValue(seed)}`);
  }
  const spec = resolveClusterSpec(clusterSpecOf(options.cluster), 'cluster');
  const hdfsConfig = resolveHdfsConfig(options.hdfs, 'hdfs');
  const yarnConfig = resolveYarnConfig(options.yarn, 'yarn');

  const kernel = new Kernel();
  const rng = createRng(seed);
  const trace = new Trace<SimulationEvent>();
  let counts: CountingSink<SimulationEvent> | undefined;
  let sink: TraceSink<SimulationEvent>;
  const mode = options.trace ?? 'full';
  if (mode === 'full') sink = trace;
  else if (mode === 'count') sink = counts = new CountingSink<SimulationEvent>();
  else if (mode === 'none') sink = { record: () => {}, enabled: false };
  else if (typeof mode === 'object' && mode !== null && typeof mode.record === 'function') sink = mode;
  else
    throw new ValidationError(
      'trace',
      `must be 'full', 'count', 'none' or a sink with record(event), got ${describeValue(mode)}`,
    );

  const cluster = new Cluster(spec, kernel, sink);
  const cost = new CostModel(cluster);
  // Each layer draws from its own stream, so adding draws in one never shifts another.
  const hdfs = new Hdfs(kernel, cluster, cost, rng.fork('hdfs'), sink, hdfsConfig);
  const yarn = new ResourceManager(kernel, cluster, cost, sink, yarnConfig);
  const faults = new FaultInjector(kernel, cluster);
  if (options.faults !== undefined) faults.plan(options.faults, 'faults');

  return {
    seed,
    kernel,
    rng,
    trace,
    counts,
    sink,
    cluster,
    cost,
    hdfs,
    yarn,
    faults,
    snapshot: () => takeSnapshot(kernel.now, cluster, hdfs, yarn),
    run: (runOptions?: RunOptions) => kernel.run(runOptions),
    metrics: () => computeMetrics(trace.events),
  };
}
