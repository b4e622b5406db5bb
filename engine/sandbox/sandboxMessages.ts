/**
 * The messages that cross a sandbox worker's boundary (a Node child process or a Web Worker).
 * Plain data only: errors travel as JobErrorData, map outputs as packed groups. The worker turns
 * every value of the learner's into plain, bounded data before it posts (engine/sandbox/contract/plainData.ts,
 * errorToData), and the host checks every reply before using it (sandboxReplyValidation.ts): in the
 * browser the learner's code shares the worker's realm, so a reply is never trusted.
 */
import type { JobErrorData } from './contract/jobCodeError';
import type { MapPackedReply, PackedMapOutputs } from './packedMapOutputs';
import type {
  DriverHost,
  JobShape,
  KafkaOpened,
  KafkaProgram,
  JobSource,
  MapTaskInput,
  MapTaskOutput,
  ReduceTaskInput,
  ReduceTaskOutput,
  SandboxFile,
  SparkDriverOutput,
} from './contract/taskRunner';

/** The run a load message starts: its loop guard's clock (wall-clock ms, Date.now in the workers). */
export interface RunClock {
  startedAt: number;
  /** When loops are stopped (see loopDeadline), null: never. */
  deadline: number | null;
  /** The run's time limit in seconds (null: none). */
  limitSeconds: number | null;
}

export type SandboxRequest =
  /** `kafka`: a streaming run's brokers (`import 'kafkajs'` works only then). */
  | {
      type: 'load';
      id: number;
      source: JobSource;
      clock: RunClock;
      kafka?: { brokers: string[]; seed: number };
      /** Load a module of functions (LoadOptions.module), not a job. */
      module?: true;
    }
  /** Calls an exported function of a module of functions with plain data; answered by `called`. */
  | { type: 'call'; id: number; fn: string; input: unknown }
  | { type: 'map'; id: number; task: MapTaskInput }
  /** Several map tasks in one message (small tasks cost less than a message each); answered by one batch. */
  | { type: 'mapBatch'; tasks: { id: number; task: MapTaskInput }[] }
  | { type: 'reduce'; id: number; task: ReduceTaskInput }
  | { type: 'spark'; id: number; catalog: DriverHost['catalog']; parallelism?: DriverHost['parallelism'] }
  | { type: 'hostReply'; id: number; requestId: number; files: SandboxFile[] | null; error: string | null }
  /** Calls a KafkaJS program's functions; the worker then posts a kafkaStep whenever its clients all wait. */
  | { type: 'kafka'; id: number; programs: KafkaProgram[] }
  /** The simulated Kafka's answers to the calls of the last step, at its time `now` (simulated ms). */
  | { type: 'kafkaAnswers'; id: number; answers: unknown[]; now: number }
  /** The streaming run is over: the worker forgets its clients and answers kafkaDone. */
  | { type: 'kafkaStop'; id: number };

export type SandboxReply =
  /** The worker begins load `id`: what it posted before belongs to the run before (sandboxPoolCore.ts). */
  | { type: 'loading'; id: number }
  | { type: 'loaded'; id: number; shape: JobShape }
  | { type: 'mapDone'; id: number; output: MapTaskOutput }
  | { type: 'reduceDone'; id: number; output: ReduceTaskOutput }
  | { type: 'sparkDone'; id: number; output: SparkDriverOutput }
  /** What a called function returned, as plain data. */
  | { type: 'called'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: JobErrorData }
  | { type: 'hostRequest'; id: number; requestId: number; path: string }
  | { type: 'log'; text: string }
  /** Console lines the worker did not send, past LOG_LIMITS (consoleCap.ts): counted, not shown. */
  | { type: 'logDropped'; count: number }
  /** A loop of the learner's code is still running, at this line (sent at most once a second). */
  | { type: 'loop'; line: number }
  /** A KafkaJS program's clients all wait: those opened and the calls made since the last step. */
  | { type: 'kafkaStep'; id: number; opened: KafkaOpened[]; calls: unknown[] }
  | { type: 'kafkaDone'; id: number }
  /** The Spark driver's progress: partitions of the current job's result stage done of total. */
  | { type: 'sparkProgress'; id: number; job: string; done: number; total: number }
  /**
   * Code of an earlier run still runs in this worker (a callback called after its run ended): it
   * was kept out of the current run, and the worker is to be retired (JobTaskExecutor.stray).
   */
  | { type: 'stray' };

/**
 * What a worker posts: a reply, or the replies of a mapBatch request in the order they were made
 * (each task's answer and the console output between them; a loop report is never held back),
 * with the ids of the batch's tasks it did not run (`returned`: their outputs would have held too
 * much at once; the pool hands them out again). The map outputs of a batch travel `packed`, each
 * task's answer a `mapPacked` marker in its place (packedMapOutputs.ts).
 */
export type SandboxPost =
  | SandboxReply
  | { type: 'batch'; replies: (SandboxReply | MapPackedReply)[]; returned: number[]; packed?: PackedMapOutputs };
