/**
 * The home page's live run, an engine scenario: on the cookbook's 9-node cluster a 1 GB file is
 * put into HDFS (8 blocks × 3 replicas, rack-aware), an application runs one map task per block
 * in YARN containers near the data, wave after wave; at 25 s the DataNode holding the most
 * replicas dies, its containers are lost and their tasks run again elsewhere, and once the
 * NameNode declares it dead HDFS re-replicates its blocks. Its answer is the run's typed trace
 * and the cluster's nodes, played like any job run (the cluster map rebuilt from the trace).
 */
import { Trace } from '../core';
import { randomBytes, resolveHdfsConfig } from '../hdfs';
import { ZERO_COST } from '../exec/taskTypes';
import { HADOOP_YARN_DEFAULTS, resolveYarnConfig, type Container, type ContainerRequest } from '../yarn';
import { createSimulation, type Simulation } from './createSimulation';
import type { RunEvent } from './jobTypes';

const MB = 1024 * 1024;
const FILE = '/data/sensors.csv';
const DURATION_MS = 150_000;
const PROGRESS_STEP_MS = 10_000;
const KILL_AT_MS = 25_000;
const WAVES = 5;
/** CPU work of one task beyond reading its block (ms on a normal node). */
const TASK_CPU_MS = 9_000;
const TASK_SET = 'job_0001/map';

export interface DemoScenarioRun {
  durationMs: number;
  /** The cluster's machines, as the cluster map draws them. */
  nodes: { id: string; rack: string; cores: number; memoryMb: number }[];
  /** Everything that happened, in time order: HDFS, YARN, the fault and the tasks. */
  trace: RunEvent[];
  /** The engine's own event count for the run, shown to prove it ran. */
  engineEvents: number;
  /**
   * How soon the cluster gives up on a silent node in this run, and Hadoop's defaults: the demo
   * shortens both so the dead node's consequences fit in its 150 s (the page says so).
   */
  timeouts: {
    /** HDFS's dead-DataNode interval (2 × recheck + 10 × heartbeat), and its default (10.5 min). */
    dataNodeDeadMs: number;
    defaultDataNodeDeadMs: number;
    /** YARN's NodeManager expiry, and its default (10 min). */
    nodeManagerExpiryMs: number;
    defaultNodeManagerExpiryMs: number;
  };
}

/** The demo's HDFS and YARN settings: a short dead-node timeout (Hadoop's is 10.5 minutes) keeps it brief. */
const DEMO_HDFS = { blockSize: 128 * MB, heartbeatIntervalMs: 3000, heartbeatRecheckMs: 15_000 } as const;
const DEMO_YARN = { nodeExpiryMs: 20_000 } as const;

export function runDemoScenario(seed: number, onProgress: (fraction: number) => void = () => {}): DemoScenarioRun {
  const trace = new Trace<RunEvent>();
  const sim = createSimulation({
    seed,
    cluster: 'cookbook-9',
    hdfs: DEMO_HDFS,
    yarn: DEMO_YARN,
    trace,
  });
  // Written from outside the cluster, so first replicas spread over the nodes.
  sim.hdfs.putGenerated(FILE, 1024 * MB, randomBytes(seed));
  // The victim is the node holding the most replicas (lowest id on ties): the most to restore.
  const victim = sim.cluster.nodes
    .map((n) => ({ id: n.id, blocks: sim.hdfs.storedBlockCount(n.id) }))
    .sort((a, b) => b.blocks - a.blocks || a.id.localeCompare(b.id, 'en', { numeric: true }))[0]!.id;
  sim.faults.killNode(victim, KILL_AT_MS);
  startWaves(sim, trace);
  for (let t = 0; t <= DURATION_MS; t += PROGRESS_STEP_MS) {
    sim.run({ until: t });
    onProgress(t / DURATION_MS);
  }
  return {
    durationMs: DURATION_MS,
    nodes: sim.cluster.nodes.map((n) => ({ id: n.id, rack: n.rack, cores: n.cores, memoryMb: n.memoryMb })),
    trace: trace.events,
    engineEvents: sim.kernel.eventCount,
    timeouts: {
      dataNodeDeadMs: resolveHdfsConfig(DEMO_HDFS).deadNodeTimeoutMs,
      defaultDataNodeDeadMs: resolveHdfsConfig(undefined).deadNodeTimeoutMs,
      nodeManagerExpiryMs: resolveYarnConfig(DEMO_YARN).nodeExpiryMs,
      defaultNodeManagerExpiryMs: HADOOP_YARN_DEFAULTS.nodeExpiryMs,
    },
  };
}

/** One map task per block per wave, each asking for a container on a node holding its block. */
function startWaves(sim: Simulation, trace: Trace<RunEvent>): void {
  const blocks = sim.hdfs.blocks(FILE);
  const taskOf = new Map<ContainerRequest, number>();
  const attempts = new Map<number, number>();
  let wave = 0;
  let running = 0;
  const ask = (task: number) => {
    const block = blocks[task % blocks.length]!;
    taskOf.set(app.request({ vcores: 1, memoryMb: 2048, nodes: sim.hdfs.block(block.id).replicas }), task);
  };
  const nextWave = () => {
    if (wave >= WAVES) return;
    running = blocks.length;
    trace.record({ t: sim.kernel.now, type: 'taskSetSubmitted', taskSet: TASK_SET, tasks: blocks.length });
    blocks.forEach((_b, i) => ask(wave * blocks.length + i));
    wave++;
  };
  const ids = (c: Container) => {
    const task = taskOf.get(c.request)!;
    const attempt = attempts.get(task) ?? 0;
    const name = `task_0001_m_${String(task).padStart(6, '0')}`;
    return {
      taskSet: TASK_SET,
      task: name,
      attempt,
      attemptId: `attempt_0001_m_${String(task).padStart(6, '0')}_${attempt}`,
    };
  };
  const app = sim.yarn.submitApplication({
    name: 'daily-averages',
    callbacks: {
      onAllocated: (c: Container) => app.launch(c),
      onLaunched: (c: Container) => {
        const block = blocks[taskOf.get(c.request)! % blocks.length]!;
        const node = c.node.id;
        const source = sim.hdfs.closestReplica(block.id, node);
        const read = sim.cost.readMs(node, source, block.length);
        const compute = sim.cost.cpuMs(node, { bytes: block.length, ms: TASK_CPU_MS });
        const started = sim.kernel.now;
        const locality = source === node ? 'NODE_LOCAL' : 'RACK_LOCAL';
        trace.record({
          t: started,
          type: 'taskStarted',
          ...ids(c),
          node,
          executor: node,
          locality,
          speculative: false,
        });
        sim.kernel.post(read + compute, () => {
          if (c.state !== 'running' || !c.node.alive) return;
          trace.record({
            t: sim.kernel.now,
            type: 'taskFinished',
            ...ids(c),
            node,
            ms: sim.kernel.now - started,
            cost: { ...ZERO_COST, read, compute },
          });
          app.complete(c);
          if (--running === 0) {
            trace.record({ t: sim.kernel.now, type: 'taskSetFinished', taskSet: TASK_SET });
            nextWave();
          }
        });
      },
      onContainerLost: (c: Container) => {
        const task = taskOf.get(c.request)!;
        trace.record({
          t: sim.kernel.now,
          type: 'taskFailed',
          ...ids(c),
          node: c.node.id,
          reason: `container ${c.id} lost with ${c.node.id}`,
        });
        attempts.set(task, (attempts.get(task) ?? 0) + 1);
        ask(task);
      },
    },
  });
  nextWave();
}
