/**
 * HDFS after a DataNode loss at Hadoop's default settings (docs/calibration/published-figures.md,
 * section 3), a validation experiment: never tuned against.
 *
 * The scenario is the one of Cloudera's lower-bound estimate ("HDFS Recovery Time from Single
 * DataNode Failure", Cloudera Community, 2017): n = 100 DataNodes, c = 4 TB on each disk, 100 MB/s
 * per disk (reads and writes), the network never the limit (so 10 Gb/s links here), replicas spread
 * evenly. Each node has one 4 TB disk (p = 1): the estimate does not depend on p, and one disk keeps
 * the dead node's 29,803 blocks of 128 MB under the simulator's 100,000-block limit.
 *
 * The data is laid out the way Hadoop's default placement does for files written by a client on
 * the node that will die: the first replica on the writer, the other two on another rack, so the
 * dead node holds a replica of every block and the rest of the cluster only what those blocks need
 * (the other nodes' own data would not change the model's result: it shares no disk between
 * streams). Sizes are declared (`putGenerated`), nothing is held.
 *
 * The engine's NameNode (engine/hdfs/blockManager.ts) declares the node dead exactly
 * 2 x recheck + 10 x heartbeat after its last heartbeat, then every 3 s hands out at most
 * dfs.namenode.replication.work.multiplier.per.iteration (2) x live nodes transfers, each source
 * serving at most dfs.namenode.replication.max-streams (2) at once.
 */
import { Kernel, createRng, type TraceEvent, type TraceSink } from '../../engine/core';
import { Cluster, CostModel, FaultInjector, resolveClusterSpec, type ClusterSpec } from '../../engine/cluster';
import { Hdfs, randomBytes, resolveHdfsConfig } from '../../engine/hdfs';
import type { Experiment } from './calibrationTypes';

/** Cloudera's example: 100 DataNodes, 4 TB on each disk, 100 MB/s per disk (decimal MB and TB). */
export const RE_REPLICATION_NODES = 100;
export const TB_PER_DISK = 4;
const DISK_BYTES_PER_S = 100e6;
const MIB = 2 ** 20;
/** Cloudera's lower bound, seconds: 20,000 * c / n. */
export const reReplicationLowerBoundS = (tbPerDisk: number, nodes: number): number => (20_000 * tbPerDisk) / nodes;

/**
 * The estimate's machines: `disks` disks of 100 MB/s, a 10 Gb/s network (the estimate assumes the
 * network never limits), 20 nodes per rack. Core and memory counts play no part here.
 */
export function clouderaEstimateCluster(nodes: number, disks = 1): ClusterSpec {
  const tenGbE = 10e9 / 8 / MIB;
  const racks: { nodes: number }[] = [];
  for (let left = nodes; left > 0; left -= 20) racks.push({ nodes: Math.min(20, left) });
  return {
    name: `cloudera-estimate x ${nodes}`,
    racks,
    node: { cores: 16, memoryMb: 64 * 1024, diskMBps: (disks * DISK_BYTES_PER_S) / MIB },
    network: {
      intraRackMBps: tenGbE,
      crossRackMBps: tenGbE,
      sameNodeMBps: 4000,
      intraRackLatencyMs: 0.2,
      crossRackLatencyMs: 0.5,
    },
  };
}

export interface ReReplicationOptions {
  nodes?: number;
  /** Disks per node (each holding TB_PER_DISK). */
  disks?: number;
  seed?: number;
}

export interface ReReplicationRun {
  /** From the dead node's last heartbeat to the NameNode declaring it dead, s. */
  detectionS: number;
  /** From the declaration to the last lost replica restored, s. */
  restoreS: number;
  /** Blocks that lost a replica. */
  blocksLost: number;
  /** Most replication transfers one node served at once (must not pass max-streams). */
  maxSourceStreams: number;
  /** Most transfers started in one replication round (must not pass multiplier x live nodes). */
  maxPerRound: number;
  /** Blocks still below their replication at the end (0 when recovery finished). */
  underReplicated: number;
}

