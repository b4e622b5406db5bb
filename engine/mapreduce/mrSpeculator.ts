/**
 * MapReduce's speculative execution (Hadoop's speculator, simplified): when a task finishes, a
 * lone attempt of a sibling task due to end later than a fresh copy would gets a copy.
 */
import type { MrAppMaster } from './mrAppMaster';
import type { MrTask } from './mrTypes';

/** Asks for a speculative copy of each straggler among `tasks` (all maps or all reduces). */
export function speculate(am: MrAppMaster, tasks: MrTask[]): void {
  const now = am.ctx.kernel.now;
  const took = tasks.filter((t) => t.winner !== null).map((t) => t.winner!.record.end - t.winner!.record.start);
  if (took.length === 0 || tasks.some((t) => !t.done && t.running.length === 0)) return;
  const mean = took.reduce((s, x) => s + x, 0) / took.length;
  for (const t of tasks) {
    if (t.done || t.running.length !== 1 || t.requested > 0) continue;
    const a = t.running[0]!;
    if (a.record.speculative || a.workEnd - now <= mean) continue;
    am.request(t, true);
  }
}
