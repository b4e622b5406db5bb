/**
 * What a browser sandbox worker (sandboxWorker.ts) posts for an error no code caught: a callback
 * the browser called outside any task. webWorkerPool.ts turns it into what the pool knows: the
 * run's own error (a SandboxCrash that is `thrown`, with its line), or `stray` (code of no run).
 */
import { SandboxCrash } from '../../engine/sandbox';
import { sandboxDiedMessage } from './sandboxDiedMessage';

/** The longest error text a worker posts. */
export const MAX_UNCAUGHT_TEXT = 2_000;

export interface UncaughtPost {
  type: 'uncaught';
  text: string;
  /** Thrown by the current load's code: its file and the line in the evaluated script; else null. */
  own: { fileName: string; lineno: number } | null;
}

/** `post` as the pool takes it: the run's own error (`thrown`), `stray`, or null if it is no uncaught post. */
export function fromUncaughtPost(post: unknown, headerLines: number): SandboxCrash | { type: 'stray' } | null {
  if (typeof post !== 'object' || post === null || (post as { type?: unknown }).type !== 'uncaught') return null;
  const { text, own } = post as Partial<UncaughtPost>;
  const why = typeof text === 'string' ? text.slice(0, MAX_UNCAUGHT_TEXT) : '';
  if (own === null || typeof own !== 'object' || typeof own.fileName !== 'string' || typeof own.lineno !== 'number')
    return { type: 'stray' };
  const line = Number.isSafeInteger(own.lineno) && own.lineno > headerLines ? own.lineno - headerLines : null;
  return new SandboxCrash(sandboxDiedMessage(why), own.fileName, line, true);
}
