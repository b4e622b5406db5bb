/**
 * Grouped records packed for crossing a worker boundary: sorted keys, a count per key and the
 * values in key order, as one Float64Array when every value is a number (the common case for
 * counts and measurements), so a million records cost one buffer copy instead of a million clones.
 */
import type { PackedGroups } from '../sandbox/contract/taskRunner';
import { compareKeys, keyId } from '../exec/keyOrder';

export interface Group {
  key: unknown;
  values: unknown[];
}

/** Values packed as one Float64Array from this many numbers on. */
export const PACK_AS_BUFFER_FROM = 256;

/** Sorts groups by key (unless `cmp` is null: already sorted) and packs them. */
export function packGroups(
  groups: Group[],
  cmp: ((a: unknown, b: unknown) => number) | null = compareKeys,
): PackedGroups {
  if (cmp !== null) groups.sort((a, b) => cmp(a.key, b.key));
  const keys = new Array<unknown>(groups.length);
  const counts = new Array<number>(groups.length);
  let total = 0;
  let allNumbers = true;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    keys[i] = g.key;
    counts[i] = g.values.length;
    total += g.values.length;
    if (allNumbers) for (const v of g.values) if (typeof v !== 'number') allNumbers = false;
  }
  // A typed array costs a buffer of its own (allocated, transferred, detached): worth it for many
  // numbers, not for the few of a small task, which clone faster as a plain array.
  if (allNumbers && total >= PACK_AS_BUFFER_FROM) {
    const numbers = new Float64Array(total);
    let at = 0;
    for (const g of groups) for (const v of g.values) numbers[at++] = v as number;
    return { keys, counts, numbers, values: null };
  }
  const values = new Array<unknown>(total);
  let at = 0;
  for (const g of groups) for (const v of g.values) values[at++] = v;
  return { keys, counts, numbers: null, values };
}

export function packedRecordCount(p: PackedGroups): number {
  let n = 0;
  for (const c of p.counts) n += c;
  return n;
}

/**
 * Merges packed groups (in the given order) into one group per key, sorted by `cmp` (stable:
 * keys it calls equal keep the order they first appear in). Values of a key keep the order of
 * the parts, then the order inside each part: deterministic, and the same order a
 * single-threaded pass over the input would see.
 */
export function mergePacked(parts: PackedGroups[], cmp: (a: unknown, b: unknown) => number = compareKeys): Group[] {
  const byKey = new Map<string | number, Group>();
  for (const p of parts) {
    let at = 0;
    for (let i = 0; i < p.keys.length; i++) {
      const key = p.keys[i];
      const id = keyId(key);
      let g = byKey.get(id);
      if (g === undefined) {
        g = { key, values: [] };
        byKey.set(id, g);
      }
      const n = p.counts[i]!;
      const src = p.numbers ?? p.values!;
      for (let j = 0; j < n; j++) g.values.push(src[at + j]);
      at += n;
    }
  }
  const groups = [...byKey.values()];
  groups.sort((a, b) => cmp(a.key, b.key));
  return groups;
}

/** Transferable buffers of packed groups (for postMessage's transfer list). */
export function packedBuffers(parts: PackedGroups[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const p of parts) if (p.numbers && p.numbers.byteLength > 0) out.push(p.numbers.buffer as ArrayBuffer);
  return out;
}
