/**
 * What one can buy for a SQL server (Cookbook 13.3.3) and for scaling it out (13.3.4): disks,
 * memory, processors, network cards, storage area networks, each with the figure the model uses
 * and a price in US dollars. Device figures are from the vendors' datasheets; prices are
 * single-unit list or street prices of 2023-24, rounded. The biggest choice of each kind is the
 * ceiling: a 2U server holds at most 24 drives, two sockets and 4 TB of memory in this catalogue.
 */

export type DiskId = 'hdd-7200' | 'sata-ssd' | 'nvme-ssd';
export type CpuId = 'xeon-e-2334' | 'xeon-silver-4314' | 'xeon-gold-6338' | '2x-xeon-platinum-8380';
export type NicId = '1gbe' | '10gbe' | '25gbe' | '100gbe';
export type SanId = 'san-midrange' | 'san-highend';

export interface DiskModel {
  id: DiskId;
  name: string;
  /** Sequential read, MB/s (10^6 bytes). */
  readMBps: number;
  capacityGB: number;
  priceUsd: number;
}

export interface CpuModel {
  id: CpuId;
  name: string;
  cores: number;
  /** Base clock, GHz. */
  ghz: number;
  /** Peak memory bandwidth, GB/s: channels x DDR4 transfer rate x 8 bytes. */
  memoryGBps: number;
  /** The most memory the platform takes, GB. */
  maxRamGB: number;
  priceUsd: number;
}

export interface NicModel {
  id: NicId;
  name: string;
  /** Line rate, MB/s. */
  MBps: number;
  priceUsd: number;
}

export interface SanModel {
  id: SanId;
  name: string;
  /** What the array reads for all attached servers together, MB/s. */
  readMBps: number;
  /** What it writes, MB/s (the refresh loads through it). */
  writeMBps: number;
  priceUsd: number;
}

/**
 * Seagate Exos X16 16 TB datasheet: 261 MB/s max. sustained transfer; Samsung PM893 3.84 TB
 * (SATA 6 Gb/s): 550 MB/s sequential read; Samsung PM9A3 7.68 TB (U.2, PCIe 4.0 x4 NVMe): up to 6,500 MB/s (Samsung's announcement, May 2020).
 */
export const DISKS: Record<DiskId, DiskModel> = {
  'hdd-7200': { id: 'hdd-7200', name: '7,200 rpm HDD 16 TB', readMBps: 261, capacityGB: 16_000, priceUsd: 300 },
  'sata-ssd': { id: 'sata-ssd', name: 'SATA SSD 3.84 TB', readMBps: 550, capacityGB: 3_840, priceUsd: 420 },
  'nvme-ssd': { id: 'nvme-ssd', name: 'NVMe PCIe 4 SSD 7.68 TB', readMBps: 6_500, capacityGB: 7_680, priceUsd: 1_100 },
};

/**
 * Intel ARK: Xeon E-2334 4 cores 3.4 GHz, 2 channels DDR4-3200, 128 GB max; Silver 4314 16 cores
 * 2.4 GHz, 8 channels DDR4-2666, 6 TB; Gold 6338 32 cores 2.0 GHz, 8 channels DDR4-3200, 6 TB;
 * Platinum 8380 40 cores 2.3 GHz, 8 channels DDR4-3200 (two sockets: 80 cores, 16 channels).
 * Prices are Intel's recommended customer prices.
 */
export const CPUS: Record<CpuId, CpuModel> = {
  'xeon-e-2334': {
    id: 'xeon-e-2334',
    name: 'Xeon E-2334 (4 cores, 3.4 GHz)',
    cores: 4,
    ghz: 3.4,
    memoryGBps: 51.2,
    maxRamGB: 128,
    priceUsd: 250,
  },
  'xeon-silver-4314': {
    id: 'xeon-silver-4314',
    name: 'Xeon Silver 4314 (16 cores, 2.4 GHz)',
    cores: 16,
    ghz: 2.4,
    memoryGBps: 170.6,
    maxRamGB: 4_096,
    priceUsd: 1_100,
  },
  'xeon-gold-6338': {
    id: 'xeon-gold-6338',
    name: 'Xeon Gold 6338 (32 cores, 2.0 GHz)',
    cores: 32,
    ghz: 2.0,
    memoryGBps: 204.8,
    maxRamGB: 4_096,
    priceUsd: 2_700,
  },
  '2x-xeon-platinum-8380': {
    id: '2x-xeon-platinum-8380',
    name: '2 x Xeon Platinum 8380 (80 cores, 2.3 GHz)',
    cores: 80,
    ghz: 2.3,
    memoryGBps: 409.6,
    maxRamGB: 4_096,
    priceUsd: 17_300,
  },
};

/** Registered DDR4 server memory, about $4 per GB; the sizes one can fit. */
export const RAM_SIZES_GB = [32, 64, 128, 256, 512, 1024, 2048, 4096] as const;
export const RAM_USD_PER_GB = 4;

/**
 * Ethernet line rates (IEEE 802.3: 1, 10, 25, 100 Gb/s; MB/s = Gb/s x 125). The 1 GbE port is on
 * the board; the others are cards: Intel X710, NVIDIA ConnectX-4 Lx, ConnectX-6 Dx.
 */
export const NICS: Record<NicId, NicModel> = {
  '1gbe': { id: '1gbe', name: '1 GbE (on board)', MBps: 125, priceUsd: 0 },
  '10gbe': { id: '10gbe', name: '10 GbE card', MBps: 1_250, priceUsd: 350 },
  '25gbe': { id: '25gbe', name: '25 GbE card', MBps: 3_125, priceUsd: 450 },
  '100gbe': { id: '100gbe', name: '100 GbE card', MBps: 12_500, priceUsd: 1_200 },
};

/**
 * Two classes of all-flash Fibre Channel arrays, with the throughput their vendors quote for such
 * a class and a price with its shelves; each attached server needs a dual-port 32GFC host bus
 * adapter (2 x 3,200 MB/s, the 32GFC line rate).
 */
export const SANS: Record<SanId, SanModel> = {
  'san-midrange': {
    id: 'san-midrange',
    name: 'midrange all-flash SAN',
    readMBps: 12_000,
    writeMBps: 4_000,
    priceUsd: 90_000,
  },
  'san-highend': {
    id: 'san-highend',
    name: 'high-end all-flash SAN',
    readMBps: 40_000,
    writeMBps: 12_000,
    priceUsd: 300_000,
  },
};
export const HBA = { name: 'dual-port 32GFC HBA', MBps: 6_400, priceUsd: 2_000 } as const;

/** A 2U two-socket server without processors, memory, data disks or cards (board, power, boot drives). */
export const CHASSIS_USD = 3_000;
/** Drive bays of the chassis; disks are mirrored in pairs (RAID 10), so 2 to 24, even. */
export const MAX_DISKS = 24;
/** Up to eight SQL servers attached to one SAN (Cookbook 13.3.4). */
export const MAX_SAN_SERVERS = 8;
/** A Hadoop cluster needs at least five servers to work properly (Cookbook 13.3.5). */
export const MIN_HADOOP_NODES = 5;
export const MAX_HADOOP_NODES = 100;

export const DISK_IDS = Object.keys(DISKS) as DiskId[];
export const CPU_IDS = Object.keys(CPUS) as CpuId[];
export const NIC_IDS = Object.keys(NICS) as NicId[];
export const SAN_IDS = Object.keys(SANS) as SanId[];
