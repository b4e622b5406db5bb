/**
 * A reduce-side task's shuffle fetches and how they fail, as Spark's ShuffleBlockFetcherIterator
 * meets it: an output with no location fails the task at once after its start-up
 * (MetadataFetchFailedException); an output on a node that died or was cut off is retried
 * spark.shuffle.io.maxRetries times, spark.shuffle.io.retryWait apart, then the task fails with
 * FetchFailed. That is checked when an attempt launches, and for attempts still fetching when a
 * node goes away. A fetch failure is then handed to the application (sparkApplication.ts),
 * which tells the DAG scheduler.
 */
import type { Cluster } from '../cluster';
import type { AttemptRecord } from '../exec/taskTypes';
import type { ShuffleRead } from './partitionCosts';
import type { SparkConf } from './sparkConf';
import type { FetchFailure, TaskScheduler } from './taskScheduler';

interface InFlight {
  record: AttemptRecord;
  reads: ShuffleRead[];
  reduce: number;
}

export class ShuffleFetches {
  /** Attempts that read shuffle blocks and have not ended, in launch order. */
  private readonly inFlight = new Map<string, InFlight>();
  /** The read that failed, by attempt id. */
  private readonly failedReads = new Map<string, ShuffleRead>();

  constructor(
    private readonly cluster: Cluster,
    private readonly conf: SparkConf,
    private readonly scheduler: () => TaskScheduler,
  ) {}

  private get retryMs(): number {
    return this.conf.shuffleMaxRetries * this.conf.shuffleRetryWaitMs;
  }

  /** When the attempt's fetching ends: after its start-up, its input read and its shuffle fetches. */
  private fetchEnd(r: AttemptRecord): number {
    return r.start + r.cost.startup + r.cost.read + r.cost.shuffle;
  }

  /** An attempt launched reading `reads` for reduce partition `reduce`: does a fetch fail, and when? */
  launched(record: AttemptRecord, reads: ShuffleRead[], reduce: number): FetchFailure | null {
    if (reads.length === 0) return null;
    const before = record.cost.startup + record.cost.read;
    const missing = reads.find((x) => x.from === null);
    if (missing) return this.failed(record, missing, reduce, before, 'missing an output location');
    const lost = reads.find((x) => x.bytes > 0 && !this.cluster.isReachable(this.cluster.node(x.from!)));
    if (lost) return this.failed(record, lost, reduce, before + this.retryMs, `failed to connect to ${lost.from}`);
    this.inFlight.set(record.attemptId, { record, reads, reduce });
    return null;
  }

  private failed(record: AttemptRecord, read: ShuffleRead, reduce: number, afterMs: number, why: string): FetchFailure {
    this.failedReads.set(record.attemptId, read);
    return { afterMs, reason: fetchFailedReason(read, reduce, why) };
  }

  /** Nodes went away: attempts still fetching from them fail once the fetch's retries are spent. */
  nodesLost(nodes: readonly string[], now: number): void {
    for (const [id, f] of [...this.inFlight]) {
      const r = f.record;
      if (r.status !== 'running') {
        this.inFlight.delete(id);
        continue;
      }
      // An attempt on a lost node hangs until its executor is declared lost.
      if (nodes.includes(r.node) || now >= this.fetchEnd(r)) continue;
      const read = f.reads.find((x) => x.bytes > 0 && x.from !== null && nodes.includes(x.from));
      if (!read) continue;
      this.inFlight.delete(id);
      this.failedReads.set(id, read);
      const at = Math.max(now, r.start + r.cost.startup + r.cost.read) + this.retryMs;
      this.scheduler().failFetchAt(
        r.taskSet,
        id,
        at,
        fetchFailedReason(read, f.reduce, `failed to connect to ${read.from}`),
      );
    }
  }

  /** The read an attempt failed on (after `launched` or `nodesLost` said it would). */
  failedRead(attemptId: string): ShuffleRead | undefined {
    return this.failedReads.get(attemptId);
  }

  /** The attempt ended: nothing to watch any more. */
  ended(attemptId: string): void {
    this.inFlight.delete(attemptId);
  }
}

/** Spark's FetchFailed message, shortened: which shuffle block, and why. */
function fetchFailedReason(read: ShuffleRead, reduce: number, why: string): string {
  const at = read.from === null ? 'null' : `BlockManagerId(${read.from})`;
  return `FetchFailed(${at}, shuffleId=${read.shuffleId}, mapIndex=${read.map}, reduceId=${reduce}): ${why}`;
}
