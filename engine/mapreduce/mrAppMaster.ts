/**
 * MapReduce's ApplicationMaster (Hadoop's MRAppMaster, Cookbook 20.1.1) on the engine core's
 * YARN and HDFS. The map and reduce outputs were computed for real beforehand (sandbox
 * workers); this replays the job on the simulated cluster: an AM container, then one container
 * request per map attempt naming its block's replica nodes (YARN's delay scheduling decides
 * node-, rack- or off-switch locality), a read of the split from the closest live replica
 * (`hdfs.readPlan`), the map, sort and spill; when every map is done, reducers fetch their
 * partition from each map's node, merge, reduce and write a part file to HDFS (`hdfs.put`,
 * replicated, `writeMs` charged). Failures: an attempt whose code throws fails (and is retried
 * on another node up to maxAttempts, then the job fails); an attempt on a node that died hangs
 * until YARN reports its container lost, then runs again; a reducer that cannot fetch a map's
 * output (its node died) reports it, and the map is re-run. Optional speculative execution.
 */
import type { Application, Container } from '../yarn';
import type { JobContext } from '../exec/jobContext';
import { readCost } from '../exec/hdfsInputs';
import { ZERO_COST, type AttemptRecord, type Locality } from '../exec/taskTypes';
import type { MapReduceJobConfig } from '../sandbox/taskRunner';
import { mapSpillMs, reduceMergeMs } from './mapReduceCounters';
import type { MrAmOptions, MrAttempt, MrJobFailure, MrMapPlan, MrReducePlan, MrTask } from './mrTypes';

export type { MrAmOptions, MrAttempt, MrJobFailure, MrMapPlan, MrReducePlan, MrTask };

type Tag = { am: true } | { am: false; task: MrTask; speculative: boolean };
const pad = (n: number, w = 6) => String(n).padStart(w, '0');
const LOCALITY: Record<Container['locality'], Locality> = { node: 'NODE_LOCAL', rack: 'RACK_LOCAL', any: 'ANY' };
/** A task container: mapreduce.map.memory.mb / mapreduce.reduce.memory.mb (1 GB), 1 vcore. */
const TASK_ASK = { vcores: 1, memoryMb: 1024 };
/** How many containers on blacklisted nodes a task turns down before it takes one anyway. */
const MAX_REFUSALS = 8;

