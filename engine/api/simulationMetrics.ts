/**
 * Metrics derived from a trace, so they always agree with what the timeline shows: event
 * counts, failures, re-replication work and how long recovery took, container locality.
 */
import type { SimulationEvent } from './simulationEvents';

export interface SimulationMetrics {
  events: number;
  /** Event counts by type, keys sorted. */
  byType: Record<string, number>;
  /** Time of the last event, ms. */
  lastEventMs: number;
  nodesDied: number;
  dataNodesDeclaredDead: number;
  blocksReplicated: number;
  bytesReplicated: number;
  /** From the first dataNodeDeclaredDead to the last blockReplicated, ms (0 if none). */
  recoveryMs: number;
  blocksMissing: number;
  containers: {
    requested: number;
    allocated: number;
    nodeLocal: number;
    rackLocal: number;
    offSwitch: number;
    completed: number;
    lost: number;
  };
}

export function computeMetrics(events: readonly SimulationEvent[]): SimulationMetrics {
  const counts = new Map<string, number>();
  let bytesReplicated = 0;
  let firstDeclared = -1;
  let lastReplicated = -1;
  const locality = { node: 0, rack: 0, any: 0 };
  for (const e of events) {
    counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    if (e.type === 'blockReplicated') {
      bytesReplicated += e.bytes;
      lastReplicated = e.t;
    } else if (e.type === 'dataNodeDeclaredDead' && firstDeclared < 0) {
      firstDeclared = e.t;
    } else if (e.type === 'containerAllocated') {
      locality[e.locality]++;
    }
  }
  const n = (type: string): number => counts.get(type) ?? 0;
  const byType: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) byType[key] = counts.get(key)!;
  return {
    events: events.length,
    byType,
    lastEventMs: events.length > 0 ? events[events.length - 1]!.t : 0,
    nodesDied: n('nodeDied'),
    dataNodesDeclaredDead: n('dataNodeDeclaredDead'),
    blocksReplicated: n('blockReplicated'),
    bytesReplicated,
    recoveryMs: firstDeclared >= 0 && lastReplicated >= firstDeclared ? lastReplicated - firstDeclared : 0,
    blocksMissing: n('blockMissing'),
    containers: {
      requested: n('containerRequested'),
      allocated: n('containerAllocated'),
      nodeLocal: locality.node,
      rackLocal: locality.rack,
      offSwitch: locality.any,
      completed: n('containerCompleted'),
      lost: n('containerLost'),
    },
  };
}
