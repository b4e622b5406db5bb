/**
 * A TaskRunner over a pool of sandbox workers, independent of the worker technology: cli/ plugs
 * in child processes, renderer/sandbox/ plugs in Web Workers. The job module is shipped to every
 * worker once per run (as Hadoop ships the job's jar); tasks queue for the next idle worker;
 * outputs are returned in task order, so the combined result never depends on which worker was
 * faster.
 *
 * Runs: `load` begins one, `endRun` ends it. The wall-clock budget belongs to the run: its timer
 * starts in `load` and is cancelled in `endRun`; at the deadline every worker is terminated (a
 * runaway loop cannot be interrupted any other way; the loop guard usually stops it first, with
 * its line). Workers are reused across runs: only terminated ones (a timeout, a stop, a crash,
 * a task still busy when its run ended) are replaced, so the number of live workers never grows
 * past `size`. Replies, timers and failures of an ended run are ignored.
 *
 * The job module is evaluated in every worker, so its top-level console output would be printed
 * once per worker: while loading, only the first worker's output is passed on.
 */
import { JobResultError, JobTimeoutError, RunStoppedError, errorFromData } from './contract/jobCodeError';
import { loopDeadline } from './loopGuard';
import { BATCH_HOLD_BYTES, heldAfter, mapOutputTooBig } from './mapOutputBudget';
import type {
  DriverHost,
  JobShape,
  JobSource,
  MapTaskInput,
  MapTaskOutput,
  ReduceTaskInput,
  ReduceTaskOutput,
  SparkDriverOutput,
  TaskRunner,
} from './contract/taskRunner';
import type { SandboxReply, SandboxRequest } from './sandboxMessages';
import { ANSWERS, type Pending, type Run, type Slot, type TaskKind } from './poolState';
import { batchOf, checkReply } from './sandboxReplyValidation';
import { cappedConsoleLine, consoleDroppedNotice } from './consoleCap';
import { crashError, type PoolPlatform, type PoolProgress, type WorkerEndpoint } from './poolPlatform';

/**
 * Map tasks in flight per worker: at most `tasks` of them and `bytes` of their input, sent in
 * batches of at most `batch`.
 */
export const PIPELINE = { tasks: 64, batch: 32, bytes: 4 * 1024 * 1024 } as const;

/**
 * A batch's tasks with their input bytes copied into one new buffer (each task's bytes a view
 * of it), sent as a transfer: one buffer crosses the boundary instead of one per task, and the
 * tasks' own bytes (views of HDFS blocks) are not detached.
 */
function packBatch(tasks: { id: number; task: MapTaskInput }[]): {
  tasks: { id: number; task: MapTaskInput }[];
  buffer: ArrayBuffer;
} {
  let total = 0;
  for (const t of tasks) total += t.task.bytes.length;
  const all = new Uint8Array(total);
  let at = 0;
  const packed = tasks.map(({ id, task }) => {
    all.set(task.bytes, at);
    const bytes = all.subarray(at, at + task.bytes.length);
    at += task.bytes.length;
    return { id, task: { ...task, bytes } };
  });
  return { tasks: packed, buffer: all.buffer };
}

/** A request waiting for a worker. */
interface Queued {
  message: Exclude<SandboxRequest, { type: 'mapBatch' }>;
  transfer: ArrayBuffer[];
  pending: Pending;
}

export { SandboxCrash, type PoolPlatform, type PoolProgress, type WorkerEndpoint } from './poolPlatform';

export class SandboxPoolCore implements TaskRunner {
  /** The budget for runs begun from now on (seconds, null: none). */
  timeoutSeconds: number | null;
  /** Called whenever a task of the current run is queued or done. */
  onProgress: ((progress: PoolProgress) => void) | null = null;
  private slots: Slot[] = [];
  private pending = new Map<number, Pending>();
  private queue: Queued[] = [];
  /** Map tasks sent and not yet answered (a worker may give them back). */
  private sent = new Map<number, Queued>();
  private pumpQueued = false;
  /** Set while the replies of a batch are taken in: the pump runs once after them. */
  private holdPump = false;
  private nextId = 1;
  private run: Run | null = null;

