/** What a CLI command may use to talk to the terminal; tests pass a recording fake. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The folder relative paths are resolved against. */
  cwd: string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** A command returns its exit code: 0 success, 1 the job or check failed, 2 bad usage or input. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Thrown for bad usage or input; main prints the message and exits 2. The message is shown on one
 * line, its line breaks as ` ⏎ ` (it names files and values the user gave, and a name with a line
 * break must not start a line of its own); `lines` keeps the breaks of a message laid out on
 * several lines, whose learner-given parts are each made one line (oneLine) where it is built.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly lines = false,
  ) {
    super(message);
  }
}
