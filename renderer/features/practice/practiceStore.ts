/**
 * Practice mode's own saved state, apart from the lesson's progress: per lab step, the code typed
 * in practice and the current attempt (its number and data seed). Kept in localStorage (the
 * desktop app's too: it lives in the app's profile), read defensively, bounded in size: practice
 * never changes which lesson steps passed, and a broken entry is dropped, never trusted.
 */
const KEY = 'clusterlab.practice.v1';
/** Steps kept (the oldest forgotten first) and characters of code per step. */
const MAX_STEPS = 200;
const MAX_CODE = 200_000;

export interface PracticeAttempt {
  /** 1 for the first attempt at the step. */
  attempt: number;
  /** The attempt's seed (labs/practiceSeed.ts): fresh for every attempt, every step's data and run drawn from it. */
  seed: number;
  /** The code as typed in practice (null: the attempt's starter). */
  code: string | null;
  /** When it last changed (ms since the epoch): the oldest entries go first when the store is full. */
  at: number;
}

type Stored = Record<string, PracticeAttempt>;

const keyOf = (labId: string, stepId: string) => `${labId}/${stepId}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function read(): Stored {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const out: Stored = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      const e = v as Partial<PracticeAttempt> | null;
      if (
        typeof e !== 'object' ||
        e === null ||
        !Number.isInteger(e.attempt) ||
        (e.attempt as number) < 1 ||
        !Number.isInteger(e.seed) ||
        (e.seed as number) < 0 ||
        (e.seed as number) > 0xffffffff ||
        (e.code !== null && (typeof e.code !== 'string' || e.code.length > MAX_CODE)) ||
        typeof e.at !== 'number'
      )
        continue;
      out[k] = { attempt: e.attempt!, seed: e.seed!, code: e.code ?? null, at: e.at };
    }
    return out;
  } catch {
    return {};
  }
}

function write(stored: Stored): void {
  const entries = Object.entries(stored)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_STEPS);
  try {
    storage()?.setItem(KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Full or unavailable: practice goes on for this session.
  }
}

/** A fresh data seed: chance, not the engine's seeded chance (practice wants new data each attempt). */
export function freshSeed(): number {
  const cryptoApi = typeof globalThis.crypto === 'undefined' ? null : globalThis.crypto;
  if (cryptoApi?.getRandomValues) return cryptoApi.getRandomValues(new Uint32Array(1))[0]!;
  return Math.floor(Math.random() * 0x100000000);
}

/** The step's current attempt; a first one is made (and saved) when there is none. */
export function currentAttempt(labId: string, stepId: string, now = Date.now()): PracticeAttempt {
  const stored = read();
  const found = stored[keyOf(labId, stepId)];
  if (found) return found;
  const first = { attempt: 1, seed: freshSeed(), code: null, at: now };
  write({ ...stored, [keyOf(labId, stepId)]: first });
  return first;
}

/** Starts the next attempt: a fresh seed, the code back to the starter (null) unless `keepCode`. */
export function nextAttempt(labId: string, stepId: string, keepCode: boolean, now = Date.now()): PracticeAttempt {
  const stored = read();
  const current = stored[keyOf(labId, stepId)];
  const next = {
    attempt: (current?.attempt ?? 0) + 1,
    seed: freshSeed(),
    code: keepCode ? (current?.code ?? null) : null,
    at: now,
  };
  write({ ...stored, [keyOf(labId, stepId)]: next });
  return next;
}

/** Saves the practice code of the step's current attempt (too long a text is not saved, never cut). */
export function savePracticeCode(labId: string, stepId: string, code: string, now = Date.now()): void {
  if (code.length > MAX_CODE) return;
  const stored = read();
  const current = stored[keyOf(labId, stepId)] ?? { attempt: 1, seed: freshSeed(), code: null, at: now };
  write({ ...stored, [keyOf(labId, stepId)]: { ...current, code, at: now } });
}
