/**
 * What the sandbox pool (sandboxPoolCore.ts) keeps track of: its workers (slots), the requests
 * waiting for an answer and the state of the current run.
 */
import { JobTimeoutError } from './contract/jobCodeError';
import type { DriverHost, JobSource, KafkaStepper, LoadOptions } from './contract/taskRunner';
import { loopDeadline } from './loopGuard';
import type { ConsoleShown } from './consoleCap';
import type { PoolProgress, WorkerEndpoint } from './poolPlatform';
import type { SandboxReply, SandboxRequest } from './sandboxMessages';

export type TaskKind = 'map' | 'reduce' | 'spark' | 'kafka' | 'call';

/** The replies that answer each request (a `failed` answers any). */
const ANSWERS: Record<TaskKind | 'load', SandboxReply['type']> = {
  load: 'loaded',
  map: 'mapDone',
  reduce: 'reduceDone',
  spark: 'sparkDone',
  kafka: 'kafkaDone',
  call: 'called',
};

/** Replies a worker sends while a request of these kinds runs: services it asks of the pool. */
const SERVICES: Partial<Record<SandboxReply['type'], TaskKind>> = {
  sparkProgress: 'spark',
  hostRequest: 'spark',
  kafkaStep: 'kafka',
};

/**
 * Why `reply` (a reply with an id) is not one this worker may send now, or null: it must be for a
 * request of this worker's still pending, of its kind (the answer, or a service of that kind of
 * request), and a map output must be its own task's (two answers swapped would hand the reducers
 * the wrong records).
 */
export function replyMismatch(
  reply: Extract<SandboxReply, { id: number }>,
  pending: Pending | undefined,
  slot: Slot,
): string | null {
  if (!pending || pending.slot !== slot)
    return `a ${reply.type} reply for task ${reply.id}, which is not this worker's`;
  const service = SERVICES[reply.type];
  const fits = service
    ? pending.request === service
    : reply.type === 'failed' || reply.type === ANSWERS[pending.request];
  if (!fits) return `a ${reply.type} reply to a ${pending.request} request`;
  if (reply.type === 'mapDone' && reply.output.taskIndex !== pending.taskIndex)
    return `mapDone.output.taskIndex is ${reply.output.taskIndex}, not ${String(pending.taskIndex)}: the reply for task ${reply.id} holds another task's output`;
  return null;
}

/**
 * Which run a worker's post comes from: 'current' (the run under way), 'begun' (the worker's
 * `loading`: from now on it posts for this run; `slot.starting` is cleared) or 'outside' (code of
 * another run: between runs, or before the worker began this run's load).
 */
export function postRun(slot: Slot, raw: unknown, running: boolean): 'current' | 'begun' | 'outside' {
  if (slot.starting === undefined) return running ? 'current' : 'outside';
  const { type, id } = (raw ?? {}) as { type?: unknown; id?: unknown };
  if (type !== 'loading' || id !== slot.starting) return 'outside';
  slot.starting = undefined;
  return 'begun';
}

/** Sends a run's load to a worker; its answer settles the promise (`pending` keeps it by id). */
export function sendLoad(
  slot: Slot,
  message: Extract<SandboxRequest, { type: 'load' }>,
  pending: Map<number, Pending>,
): Promise<SandboxReply> {
  return new Promise((resolve, reject) => {
    pending.set(message.id, { resolve, reject, request: 'load', slot });
    slot.inFlight = 1;
    slot.mapsOnly = false;
    slot.starting = message.id;
    slot.endpoint.post(message);
  });
}

export interface Pending {
  resolve: (reply: SandboxReply) => void;
  reject: (error: Error) => void;
  host?: DriverHost;
  /** A streaming run's simulated Kafka, which answers its steps. */
  stepper?: KafkaStepper;
  kind?: TaskKind;
  /** What the request was (its reply must answer it) and the worker it went to. */
  request: TaskKind | 'load';
  slot?: Slot;
  /** A map task's partitions: its output must have that many. */
  numReduceTasks?: number;
  /** A map task's index in its job: its output must say so. */
  taskIndex?: number;
  /** A map task's input bytes, while it is in flight (pipelined map tasks are bounded by bytes). */
  bytes?: number;
  /** A map task's job (its index in the run's chain). */
  job?: number;
}

export interface Slot {
  endpoint: WorkerEndpoint;
  /** Requests sent to this worker and not yet answered (several only for map tasks: pipelined). */
  inFlight: number;
  /** Whether every request in flight is a map task, and their input bytes. */
  mapsOnly: boolean;
  inFlightBytes: number;
  /** The line of the learner's loop this worker last reported running in its current task. */
  loopLine: number | null;
  /** Evaluating the job module (its top-level code) for the current run. */
  loading?: boolean;
  /** Code of an earlier run still runs in this worker (it said `stray`): not reused after this run. */
  retired?: boolean;
  /** The load sent to this worker that it has not begun yet (its `loading` is to come). */
  starting?: number;
}

