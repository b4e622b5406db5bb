/**
 * When Monaco's TypeScript worker may start (heldWorker.ts): its start takes about 2.5 s of CPU
 * on a slow two-core machine, which a learner's first Run should not share, nor should the page's
 * warm-up (renderer/bridge/warmUpRun.ts, about 3 s from the page's start). It is wanted once the
 * learner types in an editor (completions and squiggles are for editing: from then on, at once), or
 * START_AFTER_MS after Monaco asked for it, whichever comes first. An example opened and run at
 * once, unchanged, runs alone.
 */

/** The longest Monaco's worker waits for the learner to type: about when the page's warm-up ends. */
export const START_AFTER_MS = 5000;

let typed = false;
let typing: (() => void)[] = [];

/**
 * Whether a key press in an editor is the learner typing: not a modifier key alone (Ctrl+Enter
 * first sends Ctrl's own key press), nor Ctrl/Cmd+Enter, which runs the job.
 */
export function isTyping(key: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  if (MODIFIERS.has(key.key)) return false;
  return !(key.key === 'Enter' && (key.ctrlKey || key.metaKey));
}

const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'OS']);

/** The learner typed in an editor (a key press): the language service is wanted now and from then on. */
export function learnerTyped(): void {
  if (typed) return;
  typed = true;
  const ready = typing;
  typing = [];
  for (const resolve of ready) resolve();
}

/** Resolves when the learner may need the language service (see above). */
export function whenLanguageServiceWanted(): Promise<void> {
  if (typed) return Promise.resolve();
  return new Promise((resolve) => {
    typing.push(resolve);
    setTimeout(resolve, START_AFTER_MS);
  });
}
