/**
 * A TaskRunner over a pool of sandbox workers, independent of the worker technology: cli/ plugs
 * in child processes, renderer/sandbox/ plugs in Web Workers. The job module is shipped to every
 * worker once per run (as Hadoop ships the job's jar); tasks queue for the next idle worker
 * (map tasks in batches, and pipelined: mapBatches.ts); outputs are returned in task order, so
 * the combined result never depends on which worker was faster.
 *
 * Runs: `load` begins one, `endRun` ends it. The wall-clock budget belongs to the run: its timer
 * starts in `load` and is cancelled in `endRun`; at the deadline every worker is terminated (a
 * runaway loop cannot be interrupted any other way; the loop guard usually stops it first, with
 * its line). Workers are reused across runs: only terminated ones (a timeout, a stop, a crash,
 * a task still busy when its run ended, one where an earlier run's code still ran: `stray`) are
 * replaced, so the number of live workers never grows past `size`. Replies, timers and failures
 * of an ended run are ignored.
 *
 * The job module is evaluated in every worker, so its top-level console output would be printed
 * once per worker: while loading, only the first worker's output is passed on.
 */
import { JobResultError, RunStoppedError, errorFromData } from './contract/jobCodeError';
import type {
  DriverHost,
  JobShape,
  JobSource,
  KafkaProgram,
  KafkaStepper,
  LoadOptions,
  MapTaskInput,
  MapTaskOutput,
  ReduceTaskInput,
  ReduceTaskOutput,
  SparkDriverOutput,
  TaskRunner,
} from './contract/taskRunner';
import type { SandboxReply } from './sandboxMessages';
import {
  loadRequest,
  newRun,
  newPending,
  postRun,
  progressOf,
  replyMismatch,
  sendLoad,
  timeoutError,
  type Pending,
  type Queued,
  type Run,
  type Slot,
  type TaskKind,
} from './poolState';
import { bookSent, holdMapOutput, postMapBatch, slotFor, takeBack, takeBatch, unbook } from './mapBatches';
import { answerKafkaStep, serveDriverRequest } from './driverRequests';
import { batchOf, checkReply } from './sandboxReplyValidation';
import { consoleDroppedNotice } from './consoleCap';
import { takeWorkerNote } from './workerNotes';
import { SandboxCrash, crashError, type PoolPlatform, type PoolProgress } from './poolPlatform';
import { TaskQueue } from './taskQueue';
import { jobWantsSql } from './jobWantsSql';
import { WorkerSlots } from './workerSlots';

export { SandboxCrash, type PoolPlatform, type PoolProgress, type WorkerEndpoint } from './poolPlatform';

type MapDone = Extract<SandboxReply, { type: 'mapDone' }>;
const mapOutputOnly = (reply: SandboxReply): MapTaskOutput[] => [(reply as MapDone).output];

export class SandboxPoolCore implements TaskRunner {
  /** The budget for runs begun from now on (seconds, null: none). */
  timeoutSeconds: number | null;
  /** Called whenever a task of the current run is queued or done. */
  onProgress: ((progress: PoolProgress) => void) | null = null;
  private readonly workers: WorkerSlots;
  private pending = new Map<number, Pending>();
  private queue = new TaskQueue<Queued>();
  /** Map tasks sent and not yet answered (a worker may give them back). */
  private sent = new Map<number, Queued>();
  private pumpQueued = false;
  /** Set while the replies of a batch are taken in: the pump runs once after them. */
  private holdPump = false;
  private nextId = 1;
  private run: Run | null = null;

  constructor(private readonly platform: PoolPlatform) {
    this.timeoutSeconds = platform.timeoutSeconds;
    this.workers = new WorkerSlots(platform, {
      onPost: (slot, raw) => this.onPost(slot, raw),
      onError: (slot, error) => this.onWorkerError(slot, error),
    });
  }

  get size(): number {
    return this.platform.size;
  }

  /** Workers alive now (never more than `size`). */
  get liveWorkers(): number {
    return this.workers.length;
  }

