/** A job text that does not compile; names the file and line. */
export class JobCompileError extends Error {
  override name = 'JobCompileError';
  constructor(
    readonly fileName: string,
    readonly line: number | null,
    readonly detail: string,
    /** The error's name as the message shows it (an import of a module there is not: `Error`, as Node says). */
    readonly errorName = 'SyntaxError',
  ) {
    super(`${fileName}${line === null ? '' : `:${line}`}: ${errorName}: ${detail}`);
  }
}
