/**
 * Whether a learner's run is computing (a lab step, a sandbox job or a stream: what Stop ends),
 * for work that can wait for the cores: Monaco's TypeScript worker starts its language service
 * (renderer/features/editor/heldWorker.ts) only once no run computes. The engine client says how
 * many of its runs are under way; the page's work asks `whenRunsIdle`.
 */

/** Runs under way, by the engine client that counts them. */
const counts = new Map<object, number>();
let computing = 0;
let waiting: (() => void)[] = [];

/** How many runs `client` has under way (it calls this whenever the number may change). */
export function setRunsComputing(client: object, count: number): void {
  if (count > 0) counts.set(client, count);
  else counts.delete(client);
  computing = 0;
  for (const n of counts.values()) computing += n;
  if (computing > 0 || waiting.length === 0) return;
  const ready = waiting;
  waiting = [];
  for (const resolve of ready) resolve();
}

/** True while a run computes. */
export function runsComputing(): boolean {
  return computing > 0;
}

/** Resolves when no run computes (at once when none does). */
export function whenRunsIdle(): Promise<void> {
  if (computing === 0) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}
