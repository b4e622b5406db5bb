/**
 * Job inputs and outputs on the engine core's HDFS: resolving input paths (a file, or the
 * files of a directory, skipping `_`/`.` names as FileInputFormat does), and the cost of reading
 * a byte range from the replicas closest to the reading node (`Hdfs.readPlan`).
 */
import { sortSmall } from '../core';
import type { BlockInfo, Hdfs } from '../hdfs';
import { globMatches, hasGlob, isHidden, type GlobListing } from './hadoopGlob';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A job's input path that does not exist, or its output path that does (bad input: exit code 2). */
export class InputPathError extends Error {
  override name = 'InputPathError';
  /** The learner's line that named the path, when a call in their code did (sc.textFile), for editors to mark. */
  line: number | null = null;
  constructor(
    readonly path: string,
    where: string,
    /** What is wrong; by default Hadoop's InvalidInputException text for a path that does not exist. */
    text = `Input path does not exist: hdfs:${path}`,
  ) {
    super(`${where}: ${text}`);
  }
}

/**
 * The input files of a job's paths, as FileInputFormat lists them: a file; a directory's files
 * (hidden `_`/`.` names skipped); a Hadoop glob's matches in name order (FileSystem.globStatus:
 * `/logs/2024-*`, `/out/part-*`, `{a,b}`), each match a file or a directory of files.
 */
export function resolveInputFiles(hdfs: Hdfs, paths: readonly string[], where: string): string[] {
  const files: string[] = [];
  const listing: GlobListing = {
    kind: (path) => (hdfs.exists(path) ? (hdfs.stat(path).type === 'file' ? 'file' : 'dir') : null),
    list: (dir) => hdfs.ls(dir).map((f) => f.path),
  };
  for (const p of paths) {
    let matches: string[];
    try {
      matches = hasGlob(p) ? globMatches(p, listing) : hdfs.exists(p) ? [p] : [];
    } catch (error) {
      // HDFS's and the glob's own messages name the path.
      throw new InputPathError(p, where, error instanceof Error ? error.message : String(error));
    }
    if (matches.length === 0)
      throw new InputPathError(p, where, hasGlob(p) ? `Input Pattern hdfs:${p} matches 0 files` : undefined);
    for (const m of matches) {
      const st = hdfs.stat(m);
      if (st.type === 'file') files.push(st.path);
      else for (const f of hdfs.ls(m)) if (f.type === 'file' && !isHidden(f.path)) files.push(f.path);
    }
  }
  return files;
}

export interface ReadCost {
  ms: number;
  localBytes: number;
  remoteBytes: number;
}

/** Reading [from, to) of `path` into a task on `reader`: the closest live replica of each block. */
export function readCost(hdfs: Hdfs, path: string, from: number, to: number, reader: string): ReadCost {
  const out: ReadCost = { ms: 0, localBytes: 0, remoteBytes: 0 };
  if (to <= from) return out;
  for (const piece of hdfs.readPlan(path, from, to - from, reader)) {
    out.ms += piece.ms;
    if (piece.distance === 0) out.localBytes += piece.length;
    else out.remoteBytes += piece.length;
  }
  return out;
}

/** Node ids holding replicas of the blocks overlapping [from, to) (most bytes first): locality hints. */
export function preferredNodes(
  hdfs: Hdfs,
  path: string,
  from: number,
  to: number,
  fileBlocks: readonly BlockInfo[] = hdfs.blocks(path),
): string[] {
  // Blocks are in file order: start at the first one that ends after `from` (binary search), so
  // planning N splits over N blocks stays O(N log N) instead of O(N²).
  let lo = 0;
  let hi = fileBlocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const b = fileBlocks[mid]!;
    if (b.offset + b.length <= from && !(from === to && b.offset === from)) lo = mid + 1;
    else hi = mid;
  }
  // A range inside one block (a split per block: nearly every map task): its replicas hold the
  // same bytes each, so the order is their names' alone, and no tally is needed.
  const only = fileBlocks[lo];
  if (only !== undefined && from < to && only.offset <= from && to <= only.offset + only.length)
    return sortSmall([...only.replicas], byName);
  const bytes = new Map<string, number>();
  for (let i = lo; i < fileBlocks.length; i++) {
    const b = fileBlocks[i]!;
    if (b.offset > to) break;
    const len = Math.min(to, b.offset + b.length) - Math.max(from, b.offset);
    if (len <= 0 && !(from === to && b.offset === from)) continue;
    for (const n of b.replicas) bytes.set(n, (bytes.get(n) ?? 0) + Math.max(len, 0));
  }
  return sortSmall([...bytes.entries()], (a, b) => b[1] - a[1] || byName(a[0], b[0])).map(([n]) => n);
}
