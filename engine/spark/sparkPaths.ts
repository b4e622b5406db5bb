/**
 * Input and output paths as Spark reads them through Hadoop's FileInputFormat: a file; a
 * directory (its files, skipping names that start with `_` or `.`, Hadoop's hidden-file filter);
 * comma-separated paths (commas inside `{...}` belong to the glob); Hadoop globs in any component
 * (hadoopGlob.ts); `hdfs://host:port/p`, `hdfs:///p` and `hdfs:/p` for `/p`. A path matching
 * nothing fails as Hadoop's InvalidInputException does ("Input path does not exist: hdfs:/p",
 * "Input Pattern hdfs:/p* matches 0 files"); saving to a path that exists fails as
 * FileOutputFormat.checkOutputSpecs does. The listing is the HDFS catalog the driver was given
 * plus what saveAsTextFile wrote earlier in the same program.
 */
import { LIMITS, formatCount } from '../core';
import { baseName, globMatches, hasGlob, isHidden, splitInputPaths } from '../exec/hadoopGlob';

export { baseName, isHidden, splitInputPaths };

/** A file the driver can read: its path, size and block size. */
export interface DfsEntry {
  path: string;
  length: number;
  blockSize: number;
}

/** HDFS's default dfs.blocksize (128 MB), for files written when the catalog has none to copy. */
export const DEFAULT_BLOCK_SIZE = 128 * 1024 * 1024;

/** A path as Hadoop prints it qualified (`hdfs:/out`): this cluster's NameNode has no address to show. */
export function qualified(path: string): string {
  return `hdfs:${path}`;
}

/** The files (and the directories they imply) the driver sees, listed in name order. */
export class DfsListing {
  private readonly files = new Map<string, DfsEntry>();
  private readonly children = new Map<string, Set<string>>([['/', new Set()]]);

  constructor(entries: readonly DfsEntry[]) {
    for (const e of entries) this.add(e);
  }

  add(entry: DfsEntry): void {
    this.files.set(entry.path, entry);
    let child = entry.path;
    for (let dir = parentOf(child); ; dir = parentOf(dir)) {
      let set = this.children.get(dir);
      const known = set !== undefined;
      if (!set) this.children.set(dir, (set = new Set()));
      set.add(child);
      if (known || dir === '/') return;
      child = dir;
    }
  }

  kind(path: string): 'file' | 'dir' | null {
    return this.files.has(path) ? 'file' : this.children.has(path) ? 'dir' : null;
  }

  file(path: string): DfsEntry | undefined {
    return this.files.get(path);
  }