  constructor(private readonly platform: PoolPlatform) {
    this.timeoutSeconds = platform.timeoutSeconds;
  }

  get size(): number {
    return this.platform.size;
  }

  /** Workers alive now (never more than `size`). */
  get liveWorkers(): number {
    return this.slots.length;
  }

  /** A run is between `load` and `endRun`. */
  get running(): boolean {
    return this.run !== null;
  }

  /**
   * Starts the workers before the first run needs them (a worker's start, its bundle parsed and
   * evaluated, costs a few hundred ms): the page calls this while the learner reads or types.
   */
  warm(): void {
    this.fill();
  }

  /** Spawns workers until there are `size`. */
  private fill(): void {
    while (this.slots.length < this.platform.size) {
      const slot: Slot = {
        endpoint: undefined as unknown as WorkerEndpoint,
        inFlight: 0,
        mapsOnly: true,
        inFlightBytes: 0,
        loopLine: null,
      };
      slot.endpoint = this.platform.spawn(
        (reply) => this.onPost(slot, reply),
        (error) => {
          if (!this.slots.includes(slot)) return;
          if (this.run) this.abort(this.crashed(error));
          else this.slots = this.slots.filter((s) => s !== slot);
        },
      );
      this.slots.push(slot);
    }
  }

  async load(source: JobSource): Promise<JobShape> {
    if (this.run) this.endRun();
    const seconds = this.timeoutSeconds;
    const run: Run = {
      failure: null,
      echo: null,
      cancelTimer: () => {},
      counts: { map: { done: 0, total: 0 }, reduce: { done: 0, total: 0 }, spark: { done: 0, total: 0 } },
      reportQueued: false,
      spark: null,
      fileName: source.fileName,
      seconds,
      deadline: null,
      log: { lines: 0, chars: 0, dropped: 0 },
      mapOutputBytes: 0,
      mapOutputs: new Map(),
    };
    this.run = run;
    const startedAt = this.platform.now();
    if (seconds !== null) run.deadline = startedAt + seconds * 1000;
    if (seconds !== null)
      run.cancelTimer = this.platform.startTimer(seconds * 1000, () => {
        if (this.run !== run) return;
        // A worker still inside the task in which its loop reported: that loop is what the limit stopped.
        this.timeOut(run, seconds);
      });
    this.fill();
    this.report('load');
    const clock = { startedAt, deadline: loopDeadline(startedAt, seconds), limitSeconds: seconds };
    run.echo = this.slots[0] ?? null;
    for (const slot of this.slots) slot.loading = true;
    const replies = await Promise.all(
      this.slots.map((slot) => this.sendTo(slot, { type: 'load', id: this.nextId++, source, clock })),
    );
    const first = replies[0]!;
    if (first.type !== 'loaded') throw new Error('sandbox: unexpected reply to load');
    return first.shape;
  }

  async runMapTasks(tasks: MapTaskInput[]): Promise<MapTaskOutput[]> {
    const replies = await Promise.all(
      tasks.map((task) =>
        this.enqueue(
          { type: 'map', id: this.nextId++, task },
          [],
          'map',
          undefined,
          task.numReduceTasks,
          task.bytes.length,
        ),
      ),
    );
    return replies.map((r) => (r as Extract<SandboxReply, { type: 'mapDone' }>).output);
  }

