/**
 * Where `--pack` points: a pack's folder (read file by file, within the pack limits, before any of
 * it is parsed) or a `.clusterlab` archive. Hidden files (`.DS_Store`, `.git`) are skipped; a
 * link, a device or a binary file is refused by name. Labs loaded from it take no id of a
 * built-in lab.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UsageError } from './cliIo';
import { LABS } from '../labs/labRegistry';
import { loadPack, type LoadedPack } from '../labs/packs/loadPack';
import { PackError } from '../labs/packs/packError';
import { PACK_LIMITS, parsePackArchive, type PackFiles } from '../labs/packs/packFiles';

/** Reads a pack folder's files (relative paths with '/'), refusing what a pack cannot hold. */
export async function readPackFolder(dir: string, name = basename(dir)): Promise<PackFiles> {
  const files = new Map<string, string>();
  let total = 0;
  const walk = async (folder: string, prefix: string, depth: number): Promise<void> => {
    if (depth > 8) throw new PackError(`${name}/${prefix}`, '', 'is nested more than 8 folders deep');
    const entries = (
      await readdir(folder).catch(() => {
        throw new PackError(`${name}/${prefix}`, '', 'cannot be read (permissions?)');
      })
    ).sort();
    for (const entry of entries) {
      // Hidden files (.DS_Store, .git) and built archives (an earlier `pack build`) are not the pack's.
      if (entry.startsWith('.') || entry.endsWith('.clusterlab')) continue;
      const path = prefix ? `${prefix}/${entry}` : entry;
      const full = join(folder, entry);
      const info = await lstat(full).catch(() => {
        throw new PackError(`${name}/${path}`, '', 'cannot be read');
      });
      if (info.isDirectory()) {
        await walk(full, path, depth + 1);
        continue;
      }
      if (!info.isFile())
        throw new PackError(`${name}/${path}`, '', 'is not a plain file (a link, a device or a pipe)');
      if (files.size >= PACK_LIMITS.files)
        throw new PackError(name, 'files', `a pack holds at most ${PACK_LIMITS.files} files`);
      if (info.size > PACK_LIMITS.fileChars * 4)
        throw new PackError(`${name}/${path}`, '', `is too big for a pack file (${info.size} bytes)`);
      const bytes = await readFile(full).catch(() => {
        throw new PackError(`${name}/${path}`, '', 'cannot be read (permissions?)');
      });
      if (bytes.includes(0)) throw new PackError(`${name}/${path}`, '', 'is a binary file: a pack holds text files');
      const text = bytes.toString('utf8');
      total += text.length;
      if (total > PACK_LIMITS.totalChars)
        throw new PackError(
          name,
          'files',
          `a pack holds at most ${PACK_LIMITS.totalChars.toLocaleString('en')} characters`,
        );
      files.set(path, text);
    }
  };
  await walk(dir, '', 0);
  return files;
}

/** The value of `--pack`: a path. */
export function packArg(value: string | undefined): string {
  if (value === undefined || value === '' || value.startsWith('-'))
    throw new UsageError("--pack needs a lab pack's folder or its .clusterlab file");
  return value;
}

/**
 * Loads the pack at `path` (a folder or an archive) for a command; a bad pack is a usage error
 * naming the file, after `said`: the option that named the pack ('--pack: '), or nothing where the
 * pack is the command's own argument (`pack test DIR`).
 */
export async function loadPackAt(path: string, said = '--pack: '): Promise<LoadedPack> {
  try {
    return loadPack(
      await readPackAt(path, said),
      basename(path),
      LABS.map((l) => l.id),
    );
  } catch (error) {
    if (error instanceof PackError) throw new UsageError(`${said}${error.message}`);
    throw error;
  }
}

/**
 * The files of the pack at `path`: a folder's (a link to one is followed, as a shell would), or a
 * `.clusterlab` archive's, read with its size bounded before a byte is read. Anything else (a
 * device, a pipe) is refused by name: reading one could never end.
 */
export async function readPackAt(path: string, said = '--pack: '): Promise<PackFiles> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`${said}${path} does not exist (give a pack's folder or its .clusterlab file)`);
  }
  try {
    if (info.isDirectory()) return await readPackFolder(path);
    if (!info.isFile()) throw new PackError(basename(path), '', "is not a pack's folder or a .clusterlab file");
    return parsePackArchive(await readArchive(path, info.size), basename(path));
  } catch (error) {
    if (error instanceof PackError) throw new UsageError(`${said}${error.message}`);
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(`${said}${path} cannot be read (${String(code ?? 'error')})`);
  }
}

async function readArchive(path: string, size: number): Promise<string> {
  if (size > PACK_LIMITS.totalChars * 2)
    throw new PackError(basename(path), '', `is too big for a lab pack (${size.toLocaleString('en')} bytes)`);
  const bytes = await readFile(path);
  if (bytes.length > PACK_LIMITS.totalChars * 2)
    throw new PackError(basename(path), '', `is too big for a lab pack (${bytes.length.toLocaleString('en')} bytes)`);
  return bytes.toString('utf8');
}