  /** The paths directly inside a directory, sorted as HDFS lists them. */
  list(dir: string): string[] {
    return [...(this.children.get(dir) ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The block size of files this listing's writer creates: the catalog's, else HDFS's default. */
  blockSize(): number {
    for (const f of this.files.values()) return f.blockSize;
    return DEFAULT_BLOCK_SIZE;
  }
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** A path a learner wrote that Hadoop would refuse; thrown inside their call, so it names their line. */
export class DfsPathError extends Error {
  override name = 'IllegalArgumentException';
}

/**
 * A learner's path as an absolute DFS path: the `hdfs:` scheme and its authority dropped, `//`
 * collapsed, `.` and `..` resolved, a trailing `/` removed (as Hadoop's Path does).
 * `where` names the call in messages (`textFile`, `saveAsTextFile`).
 */
export function parseDfsPath(raw: string, where: string): string {
  let path = raw;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw)?.[1];
  if (scheme !== undefined) {
    const s = scheme.toLowerCase();
    if (s === 'file')
      throw new DfsPathError(
        `${where}(${JSON.stringify(raw)}): the sandbox has no local files; file: paths name the disk of the machine running Spark. Put the data into HDFS and use its path, like '/data/sensors.csv' or 'hdfs:///data/sensors.csv'`,
      );
    if (s !== 'hdfs')
      throw new DfsPathError(
        `${where}(${JSON.stringify(raw)}): this cluster has HDFS only (No FileSystem for scheme "${scheme}"); write '/path' or 'hdfs:///path'`,
      );
    path = raw.slice(scheme.length + 1);
    // hdfs://host:port/p and hdfs:///p name /p; hdfs:/p too.
    if (path.startsWith('//')) {
      const slash = path.indexOf('/', 2);
      path = slash < 0 ? '/' : path.slice(slash);
    }
  }
  if (path === '')
    throw new DfsPathError(
      `${where}: a path is empty (Can not create a Path from an empty string) in ${JSON.stringify(raw)}`,
    );
  if (!path.startsWith('/'))
    throw new DfsPathError(
      `${where}(${JSON.stringify(raw)}): a relative path; Hadoop would look for it under your home directory (/user/<name>), which this cluster does not have. Write the absolute path, like '/data/sensors.csv'`,
    );
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new DfsPathError(`${where}(${JSON.stringify(raw)}): '..' goes above the root '/'`);
      parts.pop();
    } else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** sc.textFile on paths that match nothing: the job's input is wrong, its code may be fine. */
export class MissingInputError extends Error {
  override name = 'InvalidInputException';
  /** The paths (and patterns) that matched nothing, comma-separated, as DFS paths. */
  readonly path: string;
  /** The call that read them, as the learner wrote it (`sc.textFile`, `sc.sequenceFile`). */
  readonly call: string;
  constructor(missing: string[], where = 'textFile') {
    const call = where.includes('.') ? where : `sc.${where}`;
    // A DataFrameReader's paths are taken whole (a comma may be part of one): Spark names the first missing.
    const path = isReaderCall(call) ? missing[0]! : missing.join(',');
    super(missingInputMessage(path, call));
    if (isReaderCall(call)) this.name = 'AnalysisException';
    this.path = path;
    this.call = call;
  }
}

/** A DataFrameReader's call (spark.read.csv), whose missing paths Spark SQL reports, not Hadoop. */
export const isReaderCall = (call: string): boolean => call.startsWith('spark.read.');

/**
 * The text for missing paths given comma-separated (MissingInputError.path; a reader's one path, whole) read by `call`:
 * Hadoop's InvalidInputException's for sc.textFile and the like, Spark SQL's PATH_NOT_FOUND for a
 * DataFrameReader (DataSource.checkAndGlobPathIfNecessary: a glob matching nothing included; the first only).
 */
export function missingInputMessage(paths: string, call = 'sc.textFile'): string {
  // Spark SQL stops at the first path that does not exist: it names that one.
  if (isReaderCall(call)) return `[PATH_NOT_FOUND] Path does not exist: ${qualified(paths)}.`;
  return splitInputPaths(paths)
    .map((p) =>
      hasGlob(p) ? `Input Pattern ${qualified(p)} matches 0 files` : `Input path does not exist: ${qualified(p)}`,
    )
    .join('; ');
}

/** The files a match names: itself, or the visible files of a directory (a subdirectory is an error, as in Hadoop). */
function filesOf(match: string, listing: DfsListing, where: string, spec: string | readonly string[]): DfsEntry[] {
  const f = listing.file(match);
  if (f) return [f];
  const out: DfsEntry[] = [];
  for (const child of listing.list(match)) {
    if (isHidden(child)) continue;
    const entry = listing.file(child);
    if (!entry)
      throw new DfsPathError(
        `${where}(${JSON.stringify(spec)}): Not a file: ${qualified(child)} — the input directory ${match} holds a directory, and Hadoop's FileInputFormat reads only the files directly inside an input directory. Name the files with a glob, like '${match}/*/*'`,
      );
    out.push(entry);
  }
  return out;
}

/** The paths a glob pattern matches (hidden names left out, as Hadoop filters them at the end), in name order. */
/**
 * The input files of `spec`, in Hadoop's order: each path in turn, a glob's matches in name order,
 * a directory's files in name order. A string is split at its commas, as sc.textFile's path is
 * (Hadoop's FileInputFormat); a list is a DataFrameReader's paths, each taken whole (Spark's
 * DataSource globs each path and splits none). Throws MissingInputError naming every path that
 * matched nothing, DfsPathError for a path Hadoop refuses.
 */
export function resolveInputFiles(spec: string | readonly string[], listing: DfsListing, where: string): DfsEntry[] {
  const length = typeof spec === 'string' ? spec.length : spec.reduce((n, p) => n + p.length + 1, -1);
  if (length > LIMITS.maxPathLength)
    throw new RangeError(
      typeof spec === 'string'
        ? `${where}(path): a path of ${formatCount(length)} characters is longer than the limit of ${formatCount(LIMITS.maxPathLength)}`
        : `${where}(paths): ${formatCount(spec.length)} paths of ${formatCount(length)} characters together are more than the limit of ${formatCount(LIMITS.maxPathLength)}`,
    );
  const files: DfsEntry[] = [];
  const missing: string[] = [];
  for (const raw of typeof spec === 'string' ? splitInputPaths(spec) : spec) {
    const path = parseDfsPath(raw, where);
    let matches: string[];
    if (hasGlob(path)) matches = globMatches(path, listing);
    else matches = listing.kind(path) !== null && !isHidden(path) ? [path] : [];
    if (matches.length === 0) missing.push(path);
    for (const m of matches) files.push(...filesOf(m, listing, where, spec));
  }
  if (missing.length > 0) throw new MissingInputError(missing, where);
  return files;
}

/**
 * wholeTextFiles' partitions, as file indexes: as WholeTextFileInputFormat sets
 * CombineFileInputFormat's maximum split size to ceil(total bytes / minPartitions), a partition
 * takes whole files in listing order until it holds that much (Spark also groups files by node first).
 */
export function wholeFileGroups(files: readonly DfsEntry[], minPartitions: number): number[][] {
  const maxSplit = Math.ceil(files.reduce((s, f) => s + f.length, 0) / minPartitions);
  const groups: number[][] = [[]];
  let size = 0;
  files.forEach((f, i) => {
    groups[groups.length - 1]!.push(i);
    size += f.length;
    if (size >= maxSplit && i < files.length - 1) {
      groups.push([]);
      size = 0;
    }
  });
  return groups;
}

/** Hadoop's FileAlreadyExistsException (FileOutputFormat.checkOutputSpecs): an output directory is never overwritten. */
export class OutputExistsError extends Error {
  override name = 'FileAlreadyExistsException';
  constructor(
    readonly path: string,
    where = 'saveAsTextFile',
  ) {
    const reader = { saveAsSequenceFile: 'sequenceFile', saveAsObjectFile: 'objectFile' }[where] ?? 'textFile';
    super(
      `Output directory ${qualified(path)} already exists: Spark never overwrites an output directory (${where}); write to a new path, or read this one with sc.${reader}`,
    );
  }
}

/** A save action's output path (saveAsTextFile, saveAsSequenceFile...) as a DFS path; throws when it is not a string, is invalid or exists already. */
export function checkOutputPath(raw: unknown, listing: DfsListing, where: string): string {
  if (typeof raw !== 'string')
    throw new TypeError(`${where}(path): the path must be a string like '/out/result', got ${typeof raw}`);
  if (raw.length > LIMITS.maxPathLength)
    throw new RangeError(
      `${where}(path): a path of ${formatCount(raw.length)} characters is longer than the limit of ${formatCount(LIMITS.maxPathLength)}`,
    );
  if (hasGlob(raw) || raw.includes(','))
    throw new DfsPathError(
      `${where}(${JSON.stringify(raw)}): an output path is one directory, without globs or commas`,
    );
  const path = parseDfsPath(raw, where);
  if (path === '/') throw new DfsPathError(`${where}(${JSON.stringify(raw)}): the output cannot be the root directory`);
  if (listing.kind(path) !== null) throw new OutputExistsError(path, where);
  for (let dir = parentOf(path); dir !== '/'; dir = parentOf(dir))
    if (listing.kind(dir) === 'file')
      throw new DfsPathError(`${where}(${JSON.stringify(raw)}): ${dir} is a file, so nothing can be written under it`);
  return path;
}