  async runReduceTasks(tasks: ReduceTaskInput[]): Promise<ReduceTaskOutput[]> {
    // Map outputs may feed several attempts or jobs: copy, never transfer, their buffers.
    const replies = await Promise.all(
      tasks.map((task) => this.enqueue({ type: 'reduce', id: this.nextId++, task }, [], 'reduce')),
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
    const reply = await this.enqueue(request, [], 'spark', host);
    return (reply as Extract<SandboxReply, { type: 'sparkDone' }>).output;
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
    for (const slot of this.slots.filter((s) => s.inFlight > 0)) slot.endpoint.terminate();
    this.slots = this.slots.filter((s) => s.inFlight === 0);
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
    for (const slot of this.slots) slot.endpoint.terminate();
    this.slots = [];
  }

  private enqueue(
    message: Queued['message'],
    transfer: ArrayBuffer[],
    kind: TaskKind,
    host?: DriverHost,
    numReduceTasks?: number,
    bytes?: number,
  ): Promise<SandboxReply> {
    const run = this.run;
    if (!run) return Promise.reject(new Error('sandbox: no run in progress (load a job first)'));
    if (run.failure) return Promise.reject(run.failure);
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject, kind, request: kind };
      if (host) pending.host = host;
      if (numReduceTasks !== undefined) pending.numReduceTasks = numReduceTasks;
      if (bytes !== undefined) pending.bytes = bytes;
      if (message.type === 'map') pending.job = message.task.jobIndex;
      this.queue.push({ message, transfer, pending });
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

  private sendTo(slot: Slot, message: Extract<SandboxRequest, { type: 'load' }>): Promise<SandboxReply> {
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, request: 'load', slot });
      slot.inFlight = 1;
      slot.mapsOnly = false;
      slot.endpoint.post(message);
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

  /**
   * Hands queued requests to workers: each idle worker gets the next one. Map tasks go in
   * batches (a 256-byte block's map takes less time than the message that brings it) and are
   * pipelined: a worker may hold PIPELINE.tasks of them (and PIPELINE.bytes of input), so it
   * starts the next batch without waiting for a round trip. A batch is at most PIPELINE.batch
   * tasks and never more than a fair share of the queue, so every worker gets work.
   */
  private pump(): void {
    for (;;) {
      const next = this.queue[0];
      if (!next) return;
      const slot = this.slotFor(next.pending);
      if (!slot) return;
      if (next.pending.kind !== 'map') {
        this.queue.shift();
        this.send(slot, [next]);
        slot.endpoint.post(next.message, next.transfer);
        continue;
      }
      const fair = Math.ceil(this.queue.length / (2 * this.slots.length));
      const big = this.run?.mapOutputs.get(next.pending.job ?? 0) === 'big';
      const most = big ? 1 : Math.max(1, Math.min(PIPELINE.batch, fair, PIPELINE.tasks - slot.inFlight));
      const batch: Queued[] = [];
      let bytes = slot.inFlightBytes;
      while (batch.length < most) {
        const q = this.queue[0];
        if (!q || q.pending.kind !== 'map') break;
        const b = q.pending.bytes ?? 0;
        if (batch.length > 0 && bytes + b > PIPELINE.bytes) break;
        bytes += b;
        batch.push(this.queue.shift()!);
      }
      this.send(slot, batch);
      const { tasks, buffer } = packBatch(
        batch.map((q) => ({ id: q.message.id, task: (q.message as { task: MapTaskInput }).task })),
      );
      slot.endpoint.post({ type: 'mapBatch', tasks }, [buffer]);
    }
  }

  /** Books `sent` as in flight on `slot`. */
  private send(slot: Slot, sent: Queued[]): void {
    for (const q of sent) {
      q.pending.slot = slot;
      this.pending.set(q.message.id, q.pending);
      if (q.pending.kind === 'map') this.sent.set(q.message.id, q);
      slot.mapsOnly = slot.inFlight === 0 ? q.pending.kind === 'map' : slot.mapsOnly && q.pending.kind === 'map';
      slot.inFlight++;
      slot.inFlightBytes += q.pending.bytes ?? 0;
    }
  }

  /** An idle worker, or else for a map task the least loaded worker with only map tasks in flight and room. */
  private slotFor(pending: Pending): Slot | null {
    let best: Slot | null = null;
    for (const slot of this.slots) {
      if (slot.inFlight === 0) return slot;
      if (pending.kind !== 'map' || this.run?.mapOutputs.get(pending.job ?? 0) !== 'small') continue;
      if (!slot.mapsOnly || slot.inFlight >= PIPELINE.tasks) continue;
      if (slot.inFlightBytes + (pending.bytes ?? 0) > PIPELINE.bytes) continue;
      if (!best || slot.inFlight < best.inFlight) best = slot;
    }
    return best;
  }

