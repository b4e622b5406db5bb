/**
 * The CLI's copy of a batch of map outputs, made smaller before the pool reads it: a map task's
 * partition of fewer than PACK_AS_BUFFER_FROM values comes as a plain array (engine/mapreduce/
 * packedGroups.ts: for a Web Worker's transfer, a buffer per partition costs more than it saves),
 * and every number in it is a heap object of its own in this process. A 1 KB block size holds
 * 33,000 map outputs until the job ends, a million such numbers: here the partitions whose values
 * are all numbers take them as views of one Float64Array per batch instead (the same values,
 * -0 and NaN included; what the pool checks and uses reads either form alike). Anything else is
 * left as it came, for the pool's checks to judge (sandboxReplyValidation.ts).
 */
import { PACK_AS_BUFFER_FROM } from '../engine/mapreduce';

interface SmallPart {
  numbers: unknown;
  values: unknown;
  counts: unknown;
}

/** The records `counts` says a partition holds (the sum of its group sizes), or -1 when it is not a list of numbers. */
function recordsOf(counts: unknown): number {
  if (!Array.isArray(counts)) return -1;
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    const n: unknown = counts[i];
    if (typeof n !== 'number') return -1;
    sum += n;
  }
  return sum;
}

/** The partitions of `post` (a worker's batch of replies) whose values can become numbers. */
function smallNumberParts(post: unknown): SmallPart[] {
  const found: SmallPart[] = [];
  // A reply may name one partition object twice (a structured clone keeps that): it is packed once.
  const seen = new Set<SmallPart>();
  const batch = post as { type?: unknown; replies?: unknown } | null;
  if (typeof batch !== 'object' || batch === null || batch.type !== 'batch' || !Array.isArray(batch.replies))
    return found;
  for (const reply of batch.replies as unknown[]) {
    const r = reply as { type?: unknown; output?: { partitions?: unknown } | null } | null;
    if (typeof r !== 'object' || r === null || r.type !== 'mapDone') continue;
    const partitions = typeof r.output === 'object' && r.output !== null ? r.output.partitions : null;
    if (!Array.isArray(partitions)) continue;
    for (const part of partitions as unknown[]) {
      const p = part as SmallPart | null;
      if (typeof p !== 'object' || p === null || p.numbers !== null || !Array.isArray(p.values)) continue;
      const values = p.values as unknown[];
      if (values.length === 0 || values.length >= PACK_AS_BUFFER_FROM || seen.has(p)) continue;
      // Values that do not match the group sizes stay as they came: the checks say so of `.values`.
      if (recordsOf(p.counts) !== values.length) continue;
      let numbers = true;
      for (let i = 0; i < values.length && numbers; i++) numbers = typeof values[i] === 'number';
      if (numbers) {
        seen.add(p);
        found.push(p);
      }
    }
  }
  return found;
}

/** Packs the small all-number partitions of a batch post into one Float64Array, in place. */
export function packBatchNumbers(post: unknown): void {
  const parts = smallNumberParts(post);
  if (parts.length === 0) return;
  let total = 0;
  for (const p of parts) total += (p.values as number[]).length;
  const all = new Float64Array(total);
  let at = 0;
  for (const p of parts) {
    const values = p.values as number[];
    all.set(values, at);
    p.numbers = all.subarray(at, at + values.length);
    p.values = null;
    at += values.length;
  }
}