  /** A run is between `load` and `endRun`. */
  get running(): boolean {
    return this.run !== null;
  }

  /**
   * Starts the workers before the first run needs them (a worker's start, its bundle parsed and
   * evaluated, costs a few hundred ms): the page calls this while the learner reads or types.
   * `sql`: the code on the page names sql (codeNamesSql), so start workers that can open DuckDB.
   */
  warm(sql = false): void {
    if (sql) this.workers.useSql();
    this.workers.fill();
  }

  /** A live worker failed. */
  private onWorkerError(slot: Slot, error: unknown): void {
    // An error thrown before the worker began this run's load, by code of the run before.
    if (error instanceof SandboxCrash && error.thrown && slot.starting !== undefined) return this.retire(slot);
    // A worker that died (out of memory, a crash) fails the run with a message, not its stack.
    if (this.run) return this.abort(crashError(error, this.run.fileName));
    // Between runs: a worker that died, or an error a run's code threw after that run ended.
    this.workers.remove(slot);
  }

  async load(source: JobSource, options: LoadOptions = {}): Promise<JobShape> {
    if (this.run) this.endRun();
    const seconds = this.timeoutSeconds;
    const startedAt = this.platform.now();
    const run = newRun(source.fileName, seconds, startedAt);
    this.run = run;
    if (seconds !== null)
      run.cancelTimer = this.platform.startTimer(seconds * 1000, () => {
        if (this.run !== run) return;
        // A worker still inside the task in which its loop reported: that loop is what the limit stopped.
        this.timeOut(run, seconds);
      });
    // Idle now (a run ended above ends its busy workers): replaced if the job may call spark.sql.
    if (jobWantsSql(source)) this.workers.useSql();
    this.workers.fill();
    this.report('load');
    const slots = this.workers.list;
    run.echo = slots[0] ?? null;
    for (const slot of slots) slot.loading = true;
    const replies = await Promise.all(
      slots.map((slot) =>
        sendLoad(slot, loadRequest(this.nextId++, source, options, startedAt, seconds), this.pending),
      ),
    );
    const first = replies[0]!;
    if (first.type !== 'loaded') throw new Error('sandbox: unexpected reply to load');
    return first.shape;
  }

  runMapTasks(tasks: MapTaskInput[]): Promise<MapTaskOutput[]> {
    // One task (a MapReduce job runs each alone): one promise, not an array's worth of them.
    if (tasks.length === 1)
      return this.enqueue({ type: 'map', id: this.nextId++, task: tasks[0]! }, 'map').then(mapOutputOnly);
    return Promise.all(tasks.map((task) => this.enqueue({ type: 'map', id: this.nextId++, task }, 'map'))).then(
      (replies) => replies.map((r) => (r as MapDone).output),
    );
  }

  async runReduceTasks(tasks: ReduceTaskInput[]): Promise<ReduceTaskOutput[]> {
    // Map outputs may feed several attempts or jobs: copy, never transfer, their buffers.
    const replies = await Promise.all(
      tasks.map((task) => this.enqueue({ type: 'reduce', id: this.nextId++, task }, 'reduce')),
    );
    return replies.map((r) => (r as Extract<SandboxReply, { type: 'reduceDone' }>).output);
  }

  async runSparkDriver(host: DriverHost): Promise<SparkDriverOutput> {
    const request = {
      type: 'spark' as const,
      id: this.nextId++,
      catalog: host.catalog,
      ...(host.parallelism === undefined ? {} : { parallelism: host.parallelism }),
    };
    const reply = await this.enqueue(request, 'spark', { host });
    return (reply as Extract<SandboxReply, { type: 'sparkDone' }>).output;
  }

  async runKafkaPrograms(programs: KafkaProgram[], stepper: KafkaStepper): Promise<void> {
    await this.enqueue({ type: 'kafka', id: this.nextId++, programs }, 'kafka', { stepper });
  }

