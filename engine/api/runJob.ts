/**
 * Runs a learner's job file on a fresh simulated cluster: the one entry the CLI and the app use.
 * Real results come from the TaskRunner (sandbox workers); the schedule, times and counters from
 * the simulation, deterministic for a seed. Spark jobs: see engine/spark/sparkJobRun.ts.
 */
import { Kernel, Trace, type TraceEvent } from '../core';
import { Cluster, CostModel, FaultInjector, resolveClusterSpec } from '../cluster';
import { MemoryDfs } from '../exec/dfsView';
import { NodeSlotPool } from '../exec/slotPool';
import { TaskScheduler } from '../exec/taskScheduler';
import { builtinDataset } from '../datasets/builtinDatasets';
import { encodeAscii } from '../mapreduce/mapReduceSimulation';
import { runMapReduceJob } from '../mapreduce/mapReduceJob';
import { addCounters, emptyCounters } from '../mapreduce/mapReduceCounters';
import { compareKeys } from '../mapreduce/keyOrder';
import { parseRecords } from '../mapreduce/recordText';
import { runSparkJob } from '../spark/sparkJobRun';
import type { JobRunReport, RunJobOptions } from './jobTypes';

const DEFAULT_BLOCK = 128 * 1024 * 1024;
const MAX_EVENTS = 50_000_000;

/** Absolute DFS paths written as string literals in the job (so textFile's sizes are known up front). */
function mentionedPaths(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/['"`](\/[A-Za-z0-9_.\-/]+)['"`]/g)) out.add(m[1]!);
  return [...out].sort();
}

export class SimulationStuckError extends Error {
  override name = 'SimulationStuckError';
}

export async function runJob(options: RunJobOptions): Promise<JobRunReport> {
  const kernel = new Kernel();
  const trace = new Trace<TraceEvent>();
  const spec = resolveClusterSpec(options.cluster);
  const cluster = new Cluster(spec, kernel, trace);
  const costs = new CostModel(cluster);
  const dfs = new MemoryDfs(cluster, options.blockSize ?? DEFAULT_BLOCK);
  const client = cluster.nodes[0]!.id;
  for (const f of options.files ?? []) dfs.write(f.path, f.bytes, client);
  const generated: string[] = [];
  const ensureInput = (path: string) => {
    if (dfs.exists(path) || options.sampleData === false) return;
    const sample = builtinDataset(path);
    if (!sample) return;
    dfs.write(path, encodeAscii(sample.generate()), client);
    generated.push(path);
  };
  new FaultInjector(kernel, cluster).plan(options.faults ?? []);
  const drive = (done: () => boolean) => {
    let steps = 0;
    while (!done()) {
      if (!kernel.step()) throw new SimulationStuckError(`the simulation stopped at ${kernel.now} ms before the job finished (no live node can run its tasks?)`);
      if (++steps > MAX_EVENTS) throw new SimulationStuckError(`the simulation exceeded ${MAX_EVENTS} events`);
    }
  };
  const shape = await options.runner.load(options.source);
  const maxAttempts = options.maxAttempts ?? 4;
  const speculation = options.speculation ?? false;

  if (shape.kind === 'spark') {
    const spark = await runSparkJob({ kernel, cluster, costs, dfs, trace, drive, runner: options.runner, ensureInput, maxAttempts, seed: options.seed, mentionedPaths: mentionedPaths(options.source.code) });
    return { ...spark, trace: trace.events, generatedInputs: generated };
  }

  const slots = new NodeSlotPool(cluster, (n) => n.cores, (slot) => costs.containerStartMs(slot.node) + costs.taskStartMs(slot.node));
  const scheduler = new TaskScheduler(kernel, cluster, slots, trace);
  const counters = emptyCounters();
  let lastOutput: string[] = [];
  for (const config of shape.jobs) {
    for (const p of config.input) ensureInput(p);
    // Job set-up: the ApplicationMaster's container starts before any task.
    kernel.schedule(costs.containerStartMs(cluster.nodes[0]!), () => {});
    kernel.step();
    const run = await runMapReduceJob({ kernel, cluster, costs, dfs, scheduler, trace, drive, runner: options.runner }, config, { maxAttempts, speculation });
    addCounters(counters, run.counters);
    lastOutput = run.outputFiles;
  }
  const pairs: [unknown, unknown][] = [];
  for (const path of lastOutput) pairs.push(...parseRecords(new TextDecoderLite().decode(dfs.bytes(path))));
  pairs.sort((a, b) => compareKeys(a[0], b[0]));
  const attempts = scheduler.attempts;
  return {
    kind: 'mapreduce',
    result: pairs,
    simulatedMs: kernel.now,
    metrics: {
      kind: 'mapreduce',
      jobs: shape.jobs.length,
      tasks: counters.TOTAL_LAUNCHED_MAPS + counters.TOTAL_LAUNCHED_REDUCES - counters.KILLED_TASK_ATTEMPTS,
      attempts: attempts.length,
      killedAttempts: counters.KILLED_TASK_ATTEMPTS,
      bytesReadLocal: counters.HDFS_BYTES_READ_LOCAL,
      bytesReadRemote: counters.HDFS_BYTES_READ_REMOTE,
      shuffleBytes: counters.REDUCE_SHUFFLE_BYTES,
      shuffleBytesLocal: counters.SHUFFLE_BYTES_LOCAL,
      shuffleBytesRemote: counters.SHUFFLE_BYTES_REMOTE,
      counters,
    },
    attempts,
    trace: trace.events,
    generatedInputs: generated,
  };
}

/** UTF-8 decoding without DOM/Node globals (engine/ has neither TextDecoder nor Buffer). */
export class TextDecoderLite {
  decode(bytes: Uint8Array): string {
    let out = '';
    const CHUNK = 8192;
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 127) {
      ascii = false;
      break;
    }
    if (ascii) {
      for (let i = 0; i < bytes.length; i += CHUNK) out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
      return out;
    }
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i]!;
      let cp: number;
      if (b < 0x80) {
        cp = b;
        i += 1;
      } else if (b < 0xe0) {
        cp = ((b & 31) << 6) | (bytes[i + 1]! & 63);
        i += 2;
      } else if (b < 0xf0) {
        cp = ((b & 15) << 12) | ((bytes[i + 1]! & 63) << 6) | (bytes[i + 2]! & 63);
        i += 3;
      } else {
        cp = ((b & 7) << 18) | ((bytes[i + 1]! & 63) << 12) | ((bytes[i + 2]! & 63) << 6) | (bytes[i + 3]! & 63);
        i += 4;
      }
      out += String.fromCodePoint(cp);
    }
    return out;
  }
}