/** Sink that keeps only what the experiment measures (a full trace would hold 60,000 events). */
class RecoverySink implements TraceSink {
  declaredAt = -1;
  lastReplicatedAt = -1;
  lost = 0;
  private readonly open = new Map<string, number>();
  maxSourceStreams = 0;
  private roundT = -1;
  private roundCount = 0;
  maxPerRound = 0;

  record(e: TraceEvent): void {
    if (e.type === 'dataNodeDeclaredDead') {
      this.declaredAt = e.t;
      this.lost = e.replicasLost as number;
    } else if (e.type === 'replicationStarted') {
      const from = e.from as string;
      const n = (this.open.get(from) ?? 0) + 1;
      this.open.set(from, n);
      this.maxSourceStreams = Math.max(this.maxSourceStreams, n);
      if (e.t !== this.roundT) {
        this.roundT = e.t;
        this.roundCount = 0;
      }
      this.maxPerRound = Math.max(this.maxPerRound, ++this.roundCount);
    } else if (e.type === 'blockReplicated' || e.type === 'replicationFailed') {
      this.open.set(e.from as string, this.open.get(e.from as string)! - 1);
      if (e.type === 'blockReplicated') this.lastReplicatedAt = e.t;
    }
  }
}

/** Kills one DataNode of a loaded cluster and measures detection and recovery. */
export function runReReplication(options: ReReplicationOptions = {}): ReReplicationRun {
  const nodes = options.nodes ?? RE_REPLICATION_NODES;
  const disks = options.disks ?? 1;
  const kernel = new Kernel();
  const sink = new RecoverySink();
  const cluster = new Cluster(resolveClusterSpec(clouderaEstimateCluster(nodes, disks)), kernel, sink);
  const hdfs = new Hdfs(
    kernel,
    cluster,
    new CostModel(cluster),
    createRng(options.seed ?? 13),
    sink,
    resolveHdfsConfig({}),
  );
  const victim = cluster.nodes[0]!.id;
  // The victim's disks, full: files of at most 10,000 blocks (dfs.namenode.fs-limits.max-blocks-per-file).
  const nodeBytes = disks * TB_PER_DISK * 1e12;
  const fileBytes = 10_000 * hdfs.config.blockSize;
  for (let i = 0, left = nodeBytes; left > 0; i++, left -= fileBytes) {
    hdfs.putGenerated(`/data/part-${i}`, Math.min(fileBytes, left), randomBytes(i), { writer: victim });
  }
  // Kill the victim half a second after a heartbeat (node 0 beats at 0, 3 s, 6 s, ...).
  const lastBeat = 60_000;
  const killAt = lastBeat + 500;
  new FaultInjector(kernel, cluster).killNode(victim, killAt);
  kernel.run({ until: killAt + hdfs.config.deadNodeTimeoutMs + 10_000 });
  kernel.run();
  return {
    detectionS: (sink.declaredAt - lastBeat) / 1000,
    restoreS: (sink.lastReplicatedAt - sink.declaredAt) / 1000,
    blocksLost: sink.lost,
    maxSourceStreams: sink.maxSourceStreams,
    maxPerRound: sink.maxPerRound,
    underReplicated: hdfs.health.underReplicated,
  };
}

export const reReplicationExperiment: Experiment = {
  id: 'hdfs-re-replication',
  title: 'HDFS: a DataNode of 100 lost at default settings: detection, then re-replication of its 4 TB',
  figures: ['hdfs.dead-node-detection', 'hdfs.re-replication.lower-bound'],
  run() {
    const r = runReReplication();
    return Promise.resolve({
      'hdfs.dead-node-detection': r.detectionS,
      'hdfs.re-replication.lower-bound': r.restoreS,
    });
  },
};
