/** Lookups in lists sorted by time, shared by the streaming run's view and its queries. */

/** How many items of `sorted` (by `at`) are at or before `t`. */
export function countUpTo<T>(sorted: readonly T[], t: number, at: (x: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(sorted[mid]!) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const num = (x: number) => x;
const byT = (x: { t: number }) => x.t;

/** The last item of `sorted` (by t) at or before `t`, or undefined. */
export function latest<T extends { t: number }>(sorted: readonly T[], t: number): T | undefined {
  const n = countUpTo(sorted, t, byT);
  return n > 0 ? sorted[n - 1] : undefined;
}
