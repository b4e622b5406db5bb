/**
 * Which Hadoop services a node runs: a DataNode (it stores HDFS block replicas) and a
 * NodeManager (YARN runs containers on it: MapReduce tasks, Spark executors). Every node runs
 * both unless its spec says otherwise, as on a cluster where compute goes to the data (Cookbook
 * 20.2.10); a compute-only node (`['nodemanager']`) holds no blocks, a storage-only one
 * (`['datanode']`) runs no containers.
 */
import { ValidationError, check } from '../core';

export const NODE_ROLES = ['datanode', 'nodemanager'] as const;

/** A service a node runs, by Hadoop's daemon names: the DataNode, the NodeManager. */
export type NodeRole = (typeof NODE_ROLES)[number];

/** What a node runs when its spec does not say: both services. */
export const DEFAULT_ROLES: readonly NodeRole[] = NODE_ROLES;

/** Anything that says which services it runs (a resolved node, a snapshot of one). */
export interface HasRoles {
  readonly roles: readonly NodeRole[];
}

/** The node runs a DataNode: HDFS may place replicas on it. */
export function isDataNode(node: HasRoles): boolean {
  return node.roles.includes('datanode');
}

/** The node runs a NodeManager: YARN may run containers (tasks, executors) on it. */
export function isNodeManager(node: HasRoles): boolean {
  return node.roles.includes('nodemanager');
}

/** Validates a `roles` field: a non-empty list of known roles; returns them once each, in NODE_ROLES order. */
export function resolveRoles(path: string, raw: unknown): NodeRole[] {
  const list = check.array(path, raw);
  if (list.length === 0)
    throw new ValidationError(path, `must list at least one role (${NODE_ROLES.map((r) => `'${r}'`).join(', ')})`);
  const given = list.map((role, i) => check.oneOf(`${path}[${i}]`, role, NODE_ROLES));
  return NODE_ROLES.filter((role) => given.includes(role));
}

/**
 * Refuses a cluster no job could run on: one without a DataNode (HDFS could store nothing) or
 * without a NodeManager (YARN could run nothing). Fewer DataNodes than a file's replication is
 * allowed: its blocks stay under-replicated, as in HDFS.
 */
export function checkClusterRoles(path: string, nodes: readonly HasRoles[]): void {
  for (const [role, daemon, why] of [
    ['datanode', 'DataNode', 'HDFS could store no block'],
    ['nodemanager', 'NodeManager', 'YARN could run no container'],
  ] as const) {
    if (!nodes.some((n) => n.roles.includes(role)))
      throw new ValidationError(
        path,
        `no node runs a ${daemon} (role '${role}'): ${why}; give at least one node that role`,
      );
  }
}