  async callFunction(fn: string, input: unknown): Promise<unknown> {
    const reply = await this.enqueue({ type: 'call', id: this.nextId++, fn, input }, 'call');
    return (reply as Extract<SandboxReply, { type: 'called' }>).value;
  }

  /**
   * Ends the current run. Its timer is cancelled; workers still busy with its tasks are
   * terminated (their results would belong to no run) and replaced at the next `load`.
   */
  endRun(): void {
    const run = this.run;
    if (!run) return;
    run.cancelTimer();
    this.run = null;
    const notice = consoleDroppedNotice(run.log);
    if (notice !== null) this.platform.log(notice);
    const ended = new Error('sandbox: the run has ended');
    // A worker still busy, or where an earlier run's code still runs (`stray`), is not reused.
    this.workers.keepOnly((s) => s.inFlight === 0 && !s.retired);
    this.rejectAll(ended);
  }

  /** Stops the current run now (the learner pressed Stop): its workers are terminated. */
  stop(): void {
    if (this.run) this.abort(new RunStoppedError());
  }

  /**
   * For work the engine does outside the workers (the simulation after the learner's code):
   * throws the run's failure (its JobTimeoutError, a stop) if it has one, or times the run out if
   * its wall-clock deadline has passed. Cheap: call it every few thousand simulated events.
   */
  checkBudget(): void {
    const run = this.run;
    if (!run) return;
    if (!run.failure && run.deadline !== null && this.platform.now() >= run.deadline)
      this.timeOut(run, run.seconds ?? 0);
    if (run.failure) throw run.failure;
  }

  async close(): Promise<void> {
    this.endRun();
    this.workers.terminateAll();
  }

