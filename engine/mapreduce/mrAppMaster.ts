/**
 * MapReduce's ApplicationMaster (Hadoop's MRAppMaster, Cookbook 20.1.1) on the engine core's
 * YARN and HDFS. The map and reduce outputs were computed for real beforehand (sandbox
 * workers); this replays the job on the simulated cluster: an AM container, then one container
 * request per map attempt naming its block's replica nodes (YARN's delay scheduling decides
 * node-, rack- or off-switch locality), the map's work (mrMapAttempt.ts); when every map is
 * done, the reducers' shuffle, merge, reduce and part file (mrReduceAttempt.ts). Failures: an
 * attempt whose code throws fails (and is retried on another node up to maxAttempts, then the
 * job fails); an attempt on a node that died hangs until YARN reports its container lost, then
 * runs again (mrAttempts.ts); a reducer that cannot fetch a map's output (its node died)
 * reports it, and the map is re-run (mapOutputLoss.ts). Optional speculative execution
 * (mrSpeculator.ts). This file holds the job's state, YARN's callbacks, the container requests
 * and the job's end.
 */
import { ValidationError } from '../core';
import { ioShare, nodeLabelsNamed, type ClusterNode } from '../cluster';
import { allocatedMb, type Application, type Container } from '../yarn';
import type { JobContext } from '../exec/jobContext';
import type { MapReduceJobConfig } from '../sandbox/contract/taskRunner';
import { fetchesFailed } from './mapOutputLoss';
import { killAttempt, startAttempt } from './mrAttempts';
import { runMapAttempt } from './mrMapAttempt';
import { runReduceAttempt } from './mrReduceAttempt';
import { SpeculationBook, startSpeculator } from './mrSpeculator';
import type { MrAmOptions, MrAttempt, MrJobFailure, MrMapPlan, MrReducePlan, MrTask } from './mrTypes';

export type { MrAmOptions, MrAttempt, MrJobFailure, MrMapPlan, MrReducePlan, MrTask };

type Tag = { am: true } | { am: false; task: MrTask; speculative: boolean };
const pad = (n: number, w = 6) => String(n).padStart(w, '0');
/** A task container: mapreduce.map.memory.mb / mapreduce.reduce.memory.mb (1 GB), 1 vcore. */
const TASK_ASK = { vcores: 1, memoryMb: 1024 };
/** yarn.app.mapreduce.am.resource.mb: the ApplicationMaster's container. */
const AM_MEMORY_MB = 1536;
/** How many containers on blacklisted nodes a task turns down before it takes one anyway. */
const MAX_REFUSALS = 8;
/** yarn.resourcemanager.am.max-attempts: Hadoop's default. */
const AM_MAX_ATTEMPTS = 2;

/**
 * Stops a job before its tasks run when YARN could never grant its ApplicationMaster: a job asks
 * for its containers without a node label, so only the NodeManagers without one count, and the
 * largest of them must hold the AM's container (its memory rounded up to YARN's minimum allocation;
 * a task's is smaller). Without this the simulation waited out a week and blamed dead nodes.
 */
export function checkAppMasterFits(ctx: JobContext): void {
  const unlabelled = ctx.cluster.nodeManagers.filter((n) => n.nodeLabel === '');
  if (unlabelled.length === 0)
    throw new ValidationError(
      'cluster',
      `every NodeManager of this cluster has a node label (${nodeLabelsNamed(ctx.cluster)}), and a MapReduce job asks for its containers without one, so YARN would never grant them: leave some nodes without a label`,
    );
  const labelled = unlabelled.length < ctx.cluster.nodeManagers.length;
  const amMb = allocatedMb(AM_MEMORY_MB, ctx.yarn.config);
  const largest = Math.max(...unlabelled.map((n) => n.memoryMb));
  if (largest < amMb)
    throw new ValidationError(
      'cluster',
      `no node can run the job's ApplicationMaster (yarn.app.mapreduce.am.resource.mb: ${AM_MEMORY_MB} MB and 1 vcore, rounded up to YARN's minimum allocation): no node${labelled ? ' without a node label' : ''} has ${amMb} MB (largest: ${largest})${labelled ? ', and a MapReduce job asks for its containers without one' : ''}; give the nodes more memory${labelled ? ', or leave a larger one without a label' : ''}`,
    );
}

export class MrAppMaster {
  readonly job: string;
  readonly maps: MrTask[];
  readonly reduces: MrTask[];
  readonly attempts: MrAttempt[] = [];
  done = false;
  failure: MrJobFailure | null = null;
  mapsRerun = 0;
  /** Maps whose output is held on a node (outputNode set): kept as a count, not searched for per map done. */
  mapOutputsHeld = 0;
  /** Reduces done (a reduce's output is in HDFS: it is never undone): counted, not searched for per reduce done. */
  reducesDone = 0;
  private amAttempts = 0;
  private mapsRequested = false;

