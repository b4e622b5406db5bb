/**
 * A night's work on a platform (Cookbook 13.3.3-13.3.5), as phases on a simulated clock: one SQL
 * server runs the ETL alone (it takes the day's writes while it serves); up to eight servers on
 * a SAN split the ETL's reports between them but share the SAN's throughput, and being read-only
 * they must first all detach while one attaches read-write and loads the day's new rows (the
 * refresh: nothing answers queries meanwhile); a Hadoop cluster spreads the rows over its nodes
 * and shuffles them over the network to sort them, after a job start-up. Pure and deterministic.
 */
import { ValidationError } from '../core';
import {
  etlTime,
  RESULT_SHARE,
  slowest,
  transformCycles,
  MEMORY_PASSES,
  type EtlTime,
  type Resource,
  type ResourceTimes,
} from './etlTime';
import {
  CHASSIS_USD,
  CPUS,
  DISKS,
  HBA,
  NICS,
  RAM_USD_PER_GB,
  SANS,
  type CpuId,
  type DiskId,
  type NicId,
  type SanId,
} from './serverCatalogue';

export interface ServerConfig {
  /** Data disks; null on a SAN, where the data lives on the array. */
  disk: DiskId | null;
  disks: number;
  ramGB: number;
  cpu: CpuId;
  network: NicId;
}

export type Platform =
  | { kind: 'single'; server: ServerConfig }
  | { kind: 'san'; server: ServerConfig; servers: number; san: SanId }
  | { kind: 'hadoop'; server: ServerConfig; nodes: number };

/** The nightly ETL is this many reports (one per region); any server can run any of them. */
export const REPORTS = 16;
/** Data that doubles every month grows by 2^(1/30) - 1 of itself a day: the refresh loads that. */
export const DAILY_NEW_SHARE = 2 ** (1 / 30) - 1;
/** Every server detaches, one attaches read-write, and after the load all attach read-only again. */
export const DETACH_ATTACH_S = 60;
/** A MapReduce job's submission, ApplicationMaster and containers' start before any row is read. */
export const HADOOP_STARTUP_S = 20;
/** HDFS keeps three replicas of every block. */
export const HDFS_REPLICATION = 3;

export type PhaseKind = 'etl' | 'refresh' | 'startup';

export interface PlatformPhase {
  kind: PhaseKind;
  startS: number;
  endS: number;
  /** Servers at work in the phase (the others wait or are detached). */
  servers: number;
  /** GB the busiest server handles in the phase. */
  dataGB: number;
  seconds: ResourceTimes;
  bound: Resource;
  cachedGB: number;
}

export interface CostItem {
  item: string;
  count: number;
  usd: number;
}

export interface PlatformRun {
  platform: Platform;
  dataGB: number;
  phases: PlatformPhase[];
  totalS: number;
  costUsd: number;
  cost: CostItem[];
}

/** GB a server's disks hold: mirrored pairs on one server (RAID 10), every disk in a Hadoop node (JBOD). */
export function usableGB(server: ServerConfig, mirrored: boolean): number {
  if (server.disk === null) return 0;
  const raw = server.disks * DISKS[server.disk].capacityGB;
  return mirrored ? raw / 2 : raw;
}

