/**
 * The rules of the open lab packs, as pure functions: a pack's archive text is parsed and loaded
 * (labs/packs: parsePackArchive, loadPack) with the ids already taken by the built-in labs and
 * by the labs of the other open packs; a pack with the id of an open pack is a new version of
 * it and replaces it (after the learner confirms).
 */
import { loadPack, type PackManifest } from '../../../labs/packs/loadPack';
import { parsePackArchive } from '../../../labs/packs/packFiles';
import type { Lab } from '../../../labs/labTypes';

export interface OpenPack {
  manifest: PackManifest;
  labs: Lab[];
  /** The `.clusterlab` file's name it was opened from. */
  fileName: string;
  /** The archive's text: kept, and sent with each run of one of its labs to the engine worker. */
  text: string;
}

/**
 * Loads the archive `text` (from the file `fileName`) next to the packs `open`: the ids of
 * `builtInIds` and of the other open packs' labs are taken (the pack it would replace, with the
 * same pack id, is not in the way). Throws the PackError naming the file and field.
 */
export function readPack(
  text: string,
  fileName: string,
  open: readonly OpenPack[],
  builtInIds: readonly string[],
): OpenPack {
  const files = parsePackArchive(text, fileName);
  // The pack's id is known only after loading: load once with the built-in ids, then check the others.
  const first = loadPack(files, fileName, builtInIds);
  const others = open.filter((p) => p.manifest.id !== first.manifest.id);
  const loaded = others.length === 0 ? first : loadPack(files, fileName, [...builtInIds, ...others.flatMap(labIds)]);
  return { manifest: loaded.manifest, labs: loaded.labs, fileName, text };
}

/** The ids of a pack's labs. */
export function labIds(pack: OpenPack): string[] {
  return pack.labs.map((l) => l.id);
}

/** The open pack with the id of `pack`, which it would replace, or null. */
export function replacedBy(open: readonly OpenPack[], pack: OpenPack): OpenPack | null {
  return open.find((p) => p.manifest.id === pack.manifest.id) ?? null;
}

/** The packs with `pack` added, or put in the place of the pack with its id. */
export function withPack(open: readonly OpenPack[], pack: OpenPack): OpenPack[] {
  const at = open.findIndex((p) => p.manifest.id === pack.manifest.id);
  if (at < 0) return [...open, pack];
  return open.map((p, i) => (i === at ? pack : p));
}

/** The packs without the pack `id`. */
export function withoutPack(open: readonly OpenPack[], id: string): OpenPack[] {
  return open.filter((p) => p.manifest.id !== id);
}

/** A kept pack's record, as stored (packStorage.ts). */
export interface KeptPack {
  id: string;
  fileName: string;
  text: string;
}

/**
 * The kept packs loaded again at start, in the order kept: each is re-validated against the
 * built-in ids and the packs before it; one that no longer loads is left out, with its name and
 * the reason in `dropped`.
 */
export function reopenKept(
  kept: readonly KeptPack[],
  builtInIds: readonly string[],
): { packs: OpenPack[]; dropped: { id: string; fileName: string; reason: string }[] } {
  let packs: OpenPack[] = [];
  const dropped: { id: string; fileName: string; reason: string }[] = [];
  for (const record of kept) {
    try {
      const pack = readPack(record.text, record.fileName, packs, builtInIds);
      if (pack.manifest.id !== record.id) throw new Error(`it now holds the pack '${pack.manifest.id}'`);
      packs = withPack(packs, pack);
    } catch (error) {
      dropped.push({
        id: record.id,
        fileName: record.fileName,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { packs, dropped };
}