  /** Every map's output is held on a node: the reducers can fetch them all. */
  allMapOutputsHeld(): boolean {
    return this.mapOutputsHeld === this.maps.length;
  }
  // Shared with the AM's own modules (mrAttempts.ts, mrMapAttempt.ts, ...), not with other layers.
  readonly app: Application;
  /** The live attempts by container id (an attempt leaves it when it ends). */
  readonly byContainer = new Map<number, MrAttempt>();
  /** The attempts' AttemptRecord.taskSet: one string each, not one per attempt. */
  readonly mapTaskSet: string;
  readonly reduceTaskSet: string;
  /** What the speculator keeps of the maps and of the reduces (null without speculation). */
  readonly speculation: { map: SpeculationBook; reduce: SpeculationBook } | null;
  private readonly startMs: number;
  private readonly unsubscribe: () => void;

  constructor(
    readonly ctx: JobContext,
    readonly config: MapReduceJobConfig,
    readonly mapPlans: MrMapPlan[],
    readonly reducePlans: MrReducePlan[],
    readonly options: MrAmOptions,
  ) {
    this.job = `job_${pad(config.index + 1, 5)}`;
    this.mapTaskSet = `${this.job}/map`;
    this.reduceTaskSet = `${this.job}/reduce`;
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
    this.speculation = options.speculation
      ? { map: new SpeculationBook(this.maps.length), reduce: new SpeculationBook(this.reduces.length) }
      : null;
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
        fetchesFailed(this, change.kind === 'died' ? [change.node] : change.nodes);
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
    try {
      this.app.request({ vcores: 1, memoryMb: AM_MEMORY_MB, tag: { am: true } satisfies Tag });
    } catch (error) {
      // "ask.memoryMb: no node has 2048 MB" named YARN's field, not what the learner can change.
      if (!(error instanceof ValidationError) || !error.path.startsWith('ask.')) throw error;
      throw new ValidationError(
        'cluster',
        `no node can run the job's ApplicationMaster (yarn.app.mapreduce.am.resource.mb: ${AM_MEMORY_MB} MB and 1 vcore, rounded up to YARN's minimum allocation): ${error.problem}; give the nodes more memory or cores`,
      );
    }
  }

  // ---- YARN callbacks ----

  private allocated(c: Container): void {
    const tag = c.request.tag as Tag;
    if (tag.am) return this.app.launch(c);
    const task = tag.task;
    task.requested--;
    if (this.done || task.done || (tag.speculative && task.running.length === 0) || task.running.length >= 2) {
      this.app.release(c);
      // A copy's container came after the attempt it was to copy ended (failed or killed) while it
      // was asked for: the attempt's end asked for nothing then, so the task asks now.
      if (!this.done && !task.done && task.running.length === 0 && task.requested === 0) this.request(task, false);
      return;
    }
    if (task.failedOn.includes(c.nodeId) && task.refusals < MAX_REFUSALS) {
      // Hadoop's AM blacklists a node for a task whose attempt failed there: ask again, a little later.
      task.refusals++;
      this.app.release(c);
      task.requested++;
      this.ctx.kernel.post(this.ctx.cluster.costs.taskStartMs, () => {
        task.requested--;
        if (!this.done && !task.done && task.running.length === 0 && task.requested === 0)
          this.request(task, tag.speculative);
        // A copy turned down and not asked again: the attempt running alone may get one later.
        else this.speculation?.[task.kind].reconsider(task);
      });
      return;
    }
    startAttempt(this, task, c, tag.speculative);
  }

  private launched(c: Container): void {
    const tag = c.request.tag as Tag;
    if (tag.am) {
      if (this.ctx.tracing)
        this.ctx.trace.record({
          t: this.ctx.kernel.now,
          type: 'appMasterLaunched',
          job: this.job,
          container: c.id,
          node: c.nodeId,
          attempt: this.amAttempts + 1,
        });
      // A restarted AM recovers the job's state (MapReduce's job recovery): ask for the maps once.
      if (this.mapsRequested) return;
      this.mapsRequested = true;
      startSpeculator(this);
      return this.requestMaps();
    }
    const a = this.byContainer.get(c.id);
    if (a === undefined || a.phase !== 'starting') return;
    a.phase = 'working';
    const node = c.node;
    a.record.cost.startup = this.ctx.kernel.now - a.record.start + this.ctx.cost.taskStartMs(node);
    if (a.task.kind === 'map') runMapAttempt(this, a, node);
    else runReduceAttempt(this, a, node);
  }

