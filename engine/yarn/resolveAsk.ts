/**
 * Validates an ApplicationMaster's container ask and normalises it the way YARN does: sizes
 * rounded up to the minimum allocation, refused when no node could ever hold them, preferred
 * nodes and racks checked and turned into indexes. Errors name the field (`ask.nodes[1]`).
 */
import { ValidationError, check } from '../core';
import type { Cluster } from '../cluster';
import type { ContainerAsk } from './container';
import type { YarnConfig } from './yarnConfig';

export interface ResolvedAsk {
  vcores: number;
  memoryMb: number;
  nodes: number[] | null;
  racks: number[] | null;
  relax: boolean;
}

export function resolveAsk(
  ask: ContainerAsk,
  cluster: Cluster,
  config: YarnConfig,
  maxVcores: number,
  maxMemoryMb: number,
): ResolvedAsk {
  const a = check.object('ask', ask);
  const min = config.minAllocationMb;
  const vcores = Math.max(
    config.minAllocationVcores,
    a.vcores === undefined ? 1 : check.positiveInt('ask.vcores', a.vcores),
  );
  const rawMb = a.memoryMb === undefined ? min : check.positiveInt('ask.memoryMb', a.memoryMb);
  const memoryMb = Math.ceil(rawMb / min) * min;
  if (vcores > maxVcores)
    throw new ValidationError('ask.vcores', `no node has ${vcores} vcores (largest: ${maxVcores})`);
  if (memoryMb > maxMemoryMb)
    throw new ValidationError('ask.memoryMb', `no node has ${memoryMb} MB (largest: ${maxMemoryMb})`);
  const nodes =
    ask.nodes === undefined || ask.nodes.length === 0
      ? null
      : check.array('ask.nodes', ask.nodes).map((id, i) => cluster.node(String(id), `ask.nodes[${i}]`).index);
  const racks =
    ask.racks === undefined || ask.racks.length === 0
      ? null
      : check.array('ask.racks', ask.racks).map((id, i) => cluster.rack(String(id), `ask.racks[${i}]`).index);
  const relax = ask.relaxLocality === undefined ? true : check.boolean('ask.relaxLocality', ask.relaxLocality);
  return { vcores, memoryMb, nodes, racks, relax };
}
