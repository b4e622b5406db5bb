/**
 * A Spark application on the simulated cluster (Cookbook 20.2.1, 20.2.10): the driver program
 * runs in the sandbox first (real results and a log of jobs), then each job is replayed: the
 * DAGScheduler cuts stages, the TaskScheduler places tasks on executors (one per node, in YARN
 * containers started once) with locality levels and delay scheduling (spark.locality.wait 3 s),
 * cached partitions live in executor memory with LRU eviction, and a dead node loses its
 * executors' cached blocks and shuffle outputs, which are recomputed from lineage when needed.
 */
import type { Kernel, TraceEvent, TraceSink } from '../core';
import type { Cluster, ClusterNode, CostModel } from '../cluster';
import { closestReplica, type DfsView } from '../exec/dfsView';
import { NodeSlotPool } from '../exec/slotPool';
import { TaskScheduler } from '../exec/taskScheduler';
import { ZERO_COST, type CostBreakdown, type SimTask } from '../exec/taskTypes';
import type { TaskRunner } from '../sandbox/taskRunner';
import type { JobRunReport } from '../api/jobTypes';
import { encodeAscii } from '../mapreduce/mapReduceSimulation';
import { DagScheduler, type Stage } from './dagScheduler';
import type { SparkLog } from './jobRecord';

export interface SparkRunEnv {
  kernel: Kernel;
  cluster: Cluster;
  costs: CostModel;
  dfs: DfsView;
  trace: TraceSink<TraceEvent>;
  drive(done: () => boolean): void;
  runner: TaskRunner;
  ensureInput(path: string): void;
  mentionedPaths: string[];
  maxAttempts: number;
  seed: number;
}

const exec = (node: string) => `exec-${node}`;

