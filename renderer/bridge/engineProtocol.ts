/** The messages that cross the engine Web Worker's boundary: plain, structured-clonable data. */
import type { DemoFrame, TimedEvent } from '../viz/clusterPicture';

export type ToEngine = { id: number; type: 'runDemo'; seed: number };

export interface DemoRun {
  durationMs: number;
  frames: DemoFrame[];
  events: TimedEvent[];
  /** The engine's own event count for the run, shown to prove it ran. */
  engineEvents: number;
}

export type FromEngine =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'demoReady'; run: DemoRun }
  | { id: number; type: 'failed'; message: string };