export interface Run {
  failure: Error | null;
  /** The worker whose top-level console output is printed (the others' would repeat it). */
  echo: Slot | null;
  cancelTimer: () => void;
  counts: Record<TaskKind, { done: number; total: number }>;
  reportQueued: boolean;
  /** The Spark driver's last progress report (partitions of its current job). */
  spark: { job: string; done: number; total: number } | null;
  /** The learner's file (to name a loop the time limit stopped). */
  fileName: string;
  /** The run's budget in seconds, and when it ends (platform.now() time); null: none. */
  seconds: number | null;
  deadline: number | null;
  /** Console output shown so far, and lines not shown past LOG_LIMITS. */
  log: ConsoleShown;
  /** MapReduce map output held so far (estimated bytes after the combiner), at most LIMITS.maxMapOutputBytes. */
  mapOutputBytes: number;
  /**
   * What each job's map outputs have been (by job index; absent: none seen yet): 'small' once one
   * came (then its map tasks are pipelined), 'big' once a worker gave tasks back or one output
   * held BATCH_HOLD_BYTES (then one at a time, so the map output budget sees each before the next
   * is computed). Per job: a chain's second job may write far more than its first.
   */
  mapOutputs: Map<number, 'small' | 'big'>;
}

/** A request waiting for a worker, or sent and not yet answered. */
export interface Queued {
  message: Exclude<SandboxRequest, { type: 'mapBatch' }>;
  pending: Pending;
}

/** A worker's slot, idle; its endpoint is set once spawned (the spawn's callbacks need the slot). */
export function newSlot(): Slot {
  return {
    endpoint: undefined as unknown as WorkerEndpoint,
    inFlight: 0,
    mapsOnly: true,
    inFlightBytes: 0,
    loopLine: null,
  };
}

/** A run of `fileName` begun at `startedAt` (platform.now() time), with a budget of `seconds` (null: none). */
export function newRun(fileName: string, seconds: number | null, startedAt = 0): Run {
  return {
    failure: null,
    echo: null,
    cancelTimer: () => {},
    counts: {
      map: { done: 0, total: 0 },
      reduce: { done: 0, total: 0 },
      spark: { done: 0, total: 0 },
      kafka: { done: 0, total: 0 },
      call: { done: 0, total: 0 },
    },
    reportQueued: false,
    spark: null,
    fileName,
    seconds,
    deadline: seconds === null ? null : startedAt + seconds * 1000,
    log: { lines: 0, chars: 0, dropped: 0 },
    mapOutputBytes: 0,
    mapOutputs: new Map(),
  };
}

/** The progress report of `run` in `phase` (`idle`: no task queued or running). */
export function progressOf(run: Run, phase: PoolProgress['phase'], idle: boolean): PoolProgress {
  const spark = phase === 'spark' ? run.spark : null;
  const counts = phase === 'load' ? { done: 0, total: 0 } : (spark ?? run.counts[phase]);
  return {
    phase,
    done: counts.done,
    total: counts.total,
    idle: phase !== 'load' && idle,
    ...(spark ? { job: spark.job } : {}),
  };
}

/** A request's pending answer as the pool books it (a map task's: what its output and pipelining are checked against). */
export function newPending(
  message: Queued['message'],
  kind: TaskKind,
  resolve: Pending['resolve'],
  reject: Pending['reject'],
  services: Pick<Pending, 'host' | 'stepper'>,
): Pending {
  const pending: Pending = { resolve, reject, kind, request: kind, ...services };
  if (message.type === 'map') {
    // Its output must have this many partitions; its input and job bound its pipelining.
    pending.numReduceTasks = message.task.numReduceTasks;
    pending.taskIndex = message.task.taskIndex;
    pending.bytes = message.task.bytes.length;
    pending.job = message.task.jobIndex;
  }
  return pending;
}

/** The `load` request that begins a run in a worker: the job, its clock, and how to evaluate it. */
export function loadRequest(
  id: number,
  source: JobSource,
  options: LoadOptions,
  startedAt: number,
  seconds: number | null,
): Extract<SandboxRequest, { type: 'load' }> {
  const clock = { startedAt, deadline: loopDeadline(startedAt, seconds), limitSeconds: seconds };
  const kafka = options.kafkaBrokers ? { kafka: { brokers: options.kafkaBrokers, seed: options.seed ?? 1 } } : {};
  return { type: 'load', id, source, clock, ...kafka, ...(options.module ? { module: true as const } : {}) };
}

/** The run's budget ran out: the loop a busy worker last reported running is what the limit stopped. */
export function timeoutError(run: Run, seconds: number, slots: readonly Slot[]): JobTimeoutError {
  const line = slots.find((s) => s.inFlight > 0 && s.loopLine !== null)?.loopLine ?? null;
  // No worker has begun the load (each still starting: a SQL worker opening DuckDB): no code of the job ran.
  const starting = slots.length > 0 && slots.every((s) => s.starting !== undefined);
  return new JobTimeoutError(seconds, line !== null ? { fileName: run.fileName, line } : null, starting);
}
