/**
 * The error every engine layer throws for bad input: it names the field, path or command at
 * fault (`cluster.racks[0].nodes[2].cores: must be a positive integer, got -1`), so a learner or
 * a lab author sees what to fix instead of a crash deep inside.
 */
export class ValidationError extends Error {
  override readonly name: string = 'ValidationError';
  constructor(
    /** The field path or DFS path at fault, e.g. `cluster.racks[0].nodes[2].cores`. */
    readonly path: string,
    /** What is wrong, without the path. */
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** Formats a value for an error message, short and JSON-like. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Small checkers used by spec validators; each throws a ValidationError naming `path`. */
export const check = {
  positiveInt(path: string, value: unknown): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new ValidationError(path, `must be a positive integer, got ${describeValue(value)}`);
    }
    return value;
  },
  nonNegativeInt(path: string, value: unknown): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new ValidationError(path, `must be an integer >= 0, got ${describeValue(value)}`);
    }
    return value;
  },
  positiveNumber(path: string, value: unknown): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new ValidationError(path, `must be a positive number, got ${describeValue(value)}`);
    }
    return value;
  },
  nonNegativeNumber(path: string, value: unknown): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new ValidationError(path, `must be a number >= 0, got ${describeValue(value)}`);
    }
    return value;
  },
  object(path: string, value: unknown): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ValidationError(path, `must be an object, got ${describeValue(value)}`);
    }
    return value as Record<string, unknown>;
  },
  array(path: string, value: unknown): unknown[] {
    if (!Array.isArray(value)) throw new ValidationError(path, `must be an array, got ${describeValue(value)}`);
    return value;
  },
  string(path: string, value: unknown): string {
    if (typeof value !== 'string' || value.length === 0) {
      throw new ValidationError(path, `must be a non-empty string, got ${describeValue(value)}`);
    }
    return value;
  },
  boolean(path: string, value: unknown): boolean {
    if (typeof value !== 'boolean')
      throw new ValidationError(path, `must be true or false, got ${describeValue(value)}`);
    return value;
  },
  oneOf<T extends string>(path: string, value: unknown, options: readonly T[]): T {
    if (typeof value !== 'string' || !options.includes(value as T)) {
      throw new ValidationError(
        path,
        `must be one of ${options.map((o) => `'${o}'`).join(', ')}, got ${describeValue(value)}`,
      );
    }
    return value as T;
  },
  /** Rejects keys not in `known`, so a typo like `replicaton` is reported instead of ignored. */
  knownKeys(path: string, value: Record<string, unknown>, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        throw new ValidationError(`${path}.${key}`, `unknown field (expected one of ${known.join(', ')})`);
      }
    }
  },
};