export async function runSparkJob(env: SparkRunEnv): Promise<Omit<JobRunReport, 'trace' | 'generatedInputs'>> {
  const { kernel, cluster, costs, dfs } = env;
  for (const p of env.mentionedPaths) env.ensureInput(p);
  const catalog: { path: string; length: number; blockSize: number }[] = [];
  const listAll = (dir: string) => dfs.listFiles(dir);
  const roots = new Set<string>();
  for (const p of env.mentionedPaths) roots.add(p.slice(0, p.lastIndexOf('/')) || '/');
  for (const root of [...roots].sort()) for (const f of listAll(root)) if (!catalog.some((c) => c.path === f)) catalog.push({ path: f, length: dfs.bytes(f).length, blockSize: dfs.blockSize(f) });
  const out = await env.runner.runSparkDriver({
    catalog,
    readFiles: async (path) => (dfs.isDir(path) ? dfs.listFiles(path) : [path]).map((p) => ({ path: p, bytes: dfs.bytes(p), blockSize: dfs.blockSize(p) })),
  });
  const log = out.jobs[0] as SparkLog;

  // Executors: one per node, started together in YARN containers.
  kernel.schedule(costs.containerStartMs(cluster.nodes[0]!) * 2, () => {});
  kernel.step();
  const slots = new NodeSlotPool(cluster, (n) => n.cores, (s) => costs.taskStartMs(s.node), (n) => exec(n.id));
  const scheduler = new TaskScheduler(kernel, cluster, slots, env.trace);
  const storage = new Map<string, { key: string; bytes: number }[]>();
  const capacity = (n: ClusterNode) => Math.max(0, (Math.min(n.memoryMb / 2, 4096) - 300) * 0.6 * 0.5) * 1024 * 1024;
  const cachedAt = new Map<string, string>(); // "rdd:p" -> executor
  const mapOutput = log.shuffles.map((s) => new Array<string | null>(s.numMaps).fill(null));
  let bytesLocal = 0;
  let bytesRemote = 0;
  let shuffleLocal = 0;
  let shuffleRemote = 0;
  let cacheHits = 0;
  let evictions = 0;
  let stagesRun = 0;
  let stagesSkipped = 0;
  const put = (key: string, executor: string, node: ClusterNode, bytes: number) => {
    const list = storage.get(executor) ?? [];
    storage.set(executor, list);
    const cap = capacity(node);
    if (bytes > cap) return;
    let used = list.reduce((s, b) => s + b.bytes, 0);
    while (used + bytes > cap && list.length > 0) {
      const victim = list.shift()!;
      used -= victim.bytes;
      cachedAt.delete(victim.key);
      evictions++;
      env.trace.record({ t: kernel.now, type: 'blockEvicted', block: victim.key, executor });
    }
    list.push({ key, bytes });
    cachedAt.set(key, executor);
  };
  const touch = (key: string, executor: string) => {
    const list = storage.get(executor);
    const i = list?.findIndex((b) => b.key === key) ?? -1;
    if (list && i >= 0) list.push(list.splice(i, 1)[0]!);
  };
  cluster.subscribe((change) => {
    if (change.kind !== 'died') return;
    scheduler.nodeDied(change.node);
    storage.delete(exec(change.node));
    for (const [k, e] of [...cachedAt]) if (e === exec(change.node)) cachedAt.delete(k);
    for (const outs of mapOutput) outs.forEach((n, m) => n === change.node && (outs[m] = null));
  });

  let persisted = new Set<number>();
  const prefs = (rdd: number, p: number): { nodes: string[]; execs: string[] } => {
    const info = log.rdds[rdd]!;
    const key = `${rdd}:${p}`;
    if (persisted.has(rdd) && cachedAt.has(key)) {
      const e = cachedAt.get(key)!;
      return { nodes: [e.slice(5)], execs: [e] };
    }
    if (info.source) {
      const [from] = info.source.ranges[p] ?? [0];
      const file = dfs.isDir(info.source.path) ? dfs.listFiles(info.source.path)[0]! : info.source.path;
      const b = dfs.blocks(file).find((x) => from >= x.offset && from < x.offset + Math.max(1, x.length));
      return { nodes: b ? [...b.replicas] : [], execs: [] };
    }
    const d = info.deps[0];
    if (d && d.kind === 'narrow') return prefs(d.parent, (d.parents?.[p] ?? [p])[0] ?? 0);
    return { nodes: [], execs: [] };
  };

  /** Cost of producing partition p of rdd on node/executor, walking narrow lineage; caches on the way. */
  const partitionCost = (rdd: number, p: number, node: ClusterNode, executor: string, c: CostBreakdown, after: (() => void)[]) => {
    const info = log.rdds[rdd]!;
    const key = `${rdd}:${p}`;
    const at = persisted.has(rdd) ? cachedAt.get(key) : undefined;
    if (at !== undefined) {
      cacheHits++;
      if (at !== executor) c.read += costs.networkMs(cluster.node(at.slice(5)), node, info.bytes[p]!);
      after.push(() => touch(key, at));
      return;
    }
    c.compute += costs.cpuMs(node, { records: info.records[p]! });
    if (info.source) {
      const [from, to] = info.source.ranges[p]!;
      const file = dfs.isDir(info.source.path) ? dfs.listFiles(info.source.path)[0]! : info.source.path;
      for (const b of dfs.blocks(file)) {
        const len = Math.min(to, b.offset + b.length) - Math.max(from, b.offset);
        if (len <= 0) continue;
        const src = closestReplica(cluster, node, b.replicas) ?? node;
        c.read += costs.readMs(node, src, len);
        if (src === node) bytesLocal += len;
        else bytesRemote += len;
      }
    }
    for (const d of info.deps) {
      if (d.kind === 'narrow') for (const q of d.parents ? (d.parents[p] ?? []) : [p]) partitionCost(d.parent, q, node, executor, c, after);
      else {
        const sh = log.shuffles[d.shuffleId]!;
        for (let m = 0; m < sh.numMaps; m++) {
          const bytes = sh.bytes[m * sh.numReduces + p] ?? 0;
          const src = cluster.node(mapOutput[d.shuffleId]![m] ?? node.id);
          c.shuffle += bytes > 0 ? costs.readMs(node, src, bytes) : 0;
          if (src === node) shuffleLocal += bytes;
          else shuffleRemote += bytes;
        }
      }
    }
    if (persisted.has(rdd)) after.push(() => put(key, executor, node, info.bytes[p]!));
  };

  let currentJob = log.jobs[0];
  const dag = new DagScheduler(
    log,
    {
      missingMapOutputs: (sid) => mapOutput[sid]!.flatMap((n, m) => (n === null ? [m] : [])),
      isCached: (rdd, p) => cachedAt.has(`${rdd}:${p}`),
    },
    {
      stageSkipped(stage) {
        stagesSkipped++;
        env.trace.record({ t: kernel.now, type: 'stageSkipped', stage: stage.id, rdd: stage.rdd });
      },
      runStage(stage: Stage, onDone) {
        stagesRun++;
        env.trace.record({ t: kernel.now, type: 'stageSubmitted', stage: stage.id, rdd: stage.rdd, tasks: stage.partitions.length });
        const afters = new Map<number, (() => void)[]>();
        const tasks: SimTask[] = stage.partitions.map((p, i) => {
          const pr = prefs(stage.rdd, p);
          return {
            id: `s${stage.id}.t${p}`,
            index: i,
            preferredNodes: pr.nodes,
            preferredExecutors: pr.execs,
            cost(node, _locality, executor) {
              const c = { ...ZERO_COST };
              const after: (() => void)[] = [];
              partitionCost(stage.rdd, p, node, executor, c, after);
              if (stage.shuffleId !== null) {
                const sh = log.shuffles[stage.shuffleId]!;
                let bytes = 0;
                for (let r = 0; r < sh.numReduces; r++) bytes += sh.bytes[p * sh.numReduces + r] ?? 0;
                c.spill += costs.diskWriteMs(node, bytes);
              } else if (currentJob?.output) {
                c.write += costs.writePipelineMs(node, dfs.planReplicas(node.id, `${currentJob.output}/${p}`), log.rdds[stage.rdd]!.bytes[p]!);
              } else {
                c.write += costs.networkMs(node, cluster.nodes[0]!, currentJob?.resultBytes[i] ?? 0);
              }
              afters.set(i, after);
              return c;
            },
          };
        });
        scheduler.submit({
          id: `stage-${stage.id}`,
          tasks,
          maxAttempts: env.maxAttempts,
          localityWaitMs: 3000,
          speculation: false,
          onTaskFinished(task, attempt) {
            for (const f of afters.get(task.index) ?? []) f();
            if (stage.shuffleId !== null) mapOutput[stage.shuffleId]![stage.partitions[task.index]!] = attempt.node;
          },
          onFinished: onDone,
        });
      },
    },
  );

  for (const job of log.jobs) {
    currentJob = job;
    persisted = new Set(job.persisted);
    let done = false;
    env.trace.record({ t: kernel.now, type: 'sparkJobSubmitted', job: job.id, action: job.action });
    dag.runJob(job, () => {
      done = true;
    });
    env.drive(() => done);
    env.trace.record({ t: kernel.now, type: 'sparkJobFinished', job: job.id });
  }
  for (const w of out.written) dfs.write(w.path, encodeAscii(w.text), cluster.nodes[0]!.id);
  const attempts = scheduler.attempts;
  const shuffleBytes = shuffleLocal + shuffleRemote;
  const killed = attempts.filter((a) => a.status === 'killed').length;
  return {
    kind: 'spark',
    result: out.result,
    simulatedMs: kernel.now,
    metrics: {
      kind: 'spark', jobs: log.jobs.length, tasks: attempts.length - killed, attempts: attempts.length, killedAttempts: killed,
      bytesReadLocal: bytesLocal, bytesReadRemote: bytesRemote, shuffleBytes, shuffleBytesLocal: shuffleLocal, shuffleBytesRemote: shuffleRemote,
      counters: { STAGES_RUN: stagesRun, STAGES_SKIPPED: stagesSkipped, CACHE_HITS: cacheHits, BLOCKS_EVICTED: evictions, PROCESS_LOCAL_TASKS: attempts.filter((a) => a.locality === 'PROCESS_LOCAL').length, NODE_LOCAL_TASKS: attempts.filter((a) => a.locality === 'NODE_LOCAL').length, RACK_LOCAL_TASKS: attempts.filter((a) => a.locality === 'RACK_LOCAL').length, ANY_TASKS: attempts.filter((a) => a.locality === 'ANY').length },
    },
    attempts,
  };
}
