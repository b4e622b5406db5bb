/**
 * The node the Kill node / Slow picker starts on: the one holding the most block replicas in the
 * run (the first such in the cluster's order), so a learner who kills "the picked node" takes
 * data down, as the HDFS lessons ask; the second node where the run stored no block. It started on
 * n2 whatever the run held, and hdfs-blocks' starter keeps nothing on n2.
 */
import type { RunEvent } from '../../../engine/api';

export function defaultFaultNode(nodes: readonly { id: string }[], trace: readonly RunEvent[]): string {
  const held = new Map<string, number>();
  for (const e of trace)
    if (e.type === 'blockAllocated') for (const r of e.replicas) held.set(r, (held.get(r) ?? 0) + 1);
  let best: string | null = null;
  for (const n of nodes) if ((held.get(n.id) ?? 0) > (best === null ? 0 : held.get(best)!)) best = n.id;
  return best ?? nodes[1]?.id ?? nodes[0]?.id ?? '';
}
