/** The messages that cross the engine Web Worker's boundary: plain, structured-clonable data. */
import type { FaultSpec } from '../../engine/cluster';
import type { JobRunReport, KafkaJobReport } from '../../engine/api';
import type { KafkaFault } from '../../engine/streaming';
import type { PipelineFault } from '../../engine/pipeline';
import type { StepOutcome } from '../../labs/runStep';
import type { DemoScenarioRun } from '../../engine/api';
import type { NodeInfo } from '../viz/clusterTimeline';
import type { PartedList, PartItems } from './reportParts';

export type ToEngine =
  | { id: number; type: 'runDemo'; seed: number }
  | {
      id: number;
      type: 'runStep';
      labId: string;
      stepIndex: number;
      source: string;
      seed?: number;
      faults: FaultSpec[];
      /** A stream step's faults injected from the UI (the engine checks each field). */
      streamFaults?: KafkaFault[];
      /** A pipeline step's faults injected from the UI (the engine checks each field). */
      pipelineFaults?: PipelineFault[];
      /** Wall-clock budget of each run of the learner's code, in seconds (the Settings' time limit). */
      timeLimitSeconds: number;
      /** The data seed of a step that varies (labs/variant.ts): a student's own, or a practice attempt's. */
      variantSeed?: number;
      /** A practice attempt's seed: every step's run and data drawn from it (labs/practiceSeed.ts). */
      practiceSeed?: number;
      /** A lab pack's lab: the pack's `.clusterlab` archive text, which the worker loads to find the lab. */
      pack?: { fileName: string; text: string };
    }
  | { id: number; type: 'runJob'; request: JobRequest }
  | { id: number; type: 'runStream'; request: StreamRequest }
  /** Stop the run of request `id` (answered with 'stopAck'). */
  | { id: number; type: 'stop' }
  /** Start the sandbox's workers now, before the first run needs them (not answered). */
  /** `sql`: the page's job names sql (engine/sandbox/jobWantsSql.ts): warm workers that can open DuckDB. */
  | { id: 0; type: 'warmUp'; sql: boolean }
  /**
   * Desktop only, sent first: run learners' code in the app's sandbox processes, numbering this
   * worker's slots from `firstSlot` (renderer/sandbox/processPool.ts).
   */
  | { id: 0; type: 'useSandboxProcesses'; firstSlot: number }
  /** The MessagePort of `slot`'s sandbox process (transferred with the message). */
  | { id: 0; type: 'sandboxPort'; slot: number }
  /** `slot`'s sandbox process ended on its own. */
  | { id: 0; type: 'sandboxExit'; slot: number; why: string };

/** The requests that are answered (not the stop and the sandbox plumbing). */
export type EngineRequest = Exclude<
  ToEngine,
  { type: 'stop' | 'warmUp' | 'useSandboxProcesses' | 'sandboxPort' | 'sandboxExit' }
>;

/** A free job run from the sandbox: the learner's code on a cluster of their choice. */
export interface JobRequest {
  source: string;
  fileName: string;
  cluster: 'classroom' | 'cookbook-9' | 'two-racks' | number;
  blockSize: number;
  seed: number;
  faults: FaultSpec[];
  /** Wall-clock budget for the learner's code, in seconds. */
  timeLimitSeconds: number;
}

/**
 * A KafkaJS program's run from the sandbox's Streaming tab: `produce({ records })` once with
 * `records` sample card payments, `consume({ sink })` once per consumer, against a simulated
 * Kafka with the topic as set, for `durationMs` of simulated time, with the faults injected.
 */
export interface StreamRequest {
  source: string;
  fileName: string;
  seed: number;
  topic: { name: string; partitions: number };
  consumers: number;
  records: number;
  durationMs: number;
  processingMs: number;
  faults: KafkaFault[];
  /** Wall-clock budget for the learner's code, in seconds. */
  timeLimitSeconds: number;
}

/** A streaming run's answer: the report (with its film and trace), or the error. */
export interface StreamRunResult {
  report: KafkaJobReport | null;
  error: string | null;
  faults: KafkaFault[];
  console?: string[];
  consoleMore?: number;
}

/** What a run is doing while it computes, for a determinate progress bar. */
export interface RunProgress {
  /**
   * 'starting': the job is shipped to the sandbox; 'map'/'reduce'/'spark': tasks computing; 'kafka':
   * a KafkaJS program running against the simulated Kafka; 'simulating': the cluster replays the run.
   */
  phase: 'starting' | 'map' | 'reduce' | 'spark' | 'kafka' | 'checking' | 'simulating';
  /** Tasks of this phase done, and handed out so far (0 of 0 for 'starting' and 'simulating'). */
  done: number;
  total: number;
  /** A lab step also runs its checks' extra runs: which run this is (1-based), of how many, and its label. */
  run: number;
  runs: number;
  runLabel: string | null;
  /** For 'spark': the Spark job computing, e.g. `job 2 (count at line 9)`; done/total are its partitions. */
  job?: string;
}

/** A free job run's answer: the report (or the error, with the partial report when there is one). */
export interface JobRunResult {
  report: JobRunReport | null;
  error: string | null;
  nodes: NodeInfo[];
  faults: FaultSpec[];
  /** The learner's console output (renderer/bridge/runConsole.ts: capped, in order), and the lines past the cap. */
  console?: string[];
  consoleMore?: number;
}

/** The home page's live run: the engine scenario's trace and nodes, played like any run. */
export type DemoRun = DemoScenarioRun;

/** A lab step's run as the player needs it: the outcome plus the cluster's nodes to draw. */
export interface StepRunResult {
  outcome: StepOutcome;
  nodes: NodeInfo[];
  faults: FaultSpec[];
  /** A stream step's faults injected from the UI (part of this run). */
  streamFaults: KafkaFault[];
  /** A pipeline step's faults injected from the UI (part of this run; absent: none). */
  pipelineFaults?: PipelineFault[];
  /** The learner's console output over all the step's runs (capped, in order), and the lines past the cap. */
  console?: string[];
  consoleMore?: number;
}

export type EngineResult =
  | { type: 'demoReady'; run: DemoRun }
  | { type: 'stepDone'; result: StepRunResult }
  | { type: 'jobDone'; result: JobRunResult }
  | { type: 'streamDone'; result: StreamRunResult };

export type FromEngine =
  | { id: number; type: 'progress'; fraction: number; progress?: RunProgress }
  /** Console lines the learner's code printed since the last such message; `dropped`: lines not shown so far. */
  | { id: number; type: 'console'; lines: string[]; dropped: number }
  /** A part of a job report's trace or attempts, sent ahead of its jobDone (reportParts.ts). */
  | { id: number; type: 'reportPart'; list: PartedList; items: PartItems }
  /** A warm-up run's report part (warmUpRun.ts): the page unpacks it for the warmUpReport that follows, so unpacking is warm for the first run. */
  | { id: 0; type: 'warmUpPart'; list: PartedList; items: PartItems }
  /** A warm-up run's report, its lists sent ahead as warmUpParts: the page's views make their pictures from it and drop it (warmUpViews.ts). */
  | { id: 0; type: 'warmUpReport'; report: JobRunReport }
  | { id: number; type: 'stopAck' }
  /** Desktop only: open or close the sandbox process of `slot` (the page asks the main process). */
  | { id: 0; type: 'sandboxOpen'; slot: number }
  | { id: 0; type: 'sandboxClose'; slot: number }
  | ({ id: number } & EngineResult)
  | { id: number; type: 'failed'; message: string };
