/**
 * The open lab packs: a small zustand store (the home page's "Lab packs" section, findAnyLab and
 * the runs of pack labs read it). Packs are kept in a PackStorage (IndexedDB, packStorage.ts):
 * loaded again at start, each re-validated; one that no longer loads is dropped with a notice
 * naming it. Without IndexedDB, packs work for the session and a notice says they will not be kept.
 */
import { create } from 'zustand';
import { LABS } from '../../../labs/labRegistry';
import { readPack, reopenKept, replacedBy, withoutPack, withPack, type OpenPack } from './openPacks';
import { openIndexedDbStorage, type PackStorage } from './packStorage';
import { PackError } from '../../../labs/packs/packError';

/** A message for the section, as an i18n key of the 'packs' namespace and its values. */
export interface PackNotice {
  key: string;
  values: Record<string, string>;
}

export interface PacksState {
  packs: OpenPack[];
  /** Whether the kept packs have been loaded (the home page shows them once they are). */
  loaded: boolean;
  /** False when packs cannot be kept (no IndexedDB): they work for this session only. */
  kept: boolean;
  notices: PackNotice[];
  /** Why the last pack the learner opened was refused (PackError's message), or null. */
  refused: PackRefusal | null;
}

/** A refused pack: the message as the CLI prints it, and where it points when it is a PackError (the section words that per locale). */
export interface PackRefusal {
  fileName: string;
  message: string;
  where?: { file: string; line: number | null; column: number | null; field: string };
}

export const usePacks = create<PacksState>()(() => ({
  packs: [],
  loaded: false,
  kept: true,
  notices: [],
  refused: null,
}));

const builtInIds = () => LABS.map((l) => l.id);

let storage: Promise<PackStorage | null> | null = null;

/** The storage in use: IndexedDB unless the tests set another (null: none, packs are not kept). */
function packStorage(): Promise<PackStorage | null> {
  storage ??= openIndexedDbStorage().catch(() => null);
  return storage;
}

/** Uses `next` as the packs' storage from now on (tests), and forgets the loaded packs. */
export function usePackStorage(next: PackStorage | null): void {
  storage = Promise.resolve(next);
  loading = null;
  usePacks.setState({ packs: [], loaded: false, kept: true, notices: [], refused: null });
}

let loading: Promise<void> | null = null;

/** Loads the kept packs once (the home page and a pack lab's page both ask at start); never throws. */
export function ensureKeptPacksLoaded(): Promise<void> {
  loading ??= loadKeptPacks();
  return loading;
}

/** Loads the kept packs; never throws. */
export async function loadKeptPacks(): Promise<void> {
  const store = await packStorage();
  if (!store) {
    usePacks.setState({ loaded: true, kept: false });
    return;
  }
  let kept;
  try {
    kept = await store.all();
  } catch {
    usePacks.setState({ loaded: true, kept: false });
    return;
  }
  const { packs, dropped } = reopenKept(kept, builtInIds());
  for (const d of dropped) await store.remove(d.id).catch(() => undefined);
  // Packs opened while the kept ones were loading stay (they are newer).
  const current = usePacks.getState().packs;
  const merged = current.reduce(withPack, packs);
  usePacks.setState((s) => ({
    packs: merged,
    loaded: true,
    notices: [
      ...s.notices,
      ...dropped.map((d) => ({ key: 'dropped', values: { name: d.id, file: d.fileName, reason: d.reason } })),
    ],
  }));
}

/** What opening a pack came to. */
export type OpenResult =
  | { kind: 'opened'; pack: OpenPack }
  | { kind: 'replaced'; pack: OpenPack }
  | { kind: 'kept-old'; pack: OpenPack }
  | { kind: 'refused'; message: string };

/**
 * Opens the archive `text` of the file `fileName`. A pack with the id of an open one replaces it
 * only when `confirmReplace` (given the open pack's name) says so. A refused pack changes nothing
 * and is reported in `refused`.
 */
export async function openPackArchive(
  fileName: string,
  text: string,
  confirmReplace: (old: OpenPack, next: OpenPack) => boolean | Promise<boolean>,
): Promise<OpenResult> {
  let pack: OpenPack;
  try {
    pack = readPack(text, fileName, usePacks.getState().packs, builtInIds());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where =
      error instanceof PackError
        ? { file: error.file, line: error.line, column: error.column, field: error.field }
        : undefined;
    usePacks.setState({ refused: { fileName, message, ...(where ? { where } : {}) } });
    return { kind: 'refused', message };
  }
  const old = replacedBy(usePacks.getState().packs, pack);
  if (old && !(await confirmReplace(old, pack))) return { kind: 'kept-old', pack: old };
  usePacks.setState((s) => ({ packs: withPack(s.packs, pack), refused: null }));
  await keep((store) => store.put({ id: pack.manifest.id, fileName, text }));
  return { kind: old ? 'replaced' : 'opened', pack };
}

/** Removes the open pack `id` (the learner's progress in its labs stays in the progress). */
export async function removePack(id: string): Promise<void> {
  usePacks.setState((s) => ({ packs: withoutPack(s.packs, id) }));
  await keep((store) => store.remove(id));
}

/** Clears the refusal and the notices (the learner dismissed them). */
export function dismissPackMessages(): void {
  usePacks.setState({ refused: null, notices: [] });
}

async function keep(write: (store: PackStorage) => Promise<void>): Promise<void> {
  const store = await packStorage();
  if (!store) {
    usePacks.setState({ kept: false });
    return;
  }
  try {
    await write(store);
  } catch {
    // A full or failing database: the pack works for this session; say it will not be kept.
    usePacks.setState({ kept: false });
  }
}

/** The open pack that holds the lab `labId`, or null. */
export function packOfLab(labId: string): OpenPack | null {
  return usePacks.getState().packs.find((p) => p.labs.some((l) => l.id === labId)) ?? null;
}
