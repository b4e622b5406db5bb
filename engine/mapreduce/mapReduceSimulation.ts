/**
 * Replays a computed MapReduce job on the simulated cluster. Map tasks (one per split) ask for
 * containers near their block's replicas; each attempt reads its split from the closest live
 * replica, runs the map, sorts, spills and combines. When every map is done, reducers fetch
 * their partition from every map's node (local or over the network), merge, reduce and write a
 * part file through an HDFS pipeline. A node that dies kills its attempts (re-queued) and loses
 * the map outputs it held: those maps run again and reducers still fetching wait for them.
 * Durations come from real record and byte counts through the cluster's CostModel.
 */
import type { Kernel, TraceSink } from '../core';
import type { Cluster, ClusterNode, CostModel } from '../cluster';
import { closestReplica, type DfsView } from '../exec/dfsView';
import type { TaskScheduler } from '../exec/taskScheduler';
import type { AttemptRecord, CostBreakdown, SimTask } from '../exec/taskTypes';
import type { MapReduceJobConfig, MapTaskOutput, ReduceTaskOutput } from '../sandbox/taskRunner';
import type { FileSplit } from './lineSplits';
import { emptyCounters, type MapReduceCounters } from './mapReduceCounters';

export interface MrEnv {
  kernel: Kernel;
  cluster: Cluster;
  costs: CostModel;
  dfs: DfsView;
  scheduler: TaskScheduler;
  trace: TraceSink<MrEvent>;
  /** Runs the kernel until `done()` is true. */
  drive(done: () => boolean): void;
}

export type MrEvent =
  | { t: number; type: 'jobSubmitted'; job: string; maps: number; reduces: number }
  | { t: number; type: 'mapOutputLost'; job: string; task: string; node: string }
  | { t: number; type: 'partFileWritten'; job: string; path: string; bytes: number; node: string }
  | { t: number; type: 'jobFinished'; job: string; ms: number };

export interface SimMap {
  index: number;
  file: string;
  split: FileSplit;
  preferredNodes: readonly string[];
  output: MapTaskOutput | null;
}

export interface MrSimResult {
  job: string;
  startMs: number;
  endMs: number;
  counters: MapReduceCounters;
  attempts: AttemptRecord[];
  outputFiles: string[];
}

/** mapreduce.task.io.sort.mb (100 MB) * spill percent (0.8): map output buffered before a spill. */
const SPILL_BYTES = 80 * 1024 * 1024;
/** Reduce-side merge in memory up to this much shuffle input (0.70 of a 1 GB heap * 0.66). */
const REDUCE_MEMORY_BYTES = 460 * 1024 * 1024;
const pad = (n: number) => String(n).padStart(5, '0');

