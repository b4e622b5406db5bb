/**
 * Runs `timed` (returning a run's CPU ms) until V8 has settled the code it runs: at least
 * `minRuns`, then until 8 runs in a row have not beaten the fastest so far by 3%, at most
 * `maxRuns`. Returns the fastest and how many runs it took. The YARN and scale benchmarks judge
 * their warm figures this way; neither forces a collection before a run (one forced just before
 * slows the next run).
 */
export function untilSettled(timed: () => number, minRuns: number, maxRuns: number): { best: number; runs: number } {
  let best = Number.POSITIVE_INFINITY;
  let stale = 0;
  let runs = 0;
  while (runs < maxRuns && (runs < minRuns || stale < 8)) {
    const cpu = timed();
    runs++;
    if (cpu < best * 0.97) stale = 0;
    else stale++;
    best = Math.min(best, cpu);
  }
  return { best, runs };
}