/** Why `dataGB` cannot be stored on the platform (field and problem), or null when it fits. */
export function fitProblem(p: Platform, dataGB: number): { field: string; problem: string } | null {
  const s = p.server;
  if (s.ramGB > CPUS[s.cpu].maxRamGB)
    return {
      field: 'server.ramGB',
      problem: `the ${CPUS[s.cpu].name} takes at most ${CPUS[s.cpu].maxRamGB} GB of memory, got ${s.ramGB}`,
    };
  if (p.kind === 'san') return null;
  const need = p.kind === 'hadoop' ? (dataGB * HDFS_REPLICATION) / p.nodes : dataGB;
  const have = usableGB(s, p.kind === 'single');
  if (need <= have) return null;
  const where =
    p.kind === 'hadoop'
      ? `each node holds ${fmt(need)} GB (3 replicas over ${p.nodes} nodes) but its ${s.disks} disks hold ${fmt(have)} GB`
      : `${fmt(dataGB)} GB of data do not fit on ${s.disks} mirrored disks of ${fmt(DISKS[s.disk!].capacityGB)} GB (${fmt(have)} GB usable)`;
  return { field: 'server.disks', problem: where };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function platformCost(p: Platform): { costUsd: number; cost: CostItem[] } {
  const s = p.server;
  const count = p.kind === 'single' ? 1 : p.kind === 'san' ? p.servers : p.nodes;
  const cost: CostItem[] = [
    { item: 'server chassis', count, usd: CHASSIS_USD },
    { item: CPUS[s.cpu].name, count, usd: CPUS[s.cpu].priceUsd },
    { item: `${s.ramGB} GB memory`, count, usd: s.ramGB * RAM_USD_PER_GB },
    { item: NICS[s.network].name, count, usd: NICS[s.network].priceUsd },
  ];
  if (s.disk !== null) cost.push({ item: DISKS[s.disk].name, count: count * s.disks, usd: DISKS[s.disk].priceUsd });
  if (p.kind === 'san') {
    cost.push({ item: HBA.name, count, usd: HBA.priceUsd });
    cost.push({ item: SANS[p.san].name, count: 1, usd: SANS[p.san].priceUsd });
  }
  return { cost, costUsd: cost.reduce((sum, c) => sum + c.count * c.usd, 0) };
}

function resourcesOf(s: ServerConfig, readMBps: number) {
  const cpu = CPUS[s.cpu];
  return {
    readMBps,
    ramGB: s.ramGB,
    memoryGBps: cpu.memoryGBps,
    cyclesPerSecond: cpu.cores * cpu.ghz * 1e9,
    networkMBps: NICS[s.network].MBps,
  };
}

const localReadMBps = (s: ServerConfig) => (s.disk === null ? 0 : s.disks * DISKS[s.disk].readMBps);

/** The night's phases of `dataGB` on platform `p`. Call fitProblem first: a platform the data does not fit on throws. */
export function runPlatform(p: Platform, dataGB: number): PlatformRun {
  if (!(dataGB > 0) || !Number.isFinite(dataGB))
    throw new ValidationError('dataGB', `must be a positive number, got ${dataGB}`);
  const problem = fitProblem(p, dataGB);
  if (problem) throw new ValidationError(problem.field, problem.problem);
  const phases: PlatformPhase[] = [];
  let t = 0;
  const add = (kind: PhaseKind, servers: number, gb: number, e: EtlTime, extraS = 0) => {
    phases.push({
      kind,
      startS: t,
      endS: t + e.totalS + extraS,
      servers,
      dataGB: gb,
      seconds: e.seconds,
      bound: e.bound,
      cachedGB: e.cachedGB,
    });
    t += e.totalS + extraS;
  };
  const s = p.server;
  if (p.kind === 'single') {
    add('etl', 1, dataGB, etlTime(dataGB, resourcesOf(s, localReadMBps(s))));
  } else if (p.kind === 'san') {
    const san = SANS[p.san];
    // The refresh: one server, read-write, loads the day's new rows through its network card into the SAN.
    const newGB = dataGB * DAILY_NEW_SHARE;
    const cpu = CPUS[s.cpu];
    const load: ResourceTimes = {
      disk: (newGB * 1000) / Math.min(san.writeMBps, HBA.MBps),
      memory: (MEMORY_PASSES * newGB) / cpu.memoryGBps,
      cpu: transformCycles(newGB) / (cpu.cores * cpu.ghz * 1e9),
      network: (newGB * 1000) / NICS[s.network].MBps,
    };
    const bound = slowest(load);
    add('refresh', 1, newGB, { seconds: load, bound, totalS: load[bound], cachedGB: 0 }, DETACH_ATTACH_S);
    // The reports spread over the servers; the busiest has ceil(REPORTS / servers) of them.
    const active = Math.min(p.servers, REPORTS);
    const share = (Math.ceil(REPORTS / active) / REPORTS) * dataGB;
    const readMBps = Math.min(HBA.MBps, san.readMBps / active);
    add('etl', active, share, etlTime(share, resourcesOf(s, readMBps)));
  } else {
    const n = p.nodes;
    t = HADOOP_STARTUP_S;
    phases.push({
      kind: 'startup',
      startS: 0,
      endS: t,
      servers: n,
      dataGB: 0,
      seconds: { disk: 0, memory: 0, cpu: 0, network: 0 },
      bound: 'cpu',
      cachedGB: 0,
    });
    // Each node reads its blocks locally, sends (n-1)/n of them to the other nodes for the sort
    // (the shuffle) and its share of the result to the UI.
    const share = dataGB / n;
    const outGB = (share * (n - 1)) / n + share * RESULT_SHARE;
    add('etl', n, share, etlTime(share, resourcesOf(s, localReadMBps(s)), outGB));
  }
  return { platform: p, dataGB, phases, totalS: t, ...platformCost(p) };
}
