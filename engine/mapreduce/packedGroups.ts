/**
 * Grouped records packed for crossing a worker boundary: sorted keys, a count per key and the
 * values in key order, as one Float64Array when every value is a number (the common case for
 * counts and measurements), so a million records cost one buffer copy instead of a million clones.
 */
import type { PackedGroups } from '../sandbox/contract/taskRunner';
import { compareKeys, keyId } from '../exec/keyOrder';
import type { ValueRun } from './valueIterable';

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
  return packGroupsSaying(groups, cmp).packed;
}

/** packGroups, also saying whether every value is a number (packed in a Float64Array or not). */
export function packGroupsSaying(
  groups: Group[],
  cmp: ((a: unknown, b: unknown) => number) | null = compareKeys,
): { packed: PackedGroups; allNumbers: boolean } {
  if (cmp !== null) groups.sort((a, b) => cmp(a.key, b.key));
  // Built with push, not stored into a `new Array(n)`: in a sandbox worker, whose Array.prototype
  // is frozen (freezeIntrinsics), V8 stores into an array's holes about 30 times slower.
  const keys: unknown[] = [];
  const counts: number[] = [];
  let total = 0;
  let allNumbers = true;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    keys.push(g.key);
    counts.push(g.values.length);
    total += g.values.length;
    if (allNumbers) {
      const values = g.values;
      for (let j = 0; j < values.length; j++)
        if (typeof values[j] !== 'number') {
          allNumbers = false;
          break;
        }
    }
  }
  // A typed array costs a buffer of its own (allocated, transferred, detached): worth it for many
  // numbers, not for the few of a small task, which clone faster as a plain array.
  if (allNumbers && total >= PACK_AS_BUFFER_FROM) {
    const numbers = new Float64Array(total);
    let at = 0;
    // set() copies an array of numbers in one go (they are all numbers: checked above).
    for (const g of groups) {
      numbers.set(g.values as number[], at);
      at += g.values.length;
    }
    return { packed: { keys, counts, numbers, values: null }, allNumbers };
  }
  const values: unknown[] = [];
  for (const g of groups) for (const v of g.values) values.push(v);
  return { packed: { keys, counts, numbers: null, values }, allNumbers };
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

/** A key's values as runs of the packed parts (no copy): what a reducer walks. */
export interface RunGroup {
  key: unknown;
  runs: ValueRun[];
  /** Values in all its runs. */
  count: number;
}

/**
 * mergePacked without copying a value: each key's values stay where they came, as runs of the
 * parts' arrays in the same order (parts in order, then the order inside each part), so a
 * reducer walks a million numbers without building a million-element array first.
 */
export function mergePackedRuns(
  parts: readonly PackedGroups[],
  cmp: (a: unknown, b: unknown) => number = compareKeys,
): RunGroup[] {
  const byKey = new Map<string | number, RunGroup>();
  for (const p of parts) {
    const src = p.numbers ?? p.values!;
    let at = 0;
    for (let i = 0; i < p.keys.length; i++) {
      const key = p.keys[i];
      const id = keyId(key);
      let g = byKey.get(id);
      if (g === undefined) {
        g = { key, runs: [], count: 0 };
        byKey.set(id, g);
      }
      const n = p.counts[i]!;
      if (n > 0) g.runs.push({ key: g.key, values: src, start: at, count: n });
      g.count += n;
      at += n;
    }
  }
  const groups = [...byKey.values()];
  groups.sort((a, b) => cmp(a.key, b.key));
  return groups;
}

/**
 * One reducer's input from every map, joined into one packed part (in the given order):
 * mergePacked gives the same groups from it as from the parts, and it crosses to the worker as a
 * few arrays instead of one object per map task (27,000 of them for a 1 KB block size).
 */
export function concatPacked(parts: readonly PackedGroups[]): PackedGroups {
  let groups = 0;
  let total = 0;
  let allNumbers = true;
  for (const p of parts) {
    groups += p.keys.length;
    if (p.numbers) total += p.numbers.length;
    else {
      const values = p.values!;
      total += values.length;
      if (allNumbers) for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'number') allNumbers = false;
    }
  }
  const keys = new Array<unknown>(groups);
  const counts = new Array<number>(groups);
  const numbers = allNumbers ? new Float64Array(total) : null;
  const values = allNumbers ? null : new Array<unknown>(total);
  let g = 0;
  let at = 0;
  for (const p of parts) {
    for (let i = 0; i < p.keys.length; i++) {
      keys[g] = p.keys[i];
      counts[g++] = p.counts[i]!;
    }
    const src = p.numbers ?? p.values!;
    if (numbers) {
      if (p.numbers) numbers.set(p.numbers, at);
      else for (let i = 0; i < src.length; i++) numbers[at + i] = src[i] as number;
    } else for (let i = 0; i < src.length; i++) values![at + i] = src[i];
    at += src.length;
  }
  return { keys, counts, numbers, values };
}

/** Transferable buffers of packed groups (for postMessage's transfer list). */
export function packedBuffers(parts: PackedGroups[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const p of parts) if (p.numbers && p.numbers.byteLength > 0) out.push(p.numbers.buffer as ArrayBuffer);
  return out;
}
