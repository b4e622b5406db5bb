/**
 * "A run is in progress", written to sessionStorage before a run starts and removed when it
 * ends. A job that uses too much memory can take down the page's whole renderer process (in
 * Chromium a Web Worker's out-of-memory crash is the tab's crash, not an error event); after
 * the reload (the learner's, or Electron's on `render-process-gone`) the marker is still there,
 * and the app says what happened. A page left normally (reload, close, navigation) removes it
 * on `pagehide`, so only a crash leaves it behind. A run that failed or was stopped keeps it a
 * little longer (FAILED_RUN_LINGER_MS): the time limit can stop a memory bomb in its worker's last
 * garbage collections, and the page then still goes down. sessionStorage belongs to the tab, so
 * another tab's run never shows up here.
 */

export const RUN_MARKER_KEY = 'clusterlab.runInProgress.v1';
/**
 * The crashed run whose notice is showing: kept until the learner dismisses it or starts another
 * run, so a second reload (a learner who presses F5 twice) still says what happened.
 */
export const CRASH_NOTICE_KEY = 'clusterlab.crashNotice.v1';

/** Where the run was started. */
export type RunPlace = { kind: 'lab'; labId: string; step: number; title: string } | { kind: 'sandbox' };

export interface RunMarker {
  /** Which run (several may follow one another; only the latest one's end removes it). */
  token: number;
  place: RunPlace;
}

/** The storage the marker lives in (sessionStorage; null where there is none, e.g. unit tests). */
type MarkerStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function store(): MarkerStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

let nextToken = 1;

/** Records that a run starts; returns its token for `runEnded`. */
export function runStarting(place: RunPlace, storage: MarkerStore | null = store()): number {
  const token = nextToken++;
  try {
    storage?.removeItem(CRASH_NOTICE_KEY);
    storage?.setItem(RUN_MARKER_KEY, JSON.stringify({ token, place } satisfies RunMarker));
  } catch {
    // Storage full or blocked: the run goes ahead; only the notice after a crash is lost.
  }
  return token;
}

/**
 * How long the marker of a run that failed or was stopped stays after its end. A job that fills
 * its worker's memory can be stopped (by the time limit, or Stop) while the worker is deep in
 * its last garbage collections, and the page still goes down a moment later: the notice must
 * then still name the run.
 */
export const FAILED_RUN_LINGER_MS = 20_000;

/** Calls `fire` after `ms` (setTimeout in the page; a fake in unit tests). */
export type Schedule = (fire: () => void, ms: number) => void;

const inThePage: Schedule = (fire, ms) => void setTimeout(fire, ms);

/**
 * The run `token` ended: its marker goes, a newer run's stays. A run that `failed` (an error, the
 * time limit or Stop) keeps it for FAILED_RUN_LINGER_MS more, unless another run starts or the
 * page is left normally.
 */
export function runEnded(
  token: number,
  how: 'finished' | 'failed',
  storage: MarkerStore | null = store(),
  schedule: Schedule = inThePage,
): void {
  const remove = () => {
    try {
      const marker = readMarker(storage);
      if (marker === null || marker.token === token) storage?.removeItem(RUN_MARKER_KEY);
    } catch {
      // Nothing to do: a marker that stays only shows one notice too many.
    }
  };
  if (how === 'finished') remove();
  else schedule(remove, FAILED_RUN_LINGER_MS);
}

/** Removes the marker whatever run wrote it (the page is being left normally). */
export function forgetRun(storage: MarkerStore | null = store()): void {
  try {
    storage?.removeItem(RUN_MARKER_KEY);
  } catch {
    // As above.
  }
}

/**
 * At start-up: the marker a crashed page left behind (removed as it is read), or null.
 * Anything unreadable in its place counts as a crash in an unknown place.
 */
export function takeCrashedRun(storage: MarkerStore | null = store()): RunMarker | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(RUN_MARKER_KEY) ?? null;
    if (raw !== null) {
      storage?.removeItem(RUN_MARKER_KEY);
      // Its notice stays until dismissed (crashNoticeSeen) or another run starts.
      storage?.setItem(CRASH_NOTICE_KEY, raw);
    } else raw = storage?.getItem(CRASH_NOTICE_KEY) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  return parseMarker(raw) ?? { token: 0, place: { kind: 'sandbox' } };
}

/** The learner dismissed the crash notice: later reloads show it no more. */
export function crashNoticeSeen(storage: MarkerStore | null = store()): void {
  try {
    storage?.removeItem(CRASH_NOTICE_KEY);
  } catch {
    // A notice that comes back once more is all that is lost.
  }
}

function readMarker(storage: MarkerStore | null): RunMarker | null {
  const raw = storage?.getItem(RUN_MARKER_KEY) ?? null;
  return raw === null ? null : parseMarker(raw);
}

function parseMarker(raw: string): RunMarker | null {
  try {
    const value = JSON.parse(raw) as Partial<RunMarker> | null;
    const place = value?.place as { kind?: unknown; labId?: unknown; step?: unknown; title?: unknown } | undefined;
    if (!value || typeof value.token !== 'number' || !place) return null;
    if (place.kind === 'sandbox') return { token: value.token, place: { kind: 'sandbox' } };
    if (place.kind === 'lab' && typeof place.labId === 'string' && Number.isInteger(place.step))
      return {
        token: value.token,
        place: {
          kind: 'lab',
          labId: place.labId.slice(0, 100),
          step: place.step as number,
          title: typeof place.title === 'string' ? place.title.slice(0, 200) : '',
        },
      };
    return null;
  } catch {
    return null;
  }
}

/** The notice after a crash. */
export function crashNotice(marker: RunMarker): string {
  const where =
    marker.place.kind === 'lab'
      ? `the run of step ${marker.place.step + 1}${marker.place.title ? ` (“${marker.place.title}”)` : ''}`
      : 'your last run in the sandbox';
  return (
    `Your last run stopped the page — probably it used too much memory: ${where} did not finish. ` +
    'Your code is saved. Look for an array, string or map that keeps growing (or a very large result), ' +
    'change it and press Run again.'
  );
}
