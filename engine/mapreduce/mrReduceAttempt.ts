/**
 * The work of a reduce attempt on its node, in simulated time: Hadoop's shuffle (fetch its
 * partition of every map output from the map's node, one fetch after another), merge, reduce,
 * then write its part file to HDFS (`hdfs.put`, replicated, `writeMs` charged). A map output
 * that is missing or unreachable at the start is reported (mapOutputLoss.ts).
 */
import type { ClusterNode } from '../cluster';
import { lostMapOutputs } from './mapOutputLoss';
import { keyedWeight, mapPartitionWeight, reduceMergeMs } from './mapReduceCounters';
import type { MrAppMaster } from './mrAppMaster';
import { endAfter, failAttempt, killAttempt, reportEnd, succeedAttempt } from './mrAttempts';
import type { MrAttempt } from './mrTypes';

/** Schedules the shuffle's fetches, charges merge and reduce, and schedules the write (startup already charged). */
export function runReduceAttempt(am: MrAppMaster, a: MrAttempt, node: ClusterNode): void {
  const { kernel, cost } = am.ctx;
  const cb = a.record.cost;
  const missing = am.maps.filter((m) => m.outputNode === null);
  if (missing.length > 0) return killAttempt(am, a, `map outputs of ${missing.length} maps are not available`);
  const unreachable = am.maps.filter(
    // The bytes first: most maps of a small block hold nothing for a given reducer (no node lookup then).
    (m) => partBytes(am, m.index, a.task.index) > 0 && !am.ctx.cluster.isReachable(am.ctx.cluster.node(m.outputNode!)),
  );
  if (unreachable.length > 0) return lostMapOutputs(am, unreachable, a, 'fetch failed at shuffle start');
  const plan = am.reducePlans[a.task.index]!;
  const share = am.ioShare('reduce', node);
  // What a combiner left as a record per key is charged by keys, not by the data's size.
  let weighted = 0;
  let at = cb.startup;
  let bytes = 0;
  if (am.ctx.tracing)
    am.ctx.trace.record({
      t: kernel.now,
      type: 'shuffleStarted',
      job: am.job,
      task: a.task.id,
      attempt: a.record.attempt,
      node: node.id,
      maps: am.maps.length,
    });
  // One fetch after another: a kernel event each, at the time it ends (the k-th at times[k]).
  const times: number[] = [];
  const fromMap: number[] = [];
  const fromNode: string[] = [];
  const sizes: number[] = [];
  for (const m of am.maps) {
    const b = partBytes(am, m.index, a.task.index);
    if (b === 0) continue;
    const src = m.outputNode!;
    const w = mapPartitionWeight(cost, am.mapPlans[m.index]!.output!, a.task.index);
    at += cost.readMs(node, src, b * w) * share;
    weighted += b * w;
    bytes += b;
    if (src === node.id) a.shuffleLocal += b;
    else a.shuffleRemote += b;
    a.unfetched!.add(m.index);
    times.push(a.record.start + at);
    fromMap.push(m.index);
    fromNode.push(src);
    sizes.push(b);
  }
  let next = 0;
  if (times.length > 0)
    a.handles.push(
      kernel.scheduleSeriesAt(times, () => {
        const k = next++;
        const src = fromNode[k]!;
        const b = sizes[k]!;
        a.unfetched!.delete(fromMap[k]!);
        if (src === node.id) a.fetchedLocal += b;
        else a.fetchedRemote += b;
        if (am.ctx.tracing)
          am.ctx.trace.record({
            t: kernel.now,
            type: 'shuffleFetched',
            job: am.job,
            task: a.task.id,
            attempt: a.record.attempt,
            from: src,
            to: node.id,
            bytes: b,
          });
      }),
    );
  cb.shuffle = at - cb.startup;
  const o = plan.output;
  const input = bytes > 0 ? weighted / bytes : 1;
  const records = (o?.reduceInputRecords ?? 0) * input;
  const output = (o?.reduceOutputRecords ?? 0) * outputWeight(am, a);
  cb.spill = reduceMergeMs(cost, node, weighted, records, share, cb.shuffle);
  cb.compute = cost.cpuMs(node, { records: records + output, bytes: weighted });
  const workMs = cb.startup + cb.shuffle + cb.spill + cb.compute;
  if (plan.error !== null || o === null)
    return endAfter(am, a, workMs, () => failAttempt(am, a, plan.error?.message ?? 'reduce failed', plan.error));
  endAfter(am, a, workMs, () => commitPart(am, a, o.text));
}

/** dfs.client-write-packet-size: the unit an HDFS client streams down a write pipeline. */
const WRITE_PACKET_BYTES = 64 * 1024;

/**
 * Commits a task's output as its part file (part-r-NNNNN of a reducer, part-m-NNNNN of a map in
 * a map-only job); the first attempt to commit wins. The write streams while the task computes,
 * so only what its CPU time does not hide, and at least the last packet, is left to wait for.
 */
export function commitPart(am: MrAppMaster, a: MrAttempt, text: string): void {
  const { hdfs, kernel } = am.ctx;
  const path = am.partPath(a.task.index, a.task.kind === 'map' ? 'm' : 'r');
  if (hdfs.exists(path)) return killAttempt(am, a, 'another attempt is committing the output');
  a.phase = 'writing';
  const replication = am.config.conf.replication;
  hdfs.put(path, text, { writer: a.container.nodeId, ...(replication !== null ? { replication } : {}) });
  let ms = 0;
  // A reducer's first record per key is charged by keys (a map-only job's map writes what its input holds).
  const weight = outputWeight(am, a);
  const blocks = hdfs.blocks(path);
  for (const b of blocks) ms += hdfs.writeMs(a.container.nodeId, b.replicas, b.length * weight);
  // The records are written as the task emits them: the CPU time hides that much of the write,
  // all but the last packet, which goes down the pipeline (and is acknowledged) after the last record.
  const share = am.ioShare(a.task.kind, a.container.node);
  const last = blocks[blocks.length - 1];
  const packet = last ? Math.min(last.length * weight, WRITE_PACKET_BYTES / am.ctx.cost.dataScale) : 0;
  const tail = last ? hdfs.writeMs(a.container.nodeId, last.replicas, packet) * share : 0;
  ms = Math.max(tail, ms * share - a.record.cost.compute);
  a.record.cost.write = ms;
  a.handles.push(
    kernel.schedule(ms, () =>
      reportEnd(am, a, () => {
        const replicas = hdfs.blocks(path).flatMap((b) => b.replicas);
        if (am.ctx.tracing)
          am.ctx.trace.record({
            t: kernel.now,
            type: 'partFileWritten',
            job: am.job,
            path,
            bytes: text.length,
            node: a.container.nodeId,
            replicas: [...new Set(replicas)],
          });
        succeedAttempt(am, a);
      }),
    ),
  );
}

/** keyedWeight of a reducer's output (its records against its key groups); 1 for a map-only job's map. */
function outputWeight(am: MrAppMaster, a: MrAttempt): number {
  if (a.task.kind !== 'reduce') return 1;
  const o = am.reducePlans[a.task.index]!.output;
  return o ? keyedWeight(am.ctx.cost, o.reduceOutputRecords, o.reduceInputGroups) : 1;
}

/** Bytes of map `map`'s output in reducer `reduce`'s partition. */
function partBytes(am: MrAppMaster, map: number, reduce: number): number {
  return am.mapPlans[map]!.output?.partitionBytes[reduce] ?? 0;
}