  /** A worker's post: one reply, or a batch of them (each checked as if it came alone). */
  private onPost(slot: Slot, raw: unknown): void {
    const batch = batchOf(raw);
    if (batch === null) return this.onReply(slot, raw);
    if (!this.slots.includes(slot) || !this.run || this.run.failure) return;
    if ('why' in batch) return this.invalid(this.run, batch.why);
    const run = this.run;
    // Every id is checked before any task is taken back: a bad list leaves nothing half done.
    const back: Queued[] = [];
    for (const id of batch.returned) {
      const q = this.sent.get(id);
      if (!q || q.pending.slot !== slot || this.pending.get(id) !== q.pending || back.includes(q))
        return this.invalid(run, `batch.returned names task ${id}, which is not a map task of this worker's`);
      back.push(q);
    }
    for (const q of back) {
      this.sent.delete(q.message.id);
      this.pending.delete(q.message.id);
      slot.inFlight--;
      slot.inFlightBytes -= q.pending.bytes ?? 0;
    }
    if (back.length > 0) {
      for (const q of back) run.mapOutputs.set(q.pending.job ?? 0, 'big');
      this.queue.unshift(...back);
    }
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
    if (!this.slots.includes(slot)) return; // a terminated worker's last words
    const run = this.run;
    // Replies of an ended or failed run are ignored, console output too.
    if (!run || run.failure) return;
    const pendingOf = (r: unknown) => {
      const id = (r as { id?: unknown } | null)?.id;
      return typeof id === 'number' ? this.pending.get(id) : undefined;
    };
    const checked = checkReply(raw, pendingOf(raw)?.numReduceTasks ?? null);
    if (!checked.ok) return this.invalid(run, checked.why);
    const reply = checked.reply;
    if (reply.type === 'log' || reply.type === 'logDropped') {
      if (slot.loading && slot !== run.echo) return;
      if (reply.type === 'log') this.log(run, reply.text);
      else run.log.dropped += reply.count;
      return;
    }
    if (reply.type === 'loop') {
      if (slot.inFlight > 0) slot.loopLine = reply.line;
      return;
    }
    const pending = pendingOf(reply);
    // Every other reply answers a request of this worker's that is still pending, of its kind.
    if (!pending || pending.slot !== slot)
      return this.invalid(run, `a ${reply.type} reply for task ${reply.id}, which is not this worker's`);
    if (reply.type === 'sparkProgress' || reply.type === 'hostRequest' || reply.type === 'sqlModuleRequest') {
      if (pending.request !== 'spark')
        return this.invalid(run, `a ${reply.type} reply to a ${pending.request} request`);
      if (reply.type === 'sparkProgress') {
        run.spark = { job: reply.job.slice(0, 120), done: reply.done, total: reply.total };
        this.report('spark');
      } else if (reply.type === 'hostRequest') this.serveHost(slot, pending.host!, reply);
      else this.serveSqlModule(slot, reply);
      return;
    }
    if (reply.type !== 'failed' && reply.type !== ANSWERS[pending.request])
      return this.invalid(run, `a ${reply.type} reply to a ${pending.request} request`);
    this.pending.delete(reply.id);
    this.sent.delete(reply.id);
    slot.inFlight--;
    slot.inFlightBytes -= pending.bytes ?? 0;
    slot.loopLine = null;
    slot.loading = false;
    if (pending.kind) {
      run.counts[pending.kind].done++;
      this.report(pending.kind);
    }
    if (reply.type === 'mapDone') {
      // A map-only job's map holds its part-m text instead of partitions.
      const held = run.mapOutputBytes;
      run.mapOutputBytes =
        heldAfter(run.mapOutputBytes, reply.output.partitionBytes) + (reply.output.text?.length ?? 0);
      const job = pending.job ?? 0;
      if (run.mapOutputBytes - held >= BATCH_HOLD_BYTES) run.mapOutputs.set(job, 'big');
      else if (!run.mapOutputs.has(job)) run.mapOutputs.set(job, 'small');
      const tooBig = mapOutputTooBig(run.fileName, run.mapOutputBytes);
      if (tooBig) {
        this.abort(tooBig);
        return pending.reject(tooBig);
      }
    }
    if (reply.type === 'failed') pending.reject(errorFromData(reply.error));
    else pending.resolve(reply);
    if (!this.holdPump) this.pump();
  }

