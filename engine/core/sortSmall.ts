/**
 * Sorts `a` in place, as `a.sort(cmp)` does (stable, the same order for the same comparator), by
 * insertion when it is short: Array.prototype.sort allocates a work array on every call, which for
 * the two or three replicas of a block, asked about for each of 33,000 map tasks, is most of what
 * it costs and megabytes of garbage.
 */
export function sortSmall<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  if (a.length > 16) return a.sort(cmp);
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(a[j]!, x) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
  return a;
}