  private enqueue(
    message: Queued['message'],
    kind: TaskKind,
    services: Pick<Pending, 'host' | 'stepper'> = {},
  ): Promise<SandboxReply> {
    const run = this.run;
    if (!run) return Promise.reject(new Error('sandbox: no run in progress (load a job first)'));
    if (run.failure) return Promise.reject(run.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ message, pending: newPending(message, kind, resolve, reject, services) });
      run.counts[kind].total++;
      // Tasks are handed out in a burst: one report for all of them, not "0 of 1", "0 of 2"...
      if (!run.reportQueued) {
        run.reportQueued = true;
        // Fire and forget: one progress report for the burst, once all of it is queued.
        void Promise.resolve().then(() => {
          run.reportQueued = false;
          if (this.run === run) this.report(kind);
        });
      }
      this.pumpSoon();
    });
  }

  /** Pumps once the current burst of requests is queued (so that it can go in batches). */
  private pumpSoon(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    void Promise.resolve().then(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Hands queued requests to workers: the next one to an idle worker, map tasks in batches (mapBatches.ts). */
  private pump(): void {
    for (;;) {
      const next = this.queue.peek();
      if (!next) return;
      const slot = slotFor(this.workers.list, next.pending, this.run, this.queue.length);
      if (!slot) return;
      if (next.pending.kind !== 'map') {
        bookSent(slot, [this.queue.shift()!], this.pending, this.sent);
        slot.endpoint.post(next.message);
        continue;
      }
      const batch = takeBatch(this.queue, slot, this.workers.length, this.run);
      bookSent(slot, batch, this.pending, this.sent);
      postMapBatch(slot, batch, this.platform.sendsViewBytesOnly === true);
    }
  }

  /** A worker's post: one reply, or a batch of them (each checked as if it came alone). */
  private onPost(slot: Slot, raw: unknown): void {
    if (!this.workers.has(slot)) return;
    const when = postRun(slot, raw, this.run !== null);
    if (when !== 'current') return when === 'outside' ? this.retire(slot) : undefined;
    const batch = batchOf(raw);
    if (batch === null) return this.onReply(slot, raw);
    if (!this.workers.has(slot) || !this.run || this.run.failure) return;
    if ('why' in batch) return this.invalid(this.run, batch.why);
    const run = this.run;
    const back = takeBack(batch.returned, slot, this.sent, this.pending, run);
    if (typeof back === 'string') return this.invalid(run, back);
    this.queue.unshiftAll(back);
    this.holdPump = true;
    try {
      for (const reply of batch.replies) {
        if (batchOf(reply) !== null) return this.invalid(this.run, 'a batch holds a batch');
        this.onReply(slot, reply);
      }
    } finally {
      this.holdPump = false;
    }
    this.pump();
  }

  private onReply(slot: Slot, raw: unknown): void {
    if (!this.workers.has(slot)) return; // a terminated worker's last words
    const run = this.run;
    // Replies of a failed run are ignored, console output too.
    if (!run || run.failure) return;
    const pendingOf = (r: unknown) => {
      const id = (r as { id?: unknown } | null)?.id;
      return typeof id === 'number' ? this.pending.get(id) : undefined;
    };
    const checked = checkReply(raw, pendingOf(raw)?.numReduceTasks ?? null);
    if (!checked.ok) return this.invalid(run, checked.why);
    const reply = checked.reply;
    if (takeWorkerNote(run, slot, reply, (text) => this.platform.log(text))) return;
    if (reply.type === 'stray') return this.retire(slot);
    if (reply.type === 'loading') return this.invalid(run, 'a loading reply for a load begun already');
    const pending = pendingOf(reply);
    const mismatch = replyMismatch(reply, pending, slot);
    if (mismatch !== null || !pending) return this.invalid(run, mismatch ?? 'no request');
    if (reply.type === 'sparkProgress' || reply.type === 'hostRequest') {
      const alive = () => this.workers.has(slot);
      if (serveDriverRequest(run, slot.endpoint, alive, pending.host!, reply)) this.report('spark');
      return;
    }
    if (reply.type === 'kafkaStep') {
      const failed = answerKafkaStep(run, slot.endpoint, pending.stepper!, reply, () => this.checkBudget());
      if (failed) this.abort(failed);
      return;
    }
    this.pending.delete(reply.id);
    this.sent.delete(reply.id);
    unbook(slot, pending);
    slot.loopLine = null;
    slot.loading = false;
    if (pending.kind) {
      run.counts[pending.kind].done++;
      this.report(pending.kind);
    }
    if (reply.type === 'mapDone') {
      const tooBig = holdMapOutput(run, pending.job ?? 0, reply.output);
      if (tooBig) {
        this.abort(tooBig);
        return pending.reject(tooBig);
      }
    }
    if (reply.type === 'failed') pending.reject(errorFromData(reply.error));
    else pending.resolve(reply);
    if (!this.holdPump) this.pump();
  }

  /** A worker where an earlier run's code still runs (`stray`) ends with the current run, or now. */
  private retire(slot: Slot): void {
    slot.retired = true;
    if (this.run) return;
    this.workers.remove(slot);
  }

  /** A reply that is not what the protocol allows fails the run (a job may forge messages). */
  private invalid(run: Run, why: string): void {
    this.abort(new JobResultError(run.fileName, null, `the sandbox sent an invalid reply: ${why}`));
  }

  /** The run's budget ran out: the loop a worker last reported running is what the limit stopped. */
  private timeOut(run: Run, seconds: number): void {
    this.abort(timeoutError(run, seconds, this.workers.list));
  }

  private report(phase: PoolProgress['phase']): void {
    if (!this.onProgress || !this.run) return;
    const idle = this.queue.length === 0 && this.workers.list.every((s) => s.inFlight === 0);
    this.onProgress(progressOf(this.run, phase, idle));
  }

  private rejectAll(error: Error): void {
    const pending = [...this.pending.values(), ...this.queue.drain().map((q) => q.pending)];
    this.pending.clear();
    this.sent.clear();
    for (const p of pending) p.reject(error);
  }

  /** Fails the current run: every worker is terminated (replaced at the next load). */
  private abort(error: Error): void {
    const run = this.run;
    if (!run || run.failure) return;
    run.failure = error;
    run.cancelTimer();
    this.workers.terminateAll();
    this.rejectAll(error);
  }
}