  /** A Spark driver reads files through the host: the answer goes back to its worker, if still alive. */
  private serveHost(slot: Slot, host: DriverHost, reply: Extract<SandboxReply, { type: 'hostRequest' }>): void {
    const answer = (files: Awaited<ReturnType<DriverHost['readFiles']>> | null, error: string | null) => {
      if (this.slots.includes(slot))
        slot.endpoint.post({ type: 'hostReply', id: reply.id, requestId: reply.requestId, files, error });
    };
    host.readFiles(reply.path).then(
      (files) => answer(files, null),
      (error: unknown) => answer(null, error instanceof Error ? error.message : 'the file could not be read'),
    );
  }

  /** A Spark driver's spark.sql needs DuckDB's wasm module: the platform's, or why there is none. */
  private serveSqlModule(slot: Slot, reply: Extract<SandboxReply, { type: 'sqlModuleRequest' }>): void {
    const answer = (module: unknown, error: string | null) => {
      if (this.slots.includes(slot))
        slot.endpoint.post({ type: 'sqlModuleReply', id: reply.id, requestId: reply.requestId, module, error });
    };
    const load = this.platform.sqlModule;
    if (!load) return answer(null, 'spark.sql: this sandbox has no DuckDB');
    load().then(
      (module) => answer(module, null),
      (error: unknown) =>
        answer(
          null,
          `spark.sql: DuckDB could not be loaded (${error instanceof Error ? error.message : 'unknown error'})`,
        ),
    );
  }

  /** One line of the learner's console output, within the run's LOG_LIMITS. */
  private log(run: Run, text: string): void {
    const line = cappedConsoleLine(run.log, text);
    if (line !== null) this.platform.log(line);
  }

  /** A reply that is not what the protocol allows fails the run (a job may forge messages). */
  private invalid(run: Run, why: string): void {
    this.abort(new JobResultError(run.fileName, null, `the sandbox sent an invalid reply: ${why}`));
  }

  /** A worker that died (out of memory, a crash) fails the run with a message, not its stack. */
  private crashed(error: unknown): Error {
    return crashError(error, this.run?.fileName ?? 'job.js');
  }

  /** The run's budget ran out: the loop a worker last reported running is what the limit stopped. */
  private timeOut(run: Run, seconds: number): void {
    const line = this.slots.find((s) => s.inFlight > 0 && s.loopLine !== null)?.loopLine ?? null;
    this.abort(new JobTimeoutError(seconds, line !== null ? { fileName: run.fileName, line } : null));
  }

  private report(phase: PoolProgress['phase']): void {
    if (!this.onProgress || !this.run) return;
    const spark = phase === 'spark' ? this.run.spark : null;
    const counts = phase === 'load' ? { done: 0, total: 0 } : (spark ?? this.run.counts[phase]);
    const idle = phase !== 'load' && this.queue.length === 0 && this.slots.every((s) => s.inFlight === 0);
    this.onProgress({ phase, done: counts.done, total: counts.total, idle, ...(spark ? { job: spark.job } : {}) });
  }

  private rejectAll(error: Error): void {
    const pending = [...this.pending.values(), ...this.queue.map((q) => q.pending)];
    this.pending.clear();
    this.sent.clear();
    this.queue = [];
    for (const p of pending) p.reject(error);
  }

  /** Fails the current run: every worker is terminated (replaced at the next load). */
  private abort(error: Error): void {
    const run = this.run;
    if (!run || run.failure) return;
    run.failure = error;
    run.cancelTimer();
    for (const slot of this.slots) slot.endpoint.terminate();
    this.slots = [];
    this.rejectAll(error);
  }
}
