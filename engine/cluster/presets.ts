/**
 * Named cluster presets and `presetWithNodes(n)`. All are plain ClusterSpec objects, so a lab
 * can copy one and change a field.
 */
import { LIMITS, ValidationError, check, describeValue, formatCount } from '../core';
import type { ClusterSpec } from './clusterSpec';

export const clusterPresets = {
  /** Three modest machines on one rack: what a classroom can reason about node by node. */
  classroom: {
    name: 'classroom',
    node: { cores: 4, memoryMb: 8192, diskMBps: 100 },
    racks: [{ nodes: 3 }],
  },
  /**
   * The cluster of the IoT daily-average example (Cookbook 20.1.2): nine mappers run in
   * parallel and three reducers, so nine nodes on three racks.
   */
  'cookbook-9': {
    name: 'cookbook-9',
    node: { cores: 4, memoryMb: 8192, diskMBps: 100 },
    racks: [{ nodes: 3 }, { nodes: 3 }, { nodes: 3 }],
  },
  /** Two racks of five: the smallest cluster where rack-aware placement shows (Cookbook 19.2.2). */
  'two-racks': {
    name: 'two-racks',
    node: { cores: 8, memoryMb: 16384, diskMBps: 100 },
    racks: [{ nodes: 5 }, { nodes: 5 }],
  },
} satisfies Record<string, ClusterSpec>;

export type PresetName = keyof typeof clusterPresets;

export const presetNames = Object.keys(clusterPresets) as PresetName[];

export function isPresetName(name: unknown): name is PresetName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(clusterPresets, name);
}

/** A deep copy of a preset, or a ValidationError naming `path` and the known names. */
export function preset(name: string, path = 'cluster'): ClusterSpec {
  if (!isPresetName(name)) {
    throw new ValidationError(path, `unknown preset ${describeValue(name)} (known: ${presetNames.join(', ')})`);
  }
  return structuredCloneSpec(clusterPresets[name]);
}

/**
 * `n` identical nodes spread evenly over racks of at most `maxPerRack` (default 20, a typical
 * top-of-rack switch); up to 3 nodes share one rack, 4..maxPerRack nodes get two racks so that
 * rack awareness still shows.
 */
export function presetWithNodes(
  n: number,
  options: { maxPerRack?: number; node?: ClusterSpec['node'] } = {},
): ClusterSpec {
  check.positiveInt('nodes', n);
  if (n > LIMITS.maxNodes)
    throw new ValidationError('nodes', `must be at most ${formatCount(LIMITS.maxNodes)}, got ${formatCount(n)}`);
  const maxPerRack = check.positiveInt('maxPerRack', options.maxPerRack ?? 20);
  const rackCount = n <= 3 ? 1 : Math.max(2, Math.ceil(n / maxPerRack));
  const racks: { nodes: number }[] = [];
  for (let r = 0; r < rackCount; r++) {
    const count = Math.floor(n / rackCount) + (r < n % rackCount ? 1 : 0);
    if (count > 0) racks.push({ nodes: count });
  }
  return {
    name: n === 1 ? '1-node' : `${n}-nodes`,
    node: { cores: 8, memoryMb: 16384, diskMBps: 100, ...options.node },
    racks,
  };
}

function structuredCloneSpec(spec: ClusterSpec): ClusterSpec {
  return JSON.parse(JSON.stringify(spec)) as ClusterSpec;
}
