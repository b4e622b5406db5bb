/**
 * A teacher's lab pack as text files by path (`pack.json`, `word-lengths/lab.json`, ...), however
 * it arrived: a folder read by the CLI, a folder or a `.clusterlab` archive picked in the app. The
 * archive is JSON (`{ "format": "clusterlab-pack", "version": 1, "files": { path: text } }`), so
 * opening one never unpacks anything onto a disk. Every path and size is checked before any file
 * is read as part of a lab (docs/lab-packs.md has the format).
 */
import { jsonErrorLineColumn } from '../jsonPositions';
import { PackError } from './packError';

/** The `format` of a pack archive; a hand-in file says `clusterlab-progress`. */
export const PACK_FORMAT = 'clusterlab-pack';
export const PACK_VERSION = 1;

export const PACK_LIMITS = {
  files: 400,
  /** Characters of one file. */
  fileChars: 2_000_000,
  /** Characters of all files together (an archive may be a little larger: JSON escapes). */
  totalChars: 16_000_000,
  pathChars: 160,
};

/** The pack's files by path ('/' separators, relative to the pack's folder). */
export type PackFiles = ReadonlyMap<string, string>;

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Why `path` cannot be a pack file's path, or null when it can. */
export function packPathProblem(path: string): string | null {
  if (path.length === 0 || path.length > PACK_LIMITS.pathChars)
    return `a path must have 1 to ${PACK_LIMITS.pathChars} characters`;
  const segments = path.split('/');
  for (const s of segments)
    if (!SEGMENT.test(s) || s === '.' || s === '..' || s.includes('..'))
      return 'a path is made of names of letters, digits, _, . and - separated by /, never starting with . or /';
  return null;
}

/**
 * Checks a pack's files as a set: their number, paths and sizes. `where` names the pack (the
 * folder or the archive) in the errors.
 */
export function checkPackFiles(files: PackFiles, where: string): void {
  if (files.size > PACK_LIMITS.files)
    throw new PackError(where, 'files', `a pack holds at most ${PACK_LIMITS.files} files, this one ${files.size}`);
  let total = 0;
  for (const [path, text] of files) {
    const problem = packPathProblem(path);
    if (problem) throw new PackError(where, `files['${path.slice(0, 80)}']`, problem);
    if (text.length > PACK_LIMITS.fileChars)
      throw new PackError(
        `${where}/${path}`,
        '',
        `a pack file holds at most ${PACK_LIMITS.fileChars.toLocaleString('en')} characters, this one ${text.length.toLocaleString('en')}`,
      );
    total += text.length;
  }
  if (total > PACK_LIMITS.totalChars)
    throw new PackError(
      where,
      'files',
      `a pack holds at most ${PACK_LIMITS.totalChars.toLocaleString('en')} characters in all, this one ${total.toLocaleString('en')}`,
    );
}

/** Reads a `.clusterlab` pack archive; `fileName` names it in the errors. */
export function parsePackArchive(text: string, fileName: string): PackFiles {
  if (text.length > PACK_LIMITS.totalChars * 2)
    throw new PackError(fileName, '', `is too big for a lab pack (${text.length.toLocaleString('en')} characters)`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorLineColumn(text, error instanceof Error ? error.message : '');
    throw new PackError(fileName, '', 'is not a ClusterLab file: it is not JSON', line, column);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new PackError(fileName, '', 'is not a ClusterLab file: it is not a JSON object');
  const o = raw as Record<string, unknown>;
  if (o.format === 'clusterlab-progress')
    throw new PackError(
      fileName,
      'format',
      "is a student's hand-in (progress), not a lab pack: import it from Settings",
    );
  if (o.format !== PACK_FORMAT)
    throw new PackError(fileName, 'format', `must be "${PACK_FORMAT}": this is not a ClusterLab lab pack`);
  if (typeof o.version === 'number' && o.version > PACK_VERSION)
    throw new PackError(
      fileName,
      'version',
      `was made by a newer ClusterLab (pack version ${o.version}): update ClusterLab to open it`,
    );
  if (o.version !== PACK_VERSION) throw new PackError(fileName, 'version', `must be ${PACK_VERSION}`);
  if (typeof o.files !== 'object' || o.files === null || Array.isArray(o.files))
    throw new PackError(fileName, 'files', 'must be an object of file texts by path');
  const files = new Map<string, string>();
  for (const [path, value] of Object.entries(o.files as Record<string, unknown>)) {
    if (typeof value !== 'string') throw new PackError(fileName, `files['${path.slice(0, 80)}']`, 'must be a text');
    files.set(path, value);
  }
  checkPackFiles(files, fileName);
  return files;
}

/** Writes a pack's files as a `.clusterlab` archive (paths in order: the same folder gives the same bytes). */
export function buildPackArchive(files: PackFiles): string {
  const sorted = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ format: PACK_FORMAT, version: PACK_VERSION, files: sorted }, null, 1)}\n`;
}
