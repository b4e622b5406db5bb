/**
 * Partition assignment strategies of a consumer group. Both are pure and deterministic: members
 * are sorted by id, so the same members always get the same partitions.
 */
import type { AssignmentStrategy } from './types';

/** Member id -> partitions it owns (ascending). Every partition goes to exactly one member. */
export type Assignment = Map<string, number[]>;

function sortedMembers(members: readonly string[]): string[] {
  return [...members].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Kafka's RangeAssignor: contiguous ranges, the first members get one extra when it does not divide. */
export function rangeAssign(members: readonly string[], partitions: number): Assignment {
  const sorted = sortedMembers(members);
  const out: Assignment = new Map();
  const n = sorted.length;
  if (n === 0) return out;
  const per = Math.floor(partitions / n);
  const extra = partitions % n;
  let next = 0;
  sorted.forEach((m, i) => {
    const count = per + (i < extra ? 1 : 0);
    const owned: number[] = [];
    for (let k = 0; k < count; k++) owned.push(next++);
    out.set(m, owned);
  });
  return out;
}

/** Kafka's RoundRobinAssignor: partition p goes to member p mod n. */
export function roundRobinAssign(members: readonly string[], partitions: number): Assignment {
  const sorted = sortedMembers(members);
  const out: Assignment = new Map();
  if (sorted.length === 0) return out;
  for (const m of sorted) out.set(m, []);
  for (let p = 0; p < partitions; p++) out.get(sorted[p % sorted.length]!)!.push(p);
  return out;
}

export function assign(strategy: AssignmentStrategy, members: readonly string[], partitions: number): Assignment {
  return strategy === 'range' ? rangeAssign(members, partitions) : roundRobinAssign(members, partitions);
}
