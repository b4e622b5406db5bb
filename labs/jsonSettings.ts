/**
 * What every step kind whose learner edits JSON settings shares (hdfs, server): JSON.parse (never
 * eval), and errors that name the line, the column and the field at fault, worded for the learner.
 */
import { jsonErrorLineColumn, jsonPositions, lineColumn } from './jsonPositions';

export class SettingsError extends Error {
  override name = 'SettingsError';
  constructor(
    readonly fileName: string,
    readonly line: number,
    readonly column: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${fileName}:${line}:${column}: ${field ? `${field}: ` : ''}${problem}`);
  }
}

/**
 * A value as the learner wrote it, short: 1e400 (Infinity after JSON.parse) shows as Infinity, not
 * null; a list or an object is named, not printed (it may be huge, or nested beyond any stack).
 */
export const show = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (typeof v === 'object' && v !== null) return 'an object';
  if (typeof v === 'string' && v.length > 60) return `${JSON.stringify(v.slice(0, 60))}...`;
  return JSON.stringify(v);
};

export interface JsonSettingsReader {
  /** The parsed text. */
  raw: unknown;
  /** Throws the settings error for `field` (a path like `server.disks`), at its line. */
  fail(field: string, problem: string): never;
  /** `v` as an object, or the error "must be an object". */
  object(field: string, v: unknown): Record<string, unknown>;
  /** Refuses keys of `o` not in `known` (`at` is the object's path, '' for the root). */
  onlyKnown(at: string, o: Record<string, unknown>, known: readonly string[]): void;
}

/** Parses `text`; `make` builds the step kind's own error (a subclass of SettingsError). */
export function readJsonSettings(
  text: string,
  fileName: string,
  make: (fileName: string, line: number, column: number, field: string, problem: string) => SettingsError,
): JsonSettingsReader {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorLineColumn(text, (error as Error).message);
    const detail = (error as Error).message
      .replace(/\s*(in JSON )?at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '');
    throw make(fileName, line, column, '', `not valid JSON: ${detail}`);
  }
  let positions: Map<string, number>;
  try {
    positions = jsonPositions(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw make(fileName, 1, 1, '', 'nested too deeply: settings are a few levels of objects and lists');
  }
  const fail = (field: string, problem: string): never => {
    const at = positions.get(field) ?? positions.get(field.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) ?? 0;
    const { line, column } = lineColumn(text, at);
    throw make(fileName, line, column, field, problem);
  };
  const object = (field: string, v: unknown): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field, `must be an object, got ${show(v)}`);
    return v as Record<string, unknown>;
  };
  const onlyKnown = (at: string, o: Record<string, unknown>, known: readonly string[]) => {
    for (const key of Object.keys(o))
      if (!known.includes(key)) fail(at ? `${at}.${key}` : key, `unknown field (expected ${known.join(', ')})`);
  };
  return { raw, fail, object, onlyKnown };
}
