/**
 * The home page's live run: on the cookbook's 9-node cluster a 1 GB file is put into HDFS
 * (8 blocks × 3 replicas, rack-aware), an application runs one task per block in YARN
 * containers near the data, wave after wave; at 30 s a DataNode dies, its containers are lost
 * and re-run, and once the NameNode declares it dead HDFS re-replicates its blocks.
 * Runs in the engine worker; returns frames (cluster pictures) and readable events.
 */
import { createSimulation, type Simulation, type ClusterSnapshot } from '../../engine/api';
import { randomBytes } from '../../engine/hdfs';
import { describeEvent } from '../viz/describeEvent';
import type { Container } from '../../engine/yarn';
import type { DemoRun } from './engineProtocol';
import type { BlockChip, ClusterPicture, TimedEvent } from '../viz/clusterPicture';

const MB = 1024 * 1024;
const FILE = '/data/sensors.csv';
const DURATION_MS = 150_000;
const FRAME_MS = 250;
const KILL_AT_MS = 25_000;
const WAVES = 5;
/** CPU work of one task beyond reading its block (ms on a normal node). */
const TASK_CPU_MS = 9_000;

export function runDemoScenario(seed: number, onProgress: (fraction: number) => void = () => {}): DemoRun {
  const sim = createSimulation({
    seed,
    cluster: 'cookbook-9',
    // A short dead-node timeout (Hadoop's default is 10.5 minutes) keeps the demo brief.
    hdfs: { blockSize: 128 * MB, heartbeatIntervalMs: 3000, heartbeatRecheckMs: 15_000 },
    yarn: { nodeExpiryMs: 20_000 },
  });
  // Written from outside the cluster, so first replicas spread over the nodes.
  sim.hdfs.putGenerated(FILE, 1024 * MB, randomBytes(seed));
  // The victim is the node holding the most replicas (lowest id on ties): the most to restore.
  const victim = sim.cluster.nodes
    .map((n) => ({ id: n.id, blocks: sim.hdfs.storedBlockCount(n.id) }))
    .sort((a, b) => b.blocks - a.blocks || a.id.localeCompare(b.id, 'en', { numeric: true }))[0]!.id;
  sim.faults.killNode(victim, KILL_AT_MS);
  startWaves(sim);

  const frames: DemoRun['frames'] = [];
  for (let t = 0; t <= DURATION_MS; t += FRAME_MS) {
    sim.run({ until: t });
    frames.push({ t, picture: toPicture(sim.snapshot()) });
    if (t % 10_000 === 0) onProgress(t / DURATION_MS);
  }
  const events = sim.trace.events.map(describeEvent).filter((e): e is TimedEvent => e !== null);
  return { durationMs: DURATION_MS, frames, events, engineEvents: sim.kernel.eventCount };
}

/** One task per block per wave, each asking for a container on a node holding its block. */
function startWaves(sim: Simulation): void {
  const blocks = sim.hdfs.blocks(FILE);
  let wave = 0;
  let running = 0;
  const ask = (blockIndex: number) => {
    const block = blocks[blockIndex]!;
    app.request({ vcores: 1, memoryMb: 2048, nodes: sim.hdfs.block(block.id).replicas, tag: blockIndex });
  };
  const nextWave = () => {
    if (wave >= WAVES) return;
    wave++;
    running = blocks.length;
    blocks.forEach((_b, i) => ask(i));
  };
  const app = sim.yarn.submitApplication({
    name: 'daily-averages',
    callbacks: {
      onAllocated: (c: Container) => app.launch(c),
      onLaunched: (c: Container) => {
        const blockIndex = c.request.tag as number;
        const block = blocks[blockIndex]!;
        const source = sim.hdfs.closestReplica(block.id, c.node.id);
        const ms =
          sim.cost.readMs(c.node.id, source, block.length) +
          sim.cost.cpuMs(c.node.id, { bytes: block.length, ms: TASK_CPU_MS });
        sim.kernel.schedule(ms, () => {
          if (c.state !== 'running') return;
          app.complete(c);
          if (--running === 0) nextWave();
        });
      },
      onContainerLost: (c: Container) => ask(c.request.tag as number),
    },
  });
  nextWave();
}

function toPicture(snap: ClusterSnapshot): ClusterPicture {
  const blocksByNode = new Map<string, BlockChip[]>();
  for (const b of snap.hdfs.blocks) {
    for (const node of b.replicas) {
      const list = blocksByNode.get(node) ?? [];
      list.push({ id: b.id, path: b.path, index: b.index });
      blocksByNode.set(node, list);
    }
  }
  const containersByNode = new Map<string, string[]>();
  for (const c of snap.yarn.containers) {
    const list = containersByNode.get(c.node) ?? [];
    list.push(`container ${c.id} (${c.state})`);
    containersByNode.set(c.node, list);
  }
  return {
    nodes: snap.nodes.map((n) => ({
      id: n.id,
      rack: n.rack,
      alive: n.alive,
      slowFactor: n.slowFactor,
      cores: n.cores,
      usedCores: n.alive ? n.usedVcores : 0,
      memoryMb: n.memoryMb,
      usedMemoryMb: n.usedMemoryMb,
      blocks: n.alive ? (blocksByNode.get(n.id) ?? []) : [],
      containers: n.alive ? (containersByNode.get(n.id) ?? []) : [],
    })),
  };
}
