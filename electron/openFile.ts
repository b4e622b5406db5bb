/**
 * `.clusterlab` files (a teacher's lab pack or a student's exported progress) opened with the
 * app: given on the command line, by a second start (its argv) or by macOS's 'open-file'. The
 * main process reads the file (size-bounded, text only) and sends `{ name, text }` to the page
 * on the OPEN_FILE_CHANNEL; a file that cannot be opened is refused with a message saying
 * which file and why. The page decides what the text is (preloadApi.ts documents the message).
 */
import { basename, extname } from 'node:path';
import { MAX_OPEN_FILE_BYTES, OPEN_FILE_EXTENSION, type OpenedFile } from './preloadApi';

/** The part of node:fs/promises used here; tests pass the real one. */
export interface OpenFileFs {
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(path: string): Promise<Buffer>;
}

export class OpenFileError extends Error {
  override name = 'OpenFileError';
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** At most this many files are opened from one start's arguments; the rest are refused. */
export const MAX_FILES_PER_START = 16;

/** The `.clusterlab` paths among a process's arguments (flags and other files are ignored). */
export function clusterlabPathsInArgv(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && extname(arg).toLowerCase() === OPEN_FILE_EXTENSION);
}

/** The files to open from one start's arguments, and a message for those beyond the limit. */
export function filesToOpen(argv: readonly string[]): { paths: string[]; refused: string | null } {
  const all = clusterlabPathsInArgv(argv);
  const refused =
    all.length > MAX_FILES_PER_START
      ? `${all.length - MAX_FILES_PER_START} of the ${all.length} ${OPEN_FILE_EXTENSION} files given were not opened: ClusterLab opens at most ${MAX_FILES_PER_START} at once.`
      : null;
  return { paths: all.slice(0, MAX_FILES_PER_START), refused };
}

/** Reads one `.clusterlab` file, or throws an OpenFileError naming the file and the reason. */
export async function readOpenedFile(path: string, fs: OpenFileFs): Promise<OpenedFile> {
  const name = basename(path);
  if (extname(path).toLowerCase() !== OPEN_FILE_EXTENSION)
    throw new OpenFileError(`Cannot open '${path}': only ${OPEN_FILE_EXTENSION} files are opened by ClusterLab.`);
  let info: { size: number; isFile(): boolean };
  try {
    info = await fs.stat(path);
  } catch (error) {
    throw new OpenFileError(`Cannot open '${path}': ${reason(error)}.`);
  }
  if (!info.isFile()) throw new OpenFileError(`Cannot open '${path}': it is not a file.`);
  if (info.size > MAX_OPEN_FILE_BYTES)
    throw new OpenFileError(
      `Cannot open '${path}': it is ${megabytes(info.size)}, over the ${megabytes(MAX_OPEN_FILE_BYTES)} limit for ${OPEN_FILE_EXTENSION} files.`,
    );
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    throw new OpenFileError(`Cannot open '${path}': ${reason(error)}.`);
  }
  // The file may have grown between stat and read.
  if (bytes.length > MAX_OPEN_FILE_BYTES)
    throw new OpenFileError(
      `Cannot open '${path}': it is ${megabytes(bytes.length)}, over the ${megabytes(MAX_OPEN_FILE_BYTES)} limit for ${OPEN_FILE_EXTENSION} files.`,
    );
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\0') || text.includes('\uFFFD'))
    throw new OpenFileError(`Cannot open '${path}': it is not UTF-8 text (a ${OPEN_FILE_EXTENSION} file is JSON).`);
  return { name, text };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Where opened files go: the page, once it has loaded; files opened before that wait. */
export interface OpenFileSink {
  send(file: OpenedFile): void;
  refuse(message: string): void;
}

/**
 * Collects files opened before the window is ready and delivers them in order once `ready()`
 * is called; later files go straight through. Reads run one at a time, so order is kept.
 */
export function createOpenFileQueue(
  fs: OpenFileFs,
  sink: OpenFileSink,
): { open(path: string): Promise<void>; ready(): void } {
  const waiting: OpenedFile[] = [];
  let isReady = false;
  let chain: Promise<void> = Promise.resolve();
  return {
    open(path: string) {
      chain = chain.then(async () => {
        try {
          const file = await readOpenedFile(path, fs);
          if (isReady) sink.send(file);
          else waiting.push(file);
        } catch (error) {
          sink.refuse(error instanceof OpenFileError ? error.message : `Cannot open '${path}': ${reason(error)}.`);
        }
      });
      return chain;
    },
    ready() {
      isReady = true;
      chain = chain.then(() => {
        for (const file of waiting.splice(0)) sink.send(file);
      });
    },
  };
}
