/**
 * The engine worker's lab packs: a pack lab's run carries its pack's archive text, loaded here
 * with loadPack (the built-in labs' ids taken) and kept by its text, the last few only.
 */
import { LABS } from '../../labs/labRegistry';
import type { Lab } from '../../labs/labTypes';
import { loadPack, type LoadedPack } from '../../labs/packs/loadPack';
import { parsePackArchive } from '../../labs/packs/packFiles';

const KEEP = 3;
const loaded = new Map<string, LoadedPack>();

/** The pack of `archive` loaded (from the cache when its text was loaded lately). Throws its PackError. */
export function loadedPack(archive: { fileName: string; text: string }): LoadedPack {
  const cached = loaded.get(archive.text);
  if (cached) {
    // Most recently used last.
    loaded.delete(archive.text);
    loaded.set(archive.text, cached);
    return cached;
  }
  const pack = loadPack(
    parsePackArchive(archive.text, archive.fileName),
    archive.fileName,
    LABS.map((l) => l.id),
  );
  loaded.set(archive.text, pack);
  while (loaded.size > KEEP) loaded.delete(loaded.keys().next().value!);
  return pack;
}

/** The lab `labId` of the pack `archive`, or undefined when the pack has none by that id. */
export function packLab(archive: { fileName: string; text: string }, labId: string): Lab | undefined {
  return loadedPack(archive).labs.find((l) => l.id === labId);
}

/** How many packs are cached (tests). */
export function cachedPackCount(): number {
  return loaded.size;
}
