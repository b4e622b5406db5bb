/** The messages that cross the engine Web Worker's boundary: plain, structured-clonable data. */
import type { FaultSpec } from '../../engine/cluster';
import type { JobRunReport } from '../../engine/api/jobTypes';
import type { StepOutcome } from '../../labs/runStep';
import type { DemoFrame, TimedEvent } from '../viz/clusterPicture';
import type { NodeInfo } from '../viz/clusterTimeline';

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
    }
  | { id: number; type: 'runJob'; request: JobRequest };

/** A free job run from the sandbox: the learner's code on a cluster of their choice. */
export interface JobRequest {
  source: string;
  fileName: string;
  cluster: 'classroom' | 'cookbook-9' | 'two-racks' | number;
  blockSize: number;
  seed: number;
  faults: FaultSpec[];
}

/** A free job run's answer: the report (or the error, with the partial report when there is one). */
export interface JobRunResult {
  report: JobRunReport | null;
  error: string | null;
  nodes: NodeInfo[];
  faults: FaultSpec[];
}

export interface DemoRun {
  durationMs: number;
  frames: DemoFrame[];
  events: TimedEvent[];
  /** The engine's own event count for the run, shown to prove it ran. */
  engineEvents: number;
}

/** A lab step's run as the player needs it: the outcome plus the cluster's nodes to draw. */
export interface StepRunResult {
  outcome: StepOutcome;
  nodes: NodeInfo[];
  faults: FaultSpec[];
}

export type EngineResult =
  | { type: 'demoReady'; run: DemoRun }
  | { type: 'stepDone'; result: StepRunResult }
  | { type: 'jobDone'; result: JobRunResult };

export type FromEngine =
  | { id: number; type: 'progress'; fraction: number }
  | ({ id: number } & EngineResult)
  | { id: number; type: 'failed'; message: string };
