/**
 * A map task's output buffer as Hadoop's MapTask.MapOutputBuffer runs it: records collect in a
 * sort buffer of mapreduce.task.io.sort.mb; when it is mapreduce.map.sort.spill.percent full
 * (each record counts its key and value bytes plus 16 bytes of metadata), the buffer is sorted
 * by partition and key, the combiner runs over it, and it is written as a spill. At the end the
 * spills are merged into one sorted output per partition, and the combiner runs again at that
 * merge when there were at least mapreduce.map.combine.minspills spills. So the combiner runs
 * zero or more times on a record, and one that is not associative gives a wrong answer, as on
 * Hadoop.
 */
import { keyId } from '../exec/keyOrder';
import type { KeyComparator } from './keyComparators';
import type { Group } from './packedGroups';

/** MapTask.MapOutputBuffer.METASIZE: 4 ints of accounting per record. */
export const RECORD_META_BYTES = 16;

/** Runs the combiner over one partition's sorted groups; returns its output, sorted. */
export type CombineRun = (groups: Group[]) => Group[];

export interface SpillSettings {
  /** sort.mb × 2^20 × spill.percent: bytes buffered before a spill. */
  softLimit: number;
  /** mapreduce.map.combine.minspills. */
  minSpillsForCombine: number;
}

function recordsOf(groups: readonly Group[]): number {
  let n = 0;
  for (const g of groups) n += g.values.length;
  return n;
}

/** Merges groups of the same key (in the given order) and sorts them. */
export function mergeSorted(lists: readonly (readonly Group[])[], cmp: KeyComparator): Group[] {
  if (lists.length === 1) return [...lists[0]!];
  const byKey = new Map<string | number, Group>();
  for (const list of lists)
    for (const g of list) {
      const id = keyId(g.key);
      const have = byKey.get(id);
      if (have === undefined) byKey.set(id, { key: g.key, values: [...g.values] });
      else for (const v of g.values) have.values.push(v);
    }
  return [...byKey.values()].sort((a, b) => cmp(a.key, b.key));
}

export class MapOutputBuffer {
  private buffer = new Map<string | number, Group & { part: number }>();
  private bytes = 0;
  private readonly spills: Group[][][] = [];
  spilledRecords = 0;
  combineInputRecords = 0;
  combineOutputRecords = 0;

  constructor(
    private readonly partitions: number,
    private readonly cmp: KeyComparator,
    private readonly combine: CombineRun | null,
    private readonly settings: SpillSettings,
  ) {}

  get spillCount(): number {
    return this.spills.length;
  }

  /**
   * Collects one record (`bytes`: its serialized key and value) of partition `part`, a number or
   * the partitioner itself: a pure one (Hadoop's HashPartitioner) is then asked once per key
   * while the key is in the buffer, not once per record (a key's text hashed a million times).
   */
  add(key: unknown, value: unknown, part: number | ((key: unknown) => number), bytes: number): void {
    const id = typeof key === 'string' || typeof key === 'number' ? key : keyId(key);
    let g = this.buffer.get(id);
    if (g === undefined) {
      g = { key, part: typeof part === 'number' ? part : part(key), values: [] };
      this.buffer.set(id, g);
    }
    g.values.push(value);
    this.bytes += bytes + RECORD_META_BYTES;
    if (this.bytes >= this.settings.softLimit) this.spill();
  }

  private runCombiner(groups: Group[]): Group[] {
    if (!this.combine || groups.length === 0) return groups;
    this.combineInputRecords += recordsOf(groups);
    const out = this.combine(groups);
    this.combineOutputRecords += recordsOf(out);
    return out;
  }

  /** sortAndSpill: sort the buffer by partition and key, combine, write a spill. */
  private spill(): void {
    // A loop, not Array.from({ length }, ...): that took about 220 ns a call, once per spill of every map task.
    const parts: Group[][] = [];
    for (let p = 0; p < this.partitions; p++) parts.push([]);
    for (const g of this.buffer.values()) parts[g.part]!.push({ key: g.key, values: g.values });
    this.buffer = new Map();
    this.bytes = 0;
    const spill = parts.map((p) => this.runCombiner(p.sort((a, b) => this.cmp(a.key, b.key))));
    for (const p of spill) this.spilledRecords += recordsOf(p);
    this.spills.push(spill);
  }

  /** flush and mergeParts: the map's final output, one sorted list of groups per partition. */
  finish(): Group[][] {
    if (this.buffer.size > 0 || this.spills.length === 0) this.spill();
    if (this.spills.length === 1) return this.spills[0]!;
    const combineAgain = this.spills.length >= this.settings.minSpillsForCombine;
    const merged = Array.from({ length: this.partitions }, (_, p) => {
      const groups = mergeSorted(
        this.spills.map((s) => s[p]!),
        this.cmp,
      );
      return combineAgain ? this.runCombiner(groups) : groups;
    });
    for (const p of merged) this.spilledRecords += recordsOf(p);
    return merged;
  }
}
