/** DFS paths: validation, normalisation and the HdfsError that names the path at fault. */
import { ValidationError, describeValue } from '../core';

export type HdfsErrorCode =
  | 'InvalidPath'
  | 'NotFound'
  | 'AlreadyExists'
  | 'NotADirectory'
  | 'IsADirectory'
  | 'NotEmpty'
  | 'BlockMissing'
  | 'InvalidArgument';

/** An HDFS failure; `path` is the DFS path (or block) at fault, `code` says what kind. */
export class HdfsError extends ValidationError {
  override readonly name = 'HdfsError';
  constructor(
    path: string,
    problem: string,
    readonly code: HdfsErrorCode,
  ) {
    super(path, problem);
  }
}

/** ':' (Hadoop reserves it) or an ASCII control character. */
function hasBadChar(part: string): boolean {
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c < 0x20 || c === 0x3a || c === 0x7f) return true;
  }
  return false;
}

/** The last path normalizePath passed, and what it gave: a run asks for one file's path once per task. */
let lastRaw = '';
let lastPath = '';

/** Checks an absolute DFS path and returns it without a trailing slash. */
export function normalizePath(raw: unknown): string {
  if (raw === lastRaw && lastRaw !== '') return lastPath;
  const path = checkedPath(raw);
  lastRaw = raw as string;
  lastPath = path;
  return path;
}

function checkedPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0) {
    throw new HdfsError(String(raw), `a DFS path must be a non-empty string, got ${describeValue(raw)}`, 'InvalidPath');
  }
  if (!raw.startsWith('/')) throw new HdfsError(raw, "a DFS path must be absolute (start with '/')", 'InvalidPath');
  if (raw.length > 4096)
    throw new HdfsError(raw.slice(0, 60), 'a DFS path must be at most 4096 characters', 'InvalidPath');
  if (raw === '/') return raw;
  const path = raw.endsWith('/') ? raw.slice(0, -1) : raw;
  for (const part of path.slice(1).split('/')) {
    if (part === '') throw new HdfsError(raw, "a DFS path must not contain '//'", 'InvalidPath');
    if (part === '.' || part === '..') throw new HdfsError(raw, `a DFS path must not contain '${part}'`, 'InvalidPath');
    if (hasBadChar(part))
      throw new HdfsError(raw, "a DFS path must not contain ':' or control characters", 'InvalidPath');
  }
  return path;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
