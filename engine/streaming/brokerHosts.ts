/**
 * Chooses the cluster nodes that run brokers: taken from the racks in turn (n1 from r1, then a
 * node of r2, ...), so consecutive brokers, and with them a partition's replicas, sit on
 * different racks whenever the cluster has more than one.
 */
import { ValidationError } from '../core';
import type { Cluster, ClusterSpec } from '../cluster';
import { resolveClusterSpec } from '../cluster';
import type { BrokerHost } from './types';

function interleave(racks: readonly { id: string; nodes: readonly string[] }[]): BrokerHost[] {
  const out: BrokerHost[] = [];
  let longest = 0;
  for (const r of racks) longest = Math.max(longest, r.nodes.length);
  for (let i = 0; i < longest; i++) {
    for (const r of racks) {
      const node = r.nodes[i];
      if (node !== undefined) out.push({ id: node, rack: r.id });
    }
  }
  return out;
}

/** The first `count` nodes in rack-interleaved order; a ValidationError on `brokers` if there are too few. */
export function brokerHosts(cluster: Cluster, count: number): BrokerHost[] {
  const hosts = interleave(cluster.racks.map((r) => ({ id: r.id, nodes: r.nodes.map((n) => n.id) })));
  if (count > hosts.length)
    throw new ValidationError(
      'brokers',
      `the cluster has only ${hosts.length} ${hosts.length === 1 ? 'node' : 'nodes'}, got ${count}`,
    );
  return hosts.slice(0, count);
}

/** The node ids that will run brokers for a cluster spec (for validating faults before a run). */
export function brokerNodeIds(spec: ClusterSpec, count: number): string[] {
  const resolved = resolveClusterSpec(spec);
  const hosts = interleave(resolved.racks);
  if (count > hosts.length)
    throw new ValidationError('brokers', `the cluster has only ${hosts.length} nodes, got ${count}`);
  return hosts.slice(0, count).map((h) => h.id);
}