  private containerLost(c: Container): void {
    if ((c.request.tag as Tag).am) return this.amLost(c);
    const a = this.byContainer.get(c.id);
    if (a === undefined || a.phase === 'ended') return;
    killAttempt(this, a, `container ${c.id} lost with node ${c.nodeId}`);
  }

  /**
   * The AM's container went with its node: YARN starts another attempt of the application
   * master elsewhere (yarn.resourcemanager.am.max-attempts, 2 by default), which carries on.
   */
  private amLost(c: Container): void {
    if (this.done) return;
    this.amAttempts++;
    if (this.ctx.tracing)
      this.ctx.trace.record({
        t: this.ctx.kernel.now,
        type: 'appMasterLost',
        job: this.job,
        node: c.nodeId,
        attempt: this.amAttempts,
      });
    if (this.amAttempts >= AM_MAX_ATTEMPTS) {
      const first = this.maps[0] ?? this.reduces[0];
      if (first)
        this.failJob(first, `the ApplicationMaster was lost ${this.amAttempts} times (last on ${c.nodeId})`, null);
      return;
    }
    this.app.request({ vcores: 1, memoryMb: AM_MEMORY_MB, tag: { am: true } satisfies Tag });
  }

  // ---- requests ----

  private requestMaps(): void {
    for (const m of this.maps) this.request(m, false);
    if (this.maps.length === 0) this.requestReduces();
  }

  /** Asks for every reducer not done nor asked for yet (once every map output is there). */
  requestReduces(): void {
    for (const r of this.reduces) if (!r.done && r.running.length === 0 && r.requested === 0) this.request(r, false);
    if (this.reduces.length === 0 && !this.done) this.finishJob();
  }

  /** Asks YARN for a container for a new attempt of `task`, away from nodes it failed or runs on. */
  request(task: MrTask, speculative: boolean): void {
    task.requested++;
    const prefs = task.kind === 'map' ? this.preferredFor(task) : [];
    const tag: Tag = { am: false, task, speculative };
    const { vcores, memoryMb } = TASK_ASK;
    this.app.request(prefs.length > 0 ? { vcores, memoryMb, nodes: prefs, tag } : { vcores, memoryMb, tag });
  }

  /** A map's preferred nodes (its split's replicas), less those its attempts failed or run on. */
  private preferredFor(task: MrTask): string[] {
    const nodes = this.mapPlans[task.index]!.preferredNodes;
    if (task.failedOn.length === 0 && task.running.length === 0) return nodes.slice();
    return nodes.filter((n) => !task.failedOn.includes(n) && !task.running.some((a) => a.container.nodeId === n));
  }

  // ---- the end ----

  finishJob(): void {
    const { hdfs, kernel } = this.ctx;
    hdfs.put(`${this.config.output}/_SUCCESS`, new Uint8Array(0), {
      writer: this.reduces[0]?.winner?.container.nodeId ?? this.ctx.cluster.nodes[0]!.id,
    });
    this.stop('succeeded');
    if (this.ctx.tracing)
      this.ctx.trace.record({ t: kernel.now, type: 'jobFinished', job: this.job, ms: kernel.now - this.startMs });
  }

  failJob(task: MrTask, reason: string, error: Error | null): void {
    this.failure = { task: task.id, reason, error };
    this.done = true;
    for (const t of [...this.maps, ...this.reduces]) for (const a of [...t.running]) killAttempt(this, a, 'job failed');
    this.stop('failed');
    if (this.ctx.tracing)
      this.ctx.trace.record({ t: this.ctx.kernel.now, type: 'jobFailed', job: this.job, task: task.id, reason });
  }

  private stop(status: 'succeeded' | 'failed'): void {
    this.done = true;
    this.unsubscribe();
    this.app.finish(status);
  }

  /**
   * How many of this job's `kind` tasks share `node`'s disks and network (CostModel's ioShare):
   * the phase's tasks over the live NodeManager nodes, at most as many as the node has task containers.
   */
  ioShare(kind: 'map' | 'reduce', node: ClusterNode): number {
    const live = this.ctx.cluster.reachableNodeManagers();
    const slots = Math.min(node.cores / TASK_ASK.vcores, node.memoryMb / TASK_ASK.memoryMb);
    return ioShare(kind === 'map' ? this.maps.length : this.reduces.length, live, slots);
  }

  /** A task's part file: part-r-NNNNN of a reducer, part-m-NNNNN of a map-only job's map. */
  partPath(index: number, kind: 'm' | 'r'): string {
    return `${this.config.output}/part-${kind}-${pad(index, 5)}`;
  }
}
