/**
 * The work of a map attempt on its node, in simulated time: read the split from the closest
 * live replica (`hdfs.readPlan` via readCost), run the map (its output was computed for real
 * beforehand), sort and spill (or, in a map-only job, write its part-m file); or fail as the
 * learner's map did. A split with a block none of whose replicas the node can reach stalls the
 * read as Hadoop's HDFS client does (blockAcquireRetry.ts): it asks again after waits of up to
 * 27 s in all, reads once a replica is back, or fails with BlockMissingException.
 */
import type { ClusterNode } from '../cluster';
import { readCost } from '../exec/hdfsInputs';
import { DFS_CLIENT_RETRY, blockAcquireWaitMs, gaveUpMessage, isBlockMissing } from '../hdfs';
import { mapSpillMs } from './mapReduceCounters';
import type { MrAppMaster } from './mrAppMaster';
import { endAfter, failAttempt, succeedAttempt } from './mrAttempts';
import { commitPart } from './mrReduceAttempt';
import type { MrAttempt } from './mrTypes';

/** Charges the map's read, compute and spill and schedules its end (startup already charged). */
export function runMapAttempt(am: MrAppMaster, a: MrAttempt, node: ClusterNode): void {
  readSplit(am, a, node, 0, 0);
}

/**
 * Reads the split after `failures` tries that found a block unreachable and `waitedMs` of waiting
 * since the start-up ended; or waits and tries again; or, out of tries, fails the attempt.
 */
function readSplit(am: MrAppMaster, a: MrAttempt, node: ClusterNode, failures: number, waitedMs: number): void {
  const { cost, kernel } = am.ctx;
  const cb = a.record.cost;
  const plan = am.mapPlans[a.task.index]!;
  const share = am.ioShare('map', node);
  try {
    const r = readCost(am.ctx.hdfs, plan.file, plan.split.recordStart, plan.split.recordEnd, node.id);
    cb.read = waitedMs + r.ms * share;
    a.readLocal = r.localBytes;
    a.readRemote = r.remoteBytes;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!isBlockMissing(error)) return endAfter(am, a, cb.startup + waitedMs, () => failAttempt(am, a, message, null));
    if (failures >= DFS_CLIENT_RETRY.maxBlockAcquireFailures) {
      // The waits were the read's: the timeline shows the stall.
      cb.read = waitedMs;
      return endAfter(am, a, cb.startup + waitedMs, () => failAttempt(am, a, gaveUpMessage(message, waitedMs), null));
    }
    const wait = blockAcquireWaitMs(failures, a.record.attemptId);
    const at = a.record.start + cb.startup + waitedMs + wait;
    const life = a.life;
    a.handles.push(
      kernel.scheduleAt(Math.max(kernel.now, at), () => {
        // A process whose node died meanwhile asks nothing: YARN will declare its container lost.
        if (a.phase === 'ended' || am.ctx.cluster.life(a.container.node) !== life) return;
        readSplit(am, a, node, failures + 1, waitedMs + wait);
      }),
    );
    return;
  }
  const o = plan.output;
  cb.compute = cost.cpuMs(node, {
    records: o?.counters.mapInputRecords ?? 0,
    bytes: plan.split.recordEnd - plan.split.recordStart,
  });
  if (plan.error !== null || o === null)
    return endAfter(am, a, cb.startup + cb.read + cb.compute, () =>
      failAttempt(am, a, plan.error?.message ?? 'map failed', plan.error),
    );
  cb.spill = mapSpillMs(cost, node, o, share, am.config.conf);
  const text = o.text;
  // A map-only job's map writes its part-m file to HDFS itself (no sort, no shuffle).
  endAfter(am, a, cb.startup + cb.read + cb.compute + cb.spill, () =>
    text === null ? succeedAttempt(am, a) : commitPart(am, a, text),
  );
}
