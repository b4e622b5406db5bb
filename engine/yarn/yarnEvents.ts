/** Trace events of YARN, named in the past tense. Containers and requests are numbered ids. */
import { eventTypes } from '../core';
import type { ContainerEndStatus, Locality } from './container';

export type YarnEvent =
  | { t: number; type: 'applicationSubmitted'; app: string; name: string; queue: string }
  | { t: number; type: 'applicationFinished'; app: string; status: 'succeeded' | 'failed' | 'killed' }
  | {
      t: number;
      type: 'containerRequested';
      app: string;
      request: number;
      vcores: number;
      memoryMb: number;
      nodes: string[];
      racks: string[];
      relaxLocality: boolean;
      /** The node label asked for; absent for the default partition. */
      nodeLabel?: string;
    }
  | {
      t: number;
      type: 'containerAllocated';
      container: number;
      app: string;
      request: number;
      node: string;
      vcores: number;
      memoryMb: number;
      locality: Locality;
    }
  | { t: number; type: 'containerLaunched'; container: number; app: string; node: string }
  | { t: number; type: 'containerCompleted'; container: number; app: string; node: string; status: ContainerEndStatus }
  | { t: number; type: 'containerReleased'; container: number; app: string; node: string }
  | { t: number; type: 'containerLost'; container: number; app: string; node: string }
  | { t: number; type: 'nodeManagerLost'; node: string; containers: number }
  | { t: number; type: 'nodeManagerRejoined'; node: string };

/** Every YarnEvent type (checked when compiled), for isTracing. */
export const YARN_EVENT_TYPES = eventTypes<YarnEvent['type']>()([
  'applicationSubmitted',
  'applicationFinished',
  'containerRequested',
  'containerAllocated',
  'containerLaunched',
  'containerCompleted',
  'containerReleased',
  'containerLost',
  'nodeManagerLost',
  'nodeManagerRejoined',
]);