export function simulateMapReduce(env: MrEnv, config: MapReduceJobConfig, maps: SimMap[], reduces: ReduceTaskOutput[], options: { maxAttempts: number; speculation: boolean }): MrSimResult {
  const { kernel, cluster, costs, dfs, scheduler } = env;
  const job = `job_${pad(config.index + 1)}`;
  const startMs = kernel.now;
  const mapSet = `${job}/map`;
  const reduceSet = `${job}/reduce`;
  const mapNode: (string | null)[] = maps.map(() => null);
  const mapAttempt: (AttemptRecord | null)[] = maps.map(() => null);
  const reduceAttempt: (AttemptRecord | null)[] = reduces.map(() => null);
  const shuffleLocal: number[] = reduces.map(() => 0);
  const readLocal: number[] = maps.map(() => 0);
  const first = scheduler.attempts.length;
  let rerun = 0;
  let done = false;
  const outputFiles: string[] = [];
  env.trace.record({ t: kernel.now, type: 'jobSubmitted', job, maps: maps.length, reduces: reduces.length });

  const readPieces = (m: SimMap) => {
    const from = Math.min(m.split.start, m.split.recordStart);
    const to = Math.max(m.split.start + m.split.length, m.split.recordEnd);
    return dfs.blocks(m.file).filter((b) => b.offset < to && b.offset + b.length > from).map((b) => ({ b, len: Math.min(to, b.offset + b.length) - Math.max(from, b.offset) }));
  };

  const mapTasks: SimTask[] = maps.map((m) => ({
    id: `${job}_m_${pad(m.index)}`,
    index: m.index,
    preferredNodes: m.preferredNodes,
    cost(node: ClusterNode): CostBreakdown {
      const o = m.output!;
      let read = 0;
      let local = 0;
      for (const { b, len } of readPieces(m)) {
        const src = closestReplica(cluster, node, b.replicas);
        // No live replica: the read waits for re-replication; charge a remote read of the block.
        read += src ? costs.readMs(node, src, len) : costs.networkMs(node, node, len) + 10_000;
        if (src === node) local += len;
      }
      readLocal[m.index] = local;
      const outBytes = o.partitionBytes.reduce((a, b) => a + b, 0);
      const spills = Math.max(1, Math.ceil(o.counters.mapOutputBytes / SPILL_BYTES));
      const spill = costs.cpuMs(node, { records: o.counters.mapOutputRecords * 0.25 + o.counters.combineInputRecords * 0.5 }) + costs.diskWriteMs(node, outBytes) * (spills > 1 ? 3 : 1);
      const compute = costs.cpuMs(node, { records: o.counters.mapInputRecords, bytes: m.split.recordEnd - m.split.recordStart });
      return { startup: 0, read, compute, spill, shuffle: 0, write: 0 };
    },
  }));

  const reduceTasks: SimTask[] = reduces.map((r, ri) => ({
    id: `${job}_r_${pad(ri)}`,
    index: ri,
    get preferredNodes() {
      return [];
    },
    cost(node: ClusterNode): CostBreakdown {
      let shuffle = 0;
      let local = 0;
      let bytes = 0;
      for (const m of maps) {
        const b = m.output!.partitionBytes[ri]!;
        if (b === 0) continue;
        const src = cluster.node(mapNode[m.index]!);
        shuffle += costs.readMs(node, src, b);
        bytes += b;
        if (src === node) local += b;
      }
      shuffleLocal[ri] = local;
      const spill = bytes > REDUCE_MEMORY_BYTES ? costs.diskWriteMs(node, bytes) + costs.diskReadMs(node, bytes) : 0;
      const compute = costs.cpuMs(node, { records: r.reduceInputRecords + r.reduceOutputRecords, bytes });
      const replicas = dfs.planReplicas(node.id, `${config.output}/${ri}`);
      const write = costs.writePipelineMs(node, replicas, r.text.length);
      return { startup: 0, read: 0, compute, spill, shuffle, write };
    },
  }));

  const mapsDone = () => mapNode.every((n) => n !== null);
  const unsubscribe = cluster.subscribe((change) => {
    if (change.kind !== 'died' || done) return;
    scheduler.nodeDied(change.node);
    const lost = maps.filter((m) => mapNode[m.index] === change.node);
    const reducersNeedIt = reduceAttempt.some((a) => a === null);
    if (lost.length === 0 || !reducersNeedIt) return;
    for (const m of lost) {
      env.trace.record({ t: kernel.now, type: 'mapOutputLost', job, task: mapTasks[m.index]!.id, node: change.node });
      mapNode[m.index] = null;
      rerun++;
      scheduler.resubmit(mapSet, m.index);
    }
    // Reducers still fetching cannot finish their shuffle: stop them until the maps are re-made.
    scheduler.killRunning(reduceSet, (a) => kernel.now < a.start + a.cost.startup + a.cost.shuffle, `map outputs lost with node ${change.node}`);
  });

  scheduler.submit({
    id: mapSet,
    tasks: mapTasks,
    maxAttempts: options.maxAttempts,
    localityWaitMs: 0,
    speculation: options.speculation,
    onTaskFinished(task, attempt) {
      mapNode[task.index] = attempt.node;
      mapAttempt[task.index] = attempt;
      if (mapsDone()) scheduler.wake();
    },
    onFinished() {
      if (reduceStarted) return;
      reduceStarted = true;
      scheduler.submit({
        id: reduceSet,
        tasks: reduceTasks,
        maxAttempts: options.maxAttempts,
        localityWaitMs: 0,
        speculation: options.speculation,
        ready: mapsDone,
        onTaskFinished(task, attempt) {
          reduceAttempt[task.index] = attempt;
          const path = `${config.output}/part-r-${pad(task.index)}`;
          const text = reduces[task.index]!.text;
          dfs.write(path, encodeAscii(text), attempt.node);
          outputFiles.push(path);
          env.trace.record({ t: kernel.now, type: 'partFileWritten', job, path, bytes: text.length, node: attempt.node });
        },
        onFinished() {
          dfs.write(`${config.output}/_SUCCESS`, new Uint8Array(0), cluster.nodes[0]!.id);
          done = true;
          env.trace.record({ t: kernel.now, type: 'jobFinished', job, ms: kernel.now - startMs });
        },
      });
    },
  });
  let reduceStarted = false;
  env.drive(() => done);
  unsubscribe();

  const attempts = scheduler.attempts.slice(first);
  const c = emptyCounters();
  maps.forEach((m, i) => {
    const o = m.output!.counters;
    const a = mapAttempt[i];
    c.MAP_INPUT_RECORDS += o.mapInputRecords;
    c.MAP_OUTPUT_RECORDS += o.mapOutputRecords;
    c.MAP_OUTPUT_BYTES += o.mapOutputBytes;
    c.COMBINE_INPUT_RECORDS += o.combineInputRecords;
    c.COMBINE_OUTPUT_RECORDS += o.combineOutputRecords;
    const out = m.output!.partitionRecords.reduce((x, y) => x + y, 0);
    c.SPILLED_RECORDS += out * (o.mapOutputBytes > SPILL_BYTES ? 2 : 1);
    const read = readPieces(m).reduce((s, p) => s + p.len, 0);
    c.HDFS_BYTES_READ += read;
    c.HDFS_BYTES_READ_LOCAL += readLocal[i]!;
    c.HDFS_BYTES_READ_REMOTE += read - readLocal[i]!;
    if (a?.locality === 'NODE_LOCAL') c.DATA_LOCAL_MAPS++;
    else if (a?.locality === 'RACK_LOCAL') c.RACK_LOCAL_MAPS++;
    else c.OTHER_LOCAL_MAPS++;
  });
  reduces.forEach((r, ri) => {
    const bytes = maps.reduce((s, m) => s + m.output!.partitionBytes[ri]!, 0);
    c.REDUCE_INPUT_GROUPS += r.reduceInputGroups;
    c.REDUCE_INPUT_RECORDS += r.reduceInputRecords;
    c.REDUCE_OUTPUT_RECORDS += r.reduceOutputRecords;
    c.REDUCE_SHUFFLE_BYTES += bytes;
    c.SHUFFLE_BYTES_LOCAL += shuffleLocal[ri]!;
    c.SHUFFLE_BYTES_REMOTE += bytes - shuffleLocal[ri]!;
    c.SPILLED_RECORDS += bytes > REDUCE_MEMORY_BYTES ? r.reduceInputRecords : 0;
    c.HDFS_BYTES_WRITTEN += r.text.length;
  });
  c.TOTAL_LAUNCHED_MAPS = attempts.filter((a) => a.taskSet === mapSet).length;
  c.TOTAL_LAUNCHED_REDUCES = attempts.filter((a) => a.taskSet === reduceSet).length;
  c.KILLED_TASK_ATTEMPTS = attempts.filter((a) => a.status === 'killed').length;
  c.MAPS_RERUN_FOR_LOST_OUTPUT = rerun;
  outputFiles.sort();
  return { job, startMs, endMs: kernel.now, counters: c, attempts, outputFiles };
}

/** Part files are TextOutputFormat: UTF-8. */
export function encodeAscii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return utf8(text);
    out[i] = c;
  }
  return out;
}

function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(bytes);
}
