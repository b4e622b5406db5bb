/**
 * One SQL server's ETL of a share of the stored rows (Cookbook 13.3.2): extract the rows from
 * storage (what the buffer pool does not hold is read from the disks), transform them (parse,
 * filter, then sort by timestamp: n log n comparisons), load the result over the network to the
 * analytics UI. The phases are pipelined, so the slowest resource bounds the time: each
 * resource's own time is reported, and the largest is the bound.
 */

export type Resource = 'disk' | 'memory' | 'cpu' | 'network';
export const RESOURCES: readonly Resource[] = ['disk', 'memory', 'cpu', 'network'];

/** Seconds each resource needs for the whole job. */
export type ResourceTimes = Record<Resource, number>;

/** A stored row of sensor readings: id, device, timestamp, a few values. */
export const ROW_BYTES = 100;
/** Cycles to extract, parse and filter one row (the engine's row cost, not a vendor figure). */
export const ROW_CYCLES = 1_000;
/** Cycles per comparison of the sort by timestamp; a row takes part in log2(rows) of them. */
export const SORT_CYCLES = 20;
/** Share of the input the transform hands to the UI (the analytics' rows and columns). */
export const RESULT_SHARE = 0.1;
/** Share of the memory the database's buffer pool gets (the rest: the OS, plans, sort space). */
export const CACHE_SHARE = 0.75;
/** Passes over the data in memory: into the buffer pool, the sort, out to the network buffers. */
export const MEMORY_PASSES = 3;

export interface EtlResources {
  /** Read throughput of the storage this server reads from, MB/s. */
  readMBps: number;
  /** Memory, GB (its buffer pool caches rows). */
  ramGB: number;
  memoryGBps: number;
  /** cores x GHz x 1e9. */
  cyclesPerSecond: number;
  /** Network towards the UI, MB/s. */
  networkMBps: number;
}

export interface EtlTime {
  seconds: ResourceTimes;
  bound: Resource;
  /** The slowest resource's time. */
  totalS: number;
  /** GB served from the buffer pool instead of the disks. */
  cachedGB: number;
}

/** Cycles to extract, transform and sort `gb` of rows. */
export function transformCycles(gb: number): number {
  const rows = (gb * 1e9) / ROW_BYTES;
  return rows <= 1 ? ROW_CYCLES * rows : rows * (ROW_CYCLES + SORT_CYCLES * Math.log2(rows));
}

/** The ETL of `dataGB` on a server with these resources; `outGB` of it goes over the network (default the result). */
export function etlTime(dataGB: number, r: EtlResources, outGB = dataGB * RESULT_SHARE): EtlTime {
  const cachedGB = Math.min(dataGB, r.ramGB * CACHE_SHARE);
  const seconds: ResourceTimes = {
    disk: ((dataGB - cachedGB) * 1000) / r.readMBps,
    memory: (MEMORY_PASSES * dataGB) / r.memoryGBps,
    cpu: transformCycles(dataGB) / r.cyclesPerSecond,
    network: (outGB * 1000) / r.networkMBps,
  };
  const bound = slowest(seconds);
  return { seconds, bound, totalS: seconds[bound], cachedGB };
}

/** The resource with the largest time (the first of RESOURCES on a tie). */
export function slowest(seconds: ResourceTimes): Resource {
  let bound: Resource = 'disk';
  for (const k of RESOURCES) if (seconds[k] > seconds[bound]) bound = k;
  return bound;
}
