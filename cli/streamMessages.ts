/** The messages between `clusterlab stream` and its sandbox process (cli/streamWorker.ts). */
import type { StreamRunArgs } from './streamRun';

/** The first message to the stream worker: what to run. */
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
