/**
 * One reducer's input with every key's groups joined into one, before it crosses to the worker.
 * The input is each map task's partition in task order, so a word found by 9,000 map tasks is
 * 9,000 groups of one key; the reducer's merge (mergePackedRuns) joins groups whose keys have the
 * same `keyId`, keeps the first one's key and walks the values in the order the groups came. Joined
 * here by the same rule, in the same order, the reducer sees exactly the same groups, keys and
 * values (its Iterable, getCurrentKey and counters included), and the message carries each key
 * once: the word count at 256-byte blocks sent 260,000 keys to two reducers, where a few thousand
 * are distinct, and cloning those strings (twice: out of the engine, into the worker) was a
 * tenth of the run.
 */
import { keyId } from '../exec/keyOrder';
import type { PackedGroups } from '../sandbox/contract/taskRunner';

export function joinEqualKeys(p: PackedGroups): PackedGroups {
  const n = p.keys.length;
  const ids = new Map<string | number, number>();
  // Per group: the joined group it goes to (numbered by first appearance).
  const into = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = keyId(p.keys[i]);
    let j = ids.get(id);
    if (j === undefined) {
      j = ids.size;
      ids.set(id, j);
    }
    into[i] = j;
  }
  const joined = ids.size;
  if (joined === n) return p;
  const keys = new Array<unknown>(joined);
  const sums = new Float64Array(joined);
  const seen = new Uint8Array(joined);
  for (let i = 0; i < n; i++) {
    const j = into[i]!;
    if (seen[j] === 0) {
      seen[j] = 1;
      keys[j] = p.keys[i];
    }
    sums[j] = sums[j]! + p.counts[i]!;
  }
  // Where each joined group's values start, then its values in the order they came.
  const next = new Float64Array(joined);
  for (let j = 1; j < joined; j++) next[j] = next[j - 1]! + sums[j - 1]!;
  const src: ArrayLike<unknown> = p.numbers ?? p.values!;
  const numbers = p.numbers !== null ? new Float64Array(src.length) : null;
  const values = p.numbers !== null ? null : new Array<unknown>(src.length);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const c = p.counts[i]!;
    let to = next[into[i]!]!;
    if (numbers !== null) for (let k = 0; k < c; k++) numbers[to++] = p.numbers![at + k]!;
    else for (let k = 0; k < c; k++) values![to++] = src[at + k];
    next[into[i]!] = to;
    at += c;
  }
  return { keys, counts: Array.from(sums), numbers, values };
}
