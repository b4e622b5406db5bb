/**
 * Writes a file the user named (`export --out`, `pack build --out`) without ever following a
 * symbolic link: `--force` replaces a file, never the file a link points to (a link named like
 * the hand-in could otherwise make the command overwrite anything the user may write).
 */
import { closeSync, constants, lstatSync, openSync, writeFileSync } from 'node:fs';
import { UsageError } from './cliIo';

/** Why `file` may not be written (a link, or something other than a file), or null (absent, or a plain file). */
export function notWritable(file: string, shown: string): string | null {
  let info;
  try {
    info = lstatSync(file);
  } catch {
    return null;
  }
  if (info.isSymbolicLink()) return `${shown} is a symbolic link: it is not written through (choose another --out)`;
  if (!info.isFile()) return `${shown} exists and is not a file (choose another --out)`;
  return null;
}

/**
 * Writes `data` to `file`: a new file, or with `force` over a plain file. A link (even one made
 * after the check: the open refuses it, O_NOFOLLOW) or anything but a file is a UsageError;
 * `exists` is the error for a file that exists without `force`.
 */
export function writeFileNoFollow(
  file: string,
  data: string | Uint8Array,
  options: { force: boolean; shown: string; exists: () => Error },
): void {
  const problem = notWritable(file, options.shown);
  if (problem) throw new UsageError(problem);
  const { O_WRONLY, O_CREAT, O_TRUNC, O_EXCL, O_NOFOLLOW } = constants;
  // O_NOFOLLOW is not defined on Windows, where lstat above is the check.
  const flags = O_WRONLY | O_CREAT | (options.force ? O_TRUNC : O_EXCL) | (O_NOFOLLOW ?? 0);
  try {
    const fd = openSync(file, flags, 0o666);
    try {
      writeFileSync(fd, data);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EEXIST') throw options.exists();
    if (code === 'ELOOP')
      throw new UsageError(notWritable(file, options.shown) ?? `${options.shown} is a symbolic link`);
    if (code === 'EISDIR') throw new UsageError(`${options.shown} exists and is not a file (choose another --out)`);
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new UsageError(
        `cannot write ${options.shown}: its folder does not exist (create it, or choose another --out)`,
      );
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new UsageError(`cannot write ${options.shown}: not allowed there (choose another --out)`);
    throw new UsageError(`cannot write ${options.shown} (${String(code ?? 'write error')})`);
  }
}
