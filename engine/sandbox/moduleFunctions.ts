/**
 * A module of functions inside the sandbox (LoadOptions.module): a lab pack's checks or data
 * generators, written by a teacher and untrusted as a learner's code. Its exported functions are
 * called by name with plain data, and what they return goes back as plain, bounded data.
 */
import { JobResultError, JobSpecError } from './contract/jobCodeError';
import { toPlainData, type PlainDataLimits } from './contract/plainData';

/** What a called function may return: a verdict, or a generated dataset's text (up to 64 M characters). */
export const CALL_LIMITS: PlainDataLimits = { maxDepth: 50, maxValues: 1_000_000, maxChars: 64_000_000 };

/** The module's exported functions by name (own, enumerable, in name order), copied once. */
export function exportedFunctions(exported: unknown, fileName: string): Record<string, unknown> {
  const found: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (typeof exported === 'object' && exported !== null)
    for (const name of Object.keys(exported).sort()) {
      if (name === '__esModule' || name === 'default') continue;
      const value = (exported as Record<string, unknown>)[name];
      if (typeof value === 'function') found[name] = value;
    }
  if (Object.keys(found).length === 0)
    throw new JobSpecError(
      fileName,
      'exports no function: export each function by name, e.g. `export function myCheck(run) { ... }`',
    );
  return found;
}

/** Calls `name` with `input` and awaits it; its result as plain data, or an error naming the file. */
export async function callExported(
  functions: Record<string, unknown>,
  name: string,
  input: unknown,
  fileName: string,
): Promise<unknown> {
  const fn = Object.prototype.hasOwnProperty.call(functions, name) ? functions[name] : undefined;
  if (typeof fn !== 'function')
    throw new JobSpecError(
      fileName,
      `exports no function '${name.slice(0, 80)}' (it exports ${Object.keys(functions).join(', ')})`,
    );
  const value: unknown = await (fn as (input: unknown) => unknown)(input);
  const plain = toPlainData(value, 'result', CALL_LIMITS);
  if (plain.ok) return plain.value;
  const where = plain.path === 'result' ? `${name}() returned` : `${name}()'s result holds, at ${plain.path},`;
  throw new JobResultError(
    fileName,
    null,
    `${where} ${plain.problem}: return plain data (numbers, strings, booleans, arrays, objects)`,
  );
}
