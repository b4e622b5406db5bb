/**
 * What the sandbox pool (sandboxPoolCore.ts) keeps track of: its workers (slots), the requests
 * waiting for an answer and the state of the current run.
 */
import type { DriverHost, KafkaStepper } from './contract/taskRunner';
import type { ConsoleShown } from './consoleCap';
import type { WorkerEndpoint } from './poolPlatform';
import type { SandboxReply, SandboxRequest } from './sandboxMessages';

export type TaskKind = 'map' | 'reduce' | 'spark' | 'kafka' | 'call';

/** The replies that answer each request (a `failed` answers any). */
export const ANSWERS: Record<TaskKind | 'load', SandboxReply['type']> = {
  load: 'loaded',
  map: 'mapDone',
  reduce: 'reduceDone',
  spark: 'sparkDone',
  kafka: 'kafkaDone',
  call: 'called',
};

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

/** A run of `fileName` just begun, with a budget of `seconds` (null: none). */
export function newRun(fileName: string, seconds: number | null): Run {
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
    deadline: null,
    log: { lines: 0, chars: 0, dropped: 0 },
    mapOutputBytes: 0,
    mapOutputs: new Map(),
  };
}
