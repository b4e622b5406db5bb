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

/**
 * Why a pack's display text (a name, a title, a hint) cannot be shown as it is, or null: control
 * characters, line separators and invisible format characters (bidirectional overrides that make
 * a text read as another, zero-width spaces); zero-width joiners stay for scripts that need them.
 */
export function packTextProblem(text: string): string | null {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const found = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/u.exec(text);
  if (!found) return null;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `contains the control or invisible character U+${code} at character ${found.index + 1}`;
}

/** Ids a lab or pack may not take: names every JavaScript object already has (`constructor`). */
export function reservedId(id: string): boolean {
  return id in Object.prototype || id === 'prototype';
}

/** The teacher's code of a pack (its data.js) failed, not the learner's: a run's error that names the pack's file. */
export class PackCodeError extends Error {
  override name = 'PackCodeError';
  constructor(
    readonly fileName: string,
    detail: string,
  ) {
    super(`${fileName}: ${detail}`);
  }
}
