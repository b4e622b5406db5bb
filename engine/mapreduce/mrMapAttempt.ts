/**
 * The work of a map attempt on its node, in simulated time: read the split from the closest
 * live replica (`hdfs.readPlan` via readCost), run the map (its output was computed for real
 * beforehand), sort and spill (or, in a map-only job, write its part-m file); or fail as the learner's map did, or as a split with no live
 * replica does.
 */
import type { ClusterNode } from '../cluster';
import { readCost } from '../exec/hdfsInputs';
import { mapSpillMs } from './mapReduceCounters';
import type { MrAppMaster } from './mrAppMaster';
import { endAfter, failAttempt, succeedAttempt } from './mrAttempts';
import { commitPart } from './mrReduceAttempt';
import type { MrAttempt } from './mrTypes';

/** Charges the map's read, compute and spill and schedules its end (startup already charged). */
export function runMapAttempt(am: MrAppMaster, a: MrAttempt, node: ClusterNode): void {
  const { cost } = am.ctx;
  const cb = a.record.cost;
  const plan = am.mapPlans[a.task.index]!;
  const share = am.ioShare('map', node);
  try {
    const r = readCost(am.ctx.hdfs, plan.file, plan.split.recordStart, plan.split.recordEnd, node.id);
    cb.read = r.ms * share;
    a.readLocal = r.localBytes;
    a.readRemote = r.remoteBytes;
  } catch (error) {
    // BlockMissingException: no live replica of a block of the split.
    return endAfter(am, a, cb.startup, () =>
      failAttempt(am, a, error instanceof Error ? error.message : String(error), null),
    );
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
