/**
 * Why a lab pack was refused, naming the file (inside the pack), its line and column when known,
 * and the field: `my-pack/word-lengths/lab.json:12:7: steps[0].checks[1].type: unknown check type`.
 */
export class PackError extends Error {
  override name = 'PackError';
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    const at = line === null ? file : `${file}:${line}:${column ?? 1}`;
    super(`${at}: ${field ? `${field}: ` : ''}${problem}`);
  }
}
