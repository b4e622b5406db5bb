/**
 * The cheapest platform of a kind that finishes a night's work on `dataGB` within a deadline,
 * found by trying every configuration the catalogue allows (a few thousand; each is a formula).
 * The labs' checks compare a learner's choice with it.
 */
import { fitProblem, runPlatform, type Platform, type PlatformRun, type ServerConfig } from './platformRun';
import {
  CPU_IDS,
  CPUS,
  DISK_IDS,
  MAX_DISKS,
  MAX_SAN_SERVERS,
  MIN_HADOOP_NODES,
  NIC_IDS,
  RAM_SIZES_GB,
  SAN_IDS,
} from './serverCatalogue';

/** Hadoop clusters tried: from the minimum up to this many nodes. */
const HADOOP_NODES_TRIED = 12;

function* servers(withDisks: boolean): Generator<ServerConfig> {
  const disks = withDisks ? DISK_IDS : [null];
  for (const cpu of CPU_IDS)
    for (const ramGB of RAM_SIZES_GB) {
      if (ramGB > CPUS[cpu].maxRamGB) continue;
      for (const network of NIC_IDS)
        for (const disk of disks)
          for (let n = disk === null ? 0 : 2; n <= (disk === null ? 0 : MAX_DISKS); n += 2)
            yield { disk, disks: n, ramGB, cpu, network };
    }
}

/** Every platform of `kind` the catalogue can build. */
export function* platformsOf(kind: Platform['kind']): Generator<Platform> {
  if (kind === 'single') for (const server of servers(true)) yield { kind, server };
  if (kind === 'san')
    for (const san of SAN_IDS)
      for (let k = 2; k <= MAX_SAN_SERVERS; k++)
        for (const server of servers(false)) yield { kind, server, servers: k, san };
  if (kind === 'hadoop')
    for (let nodes = MIN_HADOOP_NODES; nodes <= HADOOP_NODES_TRIED; nodes++)
      for (const server of servers(true)) yield { kind, server, nodes };
}

/** The cheapest run among `kinds` that meets `deadlineS` (the faster on equal cost), or null when none does. */
export function cheapestPlatform(
  dataGB: number,
  deadlineS: number,
  kinds: readonly Platform['kind'][] = ['single', 'san', 'hadoop'],
): PlatformRun | null {
  let best: PlatformRun | null = null;
  for (const kind of kinds)
    for (const p of platformsOf(kind)) {
      if (fitProblem(p, dataGB)) continue;
      const run = runPlatform(p, dataGB);
      if (run.totalS > deadlineS) continue;
      if (!best || run.costUsd < best.costUsd || (run.costUsd === best.costUsd && run.totalS < best.totalS)) best = run;
    }
  return best;
}

/** The biggest single server the catalogue builds: the ceiling of scaling up. */
export const BIGGEST_SERVER: ServerConfig = {
  disk: 'nvme-ssd',
  disks: MAX_DISKS,
  ramGB: RAM_SIZES_GB[RAM_SIZES_GB.length - 1]!,
  cpu: '2x-xeon-platinum-8380',
  network: '100gbe',
};
