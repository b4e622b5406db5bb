/**
 * Hardware presets: the machines of published experiments (docs/calibration/published-figures.md),
 * each with one set of cost parameters calibrated against those experiments (`npm run
 * calibrate`). `hardwareCluster(name, nodes)` lays `nodes` such machines out in racks of the
 * preset's size. The published hardware fixes cores, memory, disks and network; the parameters
 * the sources do not give (CPU cost per record and byte, start-up times, disk rate of the EC2
 * instances) are the calibrated ones, and each says so.
 */
import { LIMITS, ValidationError, check, describeValue, formatCount } from '../core';
import type { ClusterSpec, NetworkSpec, NodeSpec } from './clusterSpec';
import type { CostParams } from './costParams';

export interface HardwarePreset {
  /** What the machines were, and where that is published. */
  description: string;
  node: NodeSpec;
  /** Machines per rack (top-of-rack switch). */
  perRack: number;
  network: NetworkSpec;
  costs: Omit<CostParams, 'dataScale' | 'keyScale'>;
}

const MB_PER_GBIT = 1000 / 8 / 1.048576; // 1 Gbit/s in MB/s (2^20 bytes): 119.2

export const hardwarePresets = {
  /**
   * Amazon EC2 m1.xlarge, 2010-2011, as the Spark RDD paper used it (NSDI 2012, §6: 4 cores,
   * 15 GB; HDFS with 256 MB blocks). EC2 published no disk or network rates and the paper gives
   * none: diskMBps (4 ephemeral disks, about 75 MB/s each) and the 1 Gb/s NIC are calibrated.
   */
  'ec2-m1.xlarge': {
    description: 'Amazon EC2 m1.xlarge (2010): 4 cores, 15 GB RAM, 4 ephemeral disks, 1 Gb/s network',
    node: { cores: 4, memoryMb: 15 * 1024, diskMBps: 300 },
    perRack: 40,
    // EC2 published no topology: one flat 1 Gb/s network.
    network: {
      intraRackMBps: MB_PER_GBIT,
      crossRackMBps: MB_PER_GBIT,
      sameNodeMBps: 2000,
      intraRackLatencyMs: 0.3,
      crossRackLatencyMs: 0.3,
    },
    // Calibrated on the PageRank figures (npm run calibrate): a JVM record through an operator
    // about 0.5 us, a byte parsed or (de)serialised about 4 ns.
    costs: { cpuUsPerRecord: 0.49, cpuNsPerByte: 3.89, containerStartMs: 1000, taskStartMs: 50 },
  },
  /**
   * Yahoo!'s 2008 terabyte-sort cluster (O'Malley, Yahoo! Developer Network, July 2008): 2
   * quad-core Xeons at 2.0 GHz, 4 SATA disks, 8 GB RAM and 1 Gb Ethernet per node; 40 nodes
   * per rack with 8 x 1 Gb uplinks from each rack to the core.
   */
  'yahoo-2008': {
    description: "Yahoo!'s 2008 sort cluster: 2 x quad-core Xeon 2.0 GHz, 4 SATA disks, 8 GB RAM, 1 GbE, 40 per rack",
    node: { cores: 8, memoryMb: 8 * 1024, diskMBps: 4 * 70 },
    perRack: 40,
    network: {
      intraRackMBps: MB_PER_GBIT,
      // 8 x 1 Gb uplinks shared by 40 nodes: 0.2 Gb/s per node across racks.
      crossRackMBps: (8 / 40) * MB_PER_GBIT,
      sameNodeMBps: 2000,
      intraRackLatencyMs: 0.2,
      crossRackLatencyMs: 0.5,
    },
    // Calibrated on the 2008 terabyte sort (npm run calibrate): 3 us per record through an
    // operator on the 2.0 GHz Xeons of 2008, 5 ns per byte.
    costs: { cpuUsPerRecord: 3, cpuNsPerByte: 5, containerStartMs: 1000, taskStartMs: 50 },
  },
} satisfies Record<string, HardwarePreset>;

export type HardwarePresetName = keyof typeof hardwarePresets;

export const hardwarePresetNames = Object.keys(hardwarePresets) as HardwarePresetName[];

/**
 * `nodes` machines of a hardware preset in racks of `perRack` (the last rack takes the rest);
 * `dataScale` real bytes and records per simulated one, `keyScale` real keys per sample key
 * (CostParams).
 */
export function hardwareCluster(name: string, nodes: number, dataScale = 1, keyScale = 1): ClusterSpec {
  if (!Object.prototype.hasOwnProperty.call(hardwarePresets, name))
    throw new ValidationError(
      'hardware',
      `unknown hardware preset ${describeValue(name)} (known: ${hardwarePresetNames.join(', ')})`,
    );
  check.positiveInt('nodes', nodes);
  if (nodes > LIMITS.maxNodes)
    throw new ValidationError('nodes', `must be at most ${formatCount(LIMITS.maxNodes)}, got ${formatCount(nodes)}`);
  const hw: HardwarePreset = hardwarePresets[name as HardwarePresetName];
  const racks: { nodes: number }[] = [];
  for (let left = nodes; left > 0; left -= hw.perRack) racks.push({ nodes: Math.min(hw.perRack, left) });
  return {
    name: `${name} x ${nodes}`,
    node: { ...hw.node },
    racks,
    network: { ...hw.network },
    costs: {
      ...hw.costs,
      dataScale: check.positiveNumber('dataScale', dataScale),
      keyScale: check.positiveNumber('keyScale', keyScale),
    },
  };
}
