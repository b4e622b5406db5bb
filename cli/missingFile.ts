/**
 * When a file the user named does not exist: the files next to it with the same name and another
 * extension (`card-payments.js` → `card-payments.ts`), as a " — did you mean …?" suffix for the error.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';

/** Siblings of `full` with the same base name and another extension, sorted; none when `full` exists. */
export function otherExtensions(full: string): string[] {
  if (existsSync(full)) return [];
  const dir = dirname(full);
  const stem = basename(full, extname(full));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n !== basename(full) && basename(n, extname(n)) === stem && extname(n) !== '').sort();
}

/** ` — did you mean card-payments.ts?` (or `a.ts or a.mjs`), or '' when there is nothing to suggest. */
export function didYouMean(full: string): string {
  const others = otherExtensions(full);
  return others.length === 0 ? '' : ` — did you mean ${others.join(' or ')}?`;
}
