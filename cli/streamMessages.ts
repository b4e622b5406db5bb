/** The messages between `clusterlab stream` (parent thread) and its worker (cli/streamWorker.ts). */
import type { StreamRunArgs } from './streamRun';

/** workerData of the stream worker. */
export interface StreamWorkerData extends StreamRunArgs {
  cwd: string;
}

export type StreamWorkerReply =
  | { type: 'out'; text: string }
  | { type: 'err'; text: string }
  /** The run finished with this exit code. */
  | { type: 'done'; code: number }
  /** Bad usage or input (exit 2). */
  | { type: 'usage'; message: string }
  /** An unexpected error inside the worker (exit 1, one line, no stack). */
  | { type: 'crashed'; message: string };
