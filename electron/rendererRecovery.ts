/**
 * What the main process does when the window's renderer process dies (`render-process-gone`:
 * most often a job that used too much memory took the page down). It logs the reason and
 * reloads the window; the page then finds the run marker it left in sessionStorage (same
 * origin, same window) and tells the learner what happened (renderer/state/runMarker.ts).
 * Never in a loop: after MAX_RELOADS reloads within RELOAD_WINDOW_MS the learner is asked
 * instead (Reload or Quit). A clean exit (the window closing) is not a crash.
 */

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

/** Electron's RenderProcessGoneDetails, the parts used here. */
export interface GoneDetails {
  reason: string;
  exitCode: number;
}

export interface RecoveryTarget {
  /** Reloads the window's page (its sessionStorage survives). */
  reload(): void;
  /** Asks the learner what to do after repeated crashes. */
  ask(message: string, detail: string): Promise<'reload' | 'quit'>;
  quit(): void;
  log(message: string): void;
  /** Wall-clock milliseconds. */
  now(): number;
  /** The window is gone (closed): nothing to reload. */
  isGone(): boolean;
}

/** Returns the `render-process-gone` listener. */
export function createRendererRecovery(target: RecoveryTarget): (event: unknown, details: GoneDetails) => void {
  let reloads: number[] = [];
  let asking = false;
  return (_event, details) => {
    const reason = typeof details?.reason === 'string' ? details.reason : 'unknown';
    target.log(`the window's renderer process is gone: ${reason} (exit code ${String(details?.exitCode)})`);
    if (reason === 'clean-exit' || target.isGone() || asking) return;
    const now = target.now();
    reloads = reloads.filter((t) => now - t < RELOAD_WINDOW_MS);
    if (reloads.length < MAX_RELOADS) {
      reloads.push(now);
      target.reload();
      return;
    }
    asking = true;
    const message = `ClusterLab's window stopped ${reloads.length + 1} times in a short while.`;
    const detail =
      (reason === 'oom'
        ? 'It ran out of memory: a job that keeps growing an array, string or map can cause this. '
        : `The reason given: ${reason}. `) +
      'Your progress is saved. Reload the window to go on (change the job that was running first), or quit.';
    void target.ask(message, detail).then(
      (choice) => {
        asking = false;
        if (choice === 'quit') {
          target.quit();
          return;
        }
        reloads = [];
        if (!target.isGone()) target.reload();
      },
      () => {
        asking = false;
      },
    );
  };
}
