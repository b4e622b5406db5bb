/**
 * Map outputs lost with their node (Hadoop's fetch failures): a reducer that cannot fetch a
 * map's output reports it, the map runs again and the reducer's attempt is killed (it is asked
 * for again once every map output is back).
 */
import type { MrAppMaster } from './mrAppMaster';
import { killAttempt } from './mrAttempts';
import type { MrAttempt, MrTask } from './mrTypes';

/** Reducers fetching from `nodes` fail: the maps whose output lived there run again. */
export function fetchesFailed(am: MrAppMaster, nodes: readonly string[]): void {
  if (am.done) return;
  for (const r of am.reduces) {
    for (const a of [...r.running]) {
      if (a.phase !== 'working') continue;
      const lost = [...a.unfetched!]
        .map((i) => am.maps[i]!)
        .filter((m) => m.outputNode !== null && nodes.includes(m.outputNode));
      if (lost.length > 0) lostMapOutputs(am, lost, a, `fetch from ${lost[0]!.outputNode} failed`);
    }
  }
}

/** The outputs of the maps `lost` are gone: each map runs again, and `reducer` is killed. */
export function lostMapOutputs(am: MrAppMaster, lost: MrTask[], reducer: MrAttempt, reason: string): void {
  for (const m of lost) {
    if (m.outputNode === null) continue;
    if (am.ctx.tracing)
      am.ctx.trace.record({
        t: am.ctx.kernel.now,
        type: 'mapOutputLost',
        job: am.job,
        task: m.id,
        node: m.outputNode,
        reason,
      });
    m.outputNode = null;
    am.mapOutputsHeld--;
    m.done = false;
    am.speculation?.map.undone(m);
    am.mapsRerun++;
    if (m.running.length === 0 && m.requested === 0) am.request(m, false);
  }
  killAttempt(am, reducer, reason);
}
