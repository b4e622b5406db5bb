/**
 * Spark's standalone cluster manager (Cookbook 20.2.3, 20.10): a Master (spark://master:7077)
 * and a Worker on every machine that runs a NodeManager, each offering the machine's cores
 * (SPARK_WORKER_CORES: all of them) and its memory less 1 GB (SPARK_WORKER_MEMORY). The Master
 * knows only its own grants: whatever YARN has handed out on the same machines it does not see,
 * which is how two resource managers oversubscribe a cluster (the cluster's ResourceLedger
 * counts both).
 *
 * An application gets executors as Master.startExecutorsOnWorkers does with spreadOut (the
 * default): up to spark.cores.max cores (unset: every free core), handed out round-robin over
 * the workers with room, spark.executor.cores at a time (unset: one core at a time, and one
 * executor per worker holding all its cores), each executor with spark.executor.memory (1g).
 */
import type { ClusterNode } from '../cluster';
import type { JobContext } from '../exec/jobContext';
import { STANDALONE_MASTER_HOST } from './sparkResourceSettings';

/** What an application asks the Master for. */
export interface StandaloneAsk {
  /** spark.executor.cores; null: one executor per worker with every core it can get. */
  coresPerExecutor: number | null;
  /** spark.executor.memory, MB. */
  memoryMb: number;
  /** spark.cores.max; null: no limit. */
  coresMax: number | null;
}

export interface StandaloneWorker {
  node: ClusterNode;
  cores: number;
  memoryMb: number;
  usedCores: number;
  usedMemoryMb: number;
}

/** One executor the Master decided to launch: where, and its size. */
export interface StandaloneGrant {
  worker: StandaloneWorker;
  cores: number;
  memoryMb: number;
}

/** SPARK_WORKER_MEMORY's default: the machine's memory less 1 GB for the OS, at least 512 MB. */
export function workerMemoryMb(node: ClusterNode): number {
  return Math.max(512, node.memoryMb - 1024);
}

export class StandaloneMaster {
  readonly host = STANDALONE_MASTER_HOST;
  readonly workers: StandaloneWorker[];

  constructor(private readonly ctx: JobContext) {
    this.workers = ctx.cluster.nodeManagers.map((node) => ({
      node,
      cores: node.cores,
      memoryMb: workerMemoryMb(node),
      usedCores: 0,
      usedMemoryMb: 0,
    }));
  }

  /** The executors the Master launches for `ask` now (startExecutorsOnWorkers, spreadOut), resources taken. */
  schedule(ask: StandaloneAsk, coresHeld = 0): StandaloneGrant[] {
    const min = ask.coresPerExecutor ?? 1;
    const usable = this.workers.filter(
      (w) =>
        this.ctx.cluster.isReachable(w.node) &&
        w.memoryMb - w.usedMemoryMb >= ask.memoryMb &&
        w.cores - w.usedCores >= min,
    );
    let toAssign = Math.min(
      (ask.coresMax ?? Infinity) - coresHeld,
      usable.reduce((s, w) => s + w.cores - w.usedCores, 0),
    );
    const assigned = usable.map(() => 0);
    const executors = usable.map(() => 0);
    const canLaunch = (i: number): boolean => {
      const w = usable[i]!;
      const enoughCores = toAssign >= min && w.cores - w.usedCores - assigned[i]! >= min;
      const launchingNew = ask.coresPerExecutor !== null || executors[i] === 0;
      if (!launchingNew) return enoughCores;
      return enoughCores && w.memoryMb - w.usedMemoryMb - executors[i]! * ask.memoryMb >= ask.memoryMb;
    };
    for (let any = true; any;) {
      any = false;
      for (let i = 0; i < usable.length; i++) {
        if (!canLaunch(i)) continue;
        any = true;
        toAssign -= min;
        assigned[i]! += min;
        if (ask.coresPerExecutor !== null || executors[i] === 0) executors[i]!++;
      }
    }
    const grants: StandaloneGrant[] = [];
    usable.forEach((worker, i) => {
      const cores = assigned[i]!;
      if (cores === 0) return;
      const sizes = ask.coresPerExecutor === null ? [cores] : Array.from({ length: executors[i]! }, () => min);
      for (const c of sizes) {
        worker.usedCores += c;
        worker.usedMemoryMb += ask.memoryMb;
        grants.push({ worker, cores: c, memoryMb: ask.memoryMb });
      }
    });
    return grants;
  }

  /** An executor ended: its worker has the cores and memory again. */
  free(grant: StandaloneGrant): void {
    grant.worker.usedCores -= grant.cores;
    grant.worker.usedMemoryMb -= grant.memoryMb;
  }
}