export class MrAppMaster {
  readonly job: string;
  readonly maps: MrTask[];
  readonly reduces: MrTask[];
  readonly attempts: MrAttempt[] = [];
  done = false;
  failure: MrJobFailure | null = null;
  mapsRerun = 0;
  private readonly app: Application;
  private readonly byContainer = new Map<number, MrAttempt>();
  private readonly startMs: number;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: JobContext,
    private readonly config: MapReduceJobConfig,
    private readonly mapPlans: MrMapPlan[],
    private readonly reducePlans: MrReducePlan[],
    private readonly options: MrAmOptions,
  ) {
    this.job = `job_${pad(config.index + 1, 5)}`;
    const task = (kind: 'map' | 'reduce', index: number): MrTask => ({
      kind,
      index,
      id: `task_${pad(config.index + 1, 5)}_${kind === 'map' ? 'm' : 'r'}_${pad(index)}`,
      failures: 0,
      launched: 0,
      requested: 0,
      done: false,
      running: [],
      outputNode: null,
      winner: null,
      failedOn: [],
      refusals: 0,
    });
    this.maps = mapPlans.map((m) => task('map', m.index));
    this.reduces = reducePlans.map((r) => task('reduce', r.index));
    this.startMs = ctx.kernel.now;
    this.app = ctx.yarn.submitApplication({
      name: `${config.name} (MapReduce)`,
      callbacks: {
        onAllocated: (c) => this.allocated(c),
        onLaunched: (c) => this.launched(c),
        onContainerLost: (c) => this.containerLost(c),
      },
    });
    this.unsubscribe = ctx.cluster.subscribe((change) => {
      if (change.kind === 'died' || change.kind === 'partitioned')
        this.fetchesFailed(change.kind === 'died' ? [change.node] : change.nodes);
    });
    if (ctx.tracing)
      ctx.trace.record({
        t: ctx.kernel.now,
        type: 'jobSubmitted',
        job: this.job,
        engine: 'mapreduce',
        maps: this.maps.length,
        reduces: this.reduces.length,
      });
    this.app.request({ vcores: 1, memoryMb: 1536, tag: { am: true } satisfies Tag });
  }

  // ---- YARN callbacks ----

  private allocated(c: Container): void {
    const tag = c.request.tag as Tag;
    if (tag.am) return this.app.launch(c);
    const task = tag.task;
    task.requested--;
    if (this.done || task.done || (tag.speculative && task.running.length === 0) || task.running.length >= 2) {
      this.app.release(c);
      return;
    }
    const k = this.ctx.kernel;
    if (task.failedOn.includes(c.nodeId) && task.refusals < MAX_REFUSALS) {
      // Hadoop's AM blacklists a node for a task whose attempt failed there: ask again, a little later.
      task.refusals++;
      this.app.release(c);
      task.requested++;
      k.schedule(this.ctx.cluster.costs.taskStartMs, () => {
        task.requested--;
        if (!this.done && !task.done && task.running.length === 0 && task.requested === 0)
          this.request(task, tag.speculative);
      });
      return;
    }
    const n = task.launched++;
    const record: AttemptRecord = {
      taskSet: `${this.job}/${task.kind}`,
      task: task.id,
      index: task.index,
      attempt: n,
      attemptId: `attempt_${task.id.slice(5)}_${n}`,
      container: c.id,
      node: c.nodeId,
      executor: `container_${c.id}`,
      locality: task.kind === 'map' ? LOCALITY[c.locality] : 'ANY',
      start: k.now,
      end: k.now,
      status: 'running',
      speculative: tag.speculative,
      cost: { ...ZERO_COST },
    };
    const a: MrAttempt = {
      task,
      record,
      container: c,
      phase: 'starting',
      handles: [],
      workEnd: Number.POSITIVE_INFINITY,
      readLocal: 0,
      readRemote: 0,
      shuffleLocal: 0,
      shuffleRemote: 0,
      unfetched: new Set(),
    };
    task.running.push(a);
    this.attempts.push(a);
    this.byContainer.set(c.id, a);
    if (this.ctx.tracing) {
      this.ctx.trace.record({
        t: k.now,
        type: 'taskStarted',
        taskSet: record.taskSet,
        task: task.id,
        attempt: n,
        attemptId: record.attemptId,
        node: c.nodeId,
        executor: record.executor,
        locality: record.locality,
        speculative: tag.speculative,
      });
    }
    this.ctx.noteTaskEvent();
    this.app.launch(c);
  }

  private launched(c: Container): void {
    const tag = c.request.tag as Tag;
    if (tag.am) return this.requestMaps();
    const a = this.byContainer.get(c.id);
    if (a === undefined || a.phase !== 'starting') return;
    a.phase = 'working';
    const { kernel, cost } = this.ctx;
    const node = c.node;
    const cb = a.record.cost;
    cb.startup = kernel.now - a.record.start + cost.taskStartMs(node);
    if (a.task.kind === 'map') {
      const plan = this.mapPlans[a.task.index]!;
      try {
        const r = readCost(this.ctx.hdfs, plan.file, plan.split.recordStart, plan.split.recordEnd, node.id);
        cb.read = r.ms;
        a.readLocal = r.localBytes;
        a.readRemote = r.remoteBytes;
      } catch (error) {
        // BlockMissingException: no live replica of a block of the split.
        return this.endAfter(a, cb.startup, () =>
          this.fail(a, error instanceof Error ? error.message : String(error), null),
        );
      }
      const o = plan.output;
      cb.compute = cost.cpuMs(node, {
        records: o?.counters.mapInputRecords ?? 0,
        bytes: plan.split.recordEnd - plan.split.recordStart,
      });
      if (plan.error !== null || o === null)
        return this.endAfter(a, cb.startup + cb.read + cb.compute, () =>
          this.fail(a, plan.error?.message ?? 'map failed', plan.error),
        );
      cb.spill = mapSpillMs(cost, node, o);
      return this.endAfter(a, cb.startup + cb.read + cb.compute + cb.spill, () => this.succeed(a));
    }
    // A reducer: fetch its partition of every map output (Hadoop's shuffle), then merge and reduce.
    const missing = this.maps.filter((m) => m.outputNode === null);
    if (missing.length > 0) return this.kill(a, `map outputs of ${missing.length} maps are not available`);
    const unreachable = this.maps.filter(
      (m) =>
        !this.ctx.cluster.isReachable(this.ctx.cluster.node(m.outputNode!)) &&
        this.partBytes(m.index, a.task.index) > 0,
    );
    if (unreachable.length > 0) return this.lostOutputs(unreachable, a, 'fetch failed at shuffle start');
    const plan = this.reducePlans[a.task.index]!;
    let at = cb.startup;
    let bytes = 0;
    if (this.ctx.tracing)
      this.ctx.trace.record({
        t: kernel.now,
        type: 'shuffleStarted',
        job: this.job,
        task: a.task.id,
        attempt: a.record.attempt,
        node: node.id,
        maps: this.maps.length,
      });
    for (const m of this.maps) {
      const b = this.partBytes(m.index, a.task.index);
      if (b === 0) continue;
      const src = m.outputNode!;
      at += cost.readMs(node, src, b);
      bytes += b;
      if (src === node.id) a.shuffleLocal += b;
      else a.shuffleRemote += b;
      a.unfetched.add(m.index);
      a.handles.push(
        kernel.scheduleAt(a.record.start + at, () => {
          a.unfetched.delete(m.index);
          if (this.ctx.tracing)
            this.ctx.trace.record({
              t: kernel.now,
              type: 'shuffleFetched',
              job: this.job,
              task: a.task.id,
              attempt: a.record.attempt,
              from: src,
              to: node.id,
              bytes: b,
            });
        }),
      );
    }
    cb.shuffle = at - cb.startup;
    const o = plan.output;
    cb.spill = reduceMergeMs(cost, node, bytes);
    cb.compute = cost.cpuMs(node, { records: (o?.reduceInputRecords ?? 0) + (o?.reduceOutputRecords ?? 0), bytes });
    const workMs = cb.startup + cb.shuffle + cb.spill + cb.compute;
    if (plan.error !== null || o === null)
      return this.endAfter(a, workMs, () => this.fail(a, plan.error?.message ?? 'reduce failed', plan.error));
    this.endAfter(a, workMs, () => this.writePart(a));
  }

  private containerLost(c: Container): void {
    const a = this.byContainer.get(c.id);
    if (a === undefined || a.phase === 'ended') return;
    this.kill(a, `container ${c.id} lost with node ${c.nodeId}`);
  }

  // ---- attempts ----

  /** Schedules the end of the attempt's work, `totalMs` after its start (allocation). */
  private endAfter(a: MrAttempt, totalMs: number, then: () => void): void {
    const k = this.ctx.kernel;
    a.workEnd = a.record.start + totalMs;
    a.handles.push(
      k.scheduleAt(Math.max(k.now, a.workEnd), () => {
        // A node that died mid-attempt never reports back: the attempt hangs until YARN
        // declares its container lost (the AM's only way to know).
        if (!this.ctx.cluster.isReachable(a.container.node)) return;
        then();
      }),
    );
  }

  private writePart(a: MrAttempt): void {
    const { hdfs, kernel } = this.ctx;
    const path = this.partPath(a.task.index);
    if (hdfs.exists(path)) return this.kill(a, 'another attempt is committing the output');
    a.phase = 'writing';
    const text = this.reducePlans[a.task.index]!.output!.text;
    hdfs.put(path, text, { writer: a.container.nodeId });
    let ms = 0;
    for (const b of hdfs.blocks(path)) ms += hdfs.writeMs(a.container.nodeId, b.replicas, b.length);
    a.record.cost.write = ms;
    a.handles.push(
      kernel.schedule(ms, () => {
        if (!this.ctx.cluster.isReachable(a.container.node)) return;
        const replicas = hdfs.blocks(path).flatMap((b) => b.replicas);
        if (this.ctx.tracing)
          this.ctx.trace.record({
            t: kernel.now,
            type: 'partFileWritten',
            job: this.job,
            path,
            bytes: text.length,
            node: a.container.nodeId,
            replicas: [...new Set(replicas)],
          });
        this.succeed(a);
      }),
    );
  }

  private succeed(a: MrAttempt): void {
    if (!this.app.complete(a.container, 'succeeded')) return;
    const { kernel } = this.ctx;
    const task = a.task;
    this.end(a, 'succeeded');
    task.done = true;
    task.winner = a;
    if (this.ctx.tracing) {
      const r = a.record;
      this.ctx.trace.record({
        t: kernel.now,
        type: 'taskFinished',
        taskSet: r.taskSet,
        task: task.id,
        attempt: r.attempt,
        attemptId: r.attemptId,
        node: r.node,
        ms: r.end - r.start,
        cost: r.cost,
      });
    }
    for (const other of [...task.running]) this.kill(other, `${a.record.attemptId} finished first`);
    if (task.kind === 'map') {
      task.outputNode = a.container.nodeId;
      if (this.maps.every((m) => m.outputNode !== null)) this.requestReduces();
    } else if (this.reduces.every((r) => r.done)) return this.finishJob();
    if (this.options.speculation) this.speculate(task.kind === 'map' ? this.maps : this.reduces);
  }

  private fail(a: MrAttempt, reason: string, error: Error | null): void {
    const task = a.task;
    this.app.complete(a.container, 'failed');
    this.end(a, 'failed', reason);
    task.failures++;
    task.failedOn.push(a.container.nodeId);
    if (this.ctx.tracing) {
      const r = a.record;
      this.ctx.trace.record({
        t: this.ctx.kernel.now,
        type: 'taskFailed',
        taskSet: r.taskSet,
        task: task.id,
        attempt: r.attempt,
        attemptId: r.attemptId,
        node: r.node,
        reason,
      });
    }
    if (task.failures >= this.options.maxAttempts)
      return this.failJob(task, `${task.id} failed ${task.failures} attempts; last: ${reason}`, error);
    if (task.running.length === 0 && task.requested === 0 && !task.done) this.request(task, false);
  }

  /** Ends an attempt that is not the task's fault (node lost, fetch failure, a faster copy). */
  private kill(a: MrAttempt, reason: string): void {
    if (a.phase === 'ended') return;
    const task = a.task;
    if (a.phase === 'writing') this.ctx.hdfs.rm(this.partPath(task.index));
    if (a.container.live) this.app.complete(a.container, 'killed');
    this.end(a, 'killed', reason);
    if (this.ctx.tracing) {
      const r = a.record;
      this.ctx.trace.record({
        t: this.ctx.kernel.now,
        type: 'taskKilled',
        taskSet: r.taskSet,
        task: task.id,
        attempt: r.attempt,
        attemptId: r.attemptId,
        node: r.node,
        reason,
      });
    }
    if (this.done || task.done || task.running.length > 0 || task.requested > 0) return;
    // Reducers wait for every map output (requestReduces asks for them); maps ask at once.
    if (task.kind === 'map' || this.maps.every((m) => m.outputNode !== null)) this.request(task, false);
  }

  private end(a: MrAttempt, status: 'succeeded' | 'failed' | 'killed', reason?: string): void {
    for (const h of a.handles) h.cancel();
    a.handles = [];
    a.phase = 'ended';
    a.record.status = status;
    a.record.end = this.ctx.kernel.now;
    if (reason !== undefined) a.record.reason = reason;
    a.task.running = a.task.running.filter((x) => x !== a);
    this.ctx.noteTaskEvent();
  }

  // ---- map outputs lost with their node ----

  /** Reducers fetching from `nodes` fail: the maps whose output lived there run again. */
  private fetchesFailed(nodes: readonly string[]): void {
    if (this.done) return;
    for (const r of this.reduces) {
      for (const a of [...r.running]) {
        if (a.phase !== 'working') continue;
        const lost = [...a.unfetched]
          .map((i) => this.maps[i]!)
          .filter((m) => m.outputNode !== null && nodes.includes(m.outputNode));
        if (lost.length > 0) this.lostOutputs(lost, a, `fetch from ${lost[0]!.outputNode} failed`);
      }
    }
  }

  private lostOutputs(lost: MrTask[], reducer: MrAttempt, reason: string): void {
    for (const m of lost) {
      if (m.outputNode === null) continue;
      if (this.ctx.tracing)
        this.ctx.trace.record({
          t: this.ctx.kernel.now,
          type: 'mapOutputLost',
          job: this.job,
          task: m.id,
          node: m.outputNode,
          reason,
        });
      m.outputNode = null;
      m.done = false;
      this.mapsRerun++;
      if (m.running.length === 0 && m.requested === 0) this.request(m, false);
    }
    this.kill(reducer, reason);
  }

  // ---- requests ----

  private requestMaps(): void {
    for (const m of this.maps) this.request(m, false);
    if (this.maps.length === 0) this.requestReduces();
  }

  private requestReduces(): void {
    for (const r of this.reduces) if (!r.done && r.running.length === 0 && r.requested === 0) this.request(r, false);
    if (this.reduces.length === 0 && !this.done) this.finishJob();
  }

  private request(task: MrTask, speculative: boolean): void {
    task.requested++;
    const avoid = new Set([...task.failedOn, ...task.running.map((a) => a.container.nodeId)]);
    const prefs = task.kind === 'map' ? this.mapPlans[task.index]!.preferredNodes.filter((n) => !avoid.has(n)) : [];
    this.app.request({
      ...TASK_ASK,
      ...(prefs.length > 0 ? { nodes: prefs } : {}),
      tag: { am: false, task, speculative } satisfies Tag,
    });
  }

  /** Hadoop's speculator, simplified: a lone attempt due to end later than a fresh copy would gets a copy. */
  private speculate(tasks: MrTask[]): void {
    const now = this.ctx.kernel.now;
    const took = tasks.filter((t) => t.winner !== null).map((t) => t.winner!.record.end - t.winner!.record.start);
    if (took.length === 0 || tasks.some((t) => !t.done && t.running.length === 0)) return;
    const mean = took.reduce((s, x) => s + x, 0) / took.length;
    for (const t of tasks) {
      if (t.done || t.running.length !== 1 || t.requested > 0) continue;
      const a = t.running[0]!;
      if (a.record.speculative || a.workEnd - now <= mean) continue;
      this.request(t, true);
    }
  }

  // ---- the end ----

  private finishJob(): void {
    const { hdfs, kernel } = this.ctx;
    hdfs.put(`${this.config.output}/_SUCCESS`, new Uint8Array(0), {
      writer: this.reduces[0]?.winner?.container.nodeId ?? this.ctx.cluster.nodes[0]!.id,
    });
    this.stop('succeeded');
    if (this.ctx.tracing)
      this.ctx.trace.record({ t: kernel.now, type: 'jobFinished', job: this.job, ms: kernel.now - this.startMs });
  }

  private failJob(task: MrTask, reason: string, error: Error | null): void {
    this.failure = { task: task.id, reason, error };
    this.done = true;
    for (const t of [...this.maps, ...this.reduces]) for (const a of [...t.running]) this.kill(a, 'job failed');
    this.stop('failed');
    if (this.ctx.tracing)
      this.ctx.trace.record({ t: this.ctx.kernel.now, type: 'jobFailed', job: this.job, task: task.id, reason });
  }

  private stop(status: 'succeeded' | 'failed'): void {
    this.done = true;
    this.unsubscribe();
    this.app.finish(status);
  }

  partPath(index: number): string {
    return `${this.config.output}/part-r-${pad(index, 5)}`;
  }

  private partBytes(map: number, reduce: number): number {
    return this.mapPlans[map]!.output?.partitionBytes[reduce] ?? 0;
  }
}
