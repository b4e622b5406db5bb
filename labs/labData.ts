/**
 * The labs' sample data and the plain, single-threaded computations their checks compare a
 * job's result with: sensor averages per day or minute (Cookbook 20.1.2) and PageRank over a
 * link graph (the iterative algorithm of Cookbook 20.2.1). Generated from fixed seeds.
 */
import { graphEdges, sensorCsv } from '../engine/datasets';
import type { ClusterSpec } from '../engine/cluster';
import type { LabDataset } from './labTypes';

/** A dataset whose text is generated once, on first use. */
export function dataset(id: string, description: string, generate: () => string): LabDataset {
  let text: string | null = null;
  return { id, description, text: () => (text ??= generate()) };
}

/** The IoT readings: one sensor (Cookbook 20.1.2 keeps it to one), 10 days, `timestamp,sensor,value`. */
export const SENSOR_LINES = 20_000;
export const SENSOR_DAYS = 10;
export const sensorText = (scale: number) =>
  sensorCsv(SENSOR_LINES * scale, { seed: 2016, sensors: 1, days: SENSOR_DAYS });

/**
 * dfs.blocksize for the sensor labs: the 20,000-line file is cut into exactly 9 splits (9
 * mappers, as in Figure 20.2); the 10x file into 10x as many.
 */
export const SENSOR_BLOCK_SIZE = 75_264;

/** Averages of the readings per key, where the key is the timestamp cut to `keyLength` chars. */
export function plainAverages(text: string, keyLength: number): [string, number][] {
  const sums = new Map<string, [number, number]>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const parts = line.split(',');
    const key = parts[0]!.slice(0, keyLength);
    const acc = sums.get(key) ?? [0, 0];
    acc[0] += Number(parts[2]);
    acc[1]++;
    sums.set(key, acc);
  }
  return [...sums.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, [s, n]]) => [k, s / n]);
}

/**
 * Each line of the labs' samples stands for 100 records of a real deployment, so a lab cluster
 * charges every byte and record 100 times (CPU, disk and network alike): the phases of a run
 * then take the share of the time they would take on real volumes, while the computation
 * itself stays a fraction of a second. The sensor sample keeps the real data's keys (ten days
 * are ten days: keyScale 1, what a combine leaves is charged by keys).
 */
export const SAMPLE_COSTS = { dataScale: 100 };

/**
 * The link graph's pages grow with the data: each of its 300 pages stands for 100 real ones, so
 * what a combine or a reduce leaves per page is charged 100 times too (keyScale = dataScale).
 */
export const GRAPH_COSTS = { dataScale: 100, keyScale: 100 };

/**
 * The cookbook's nine machines on three racks (the `cookbook-9` preset) with `racks` racks of
 * `perRack`, charging as the sample's `costs` say (SAMPLE_COSTS by default).
 */
export function cookbookCluster(name: string, perRack = 3, costs: ClusterSpec['costs'] = SAMPLE_COSTS): ClusterSpec {
  return {
    name,
    node: { cores: 4, memoryMb: 8192, diskMBps: 100 },
    racks: [{ nodes: perRack }, { nodes: perRack }, { nodes: perRack }],
    costs,
  };
}

/** The link graph for PageRank: 300 pages, 1-4 links each. */
export const graphText = () => graphEdges(300, { seed: 1998 });

/**
 * PageRank as the labs' jobs compute it (the formulation of Spark's example): every page with
 * out-links starts at 1; each iteration a page sends rank / outDegree to each link target and a
 * page's new rank is 0.15 + 0.85 * received; pages without out-links, or receiving nothing,
 * drop out (an inner join of links and ranks). Rounded to 6 decimals like the jobs' output.
 */
export function plainPageRank(text: string, iterations: number): [string, number][] {
  const links = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [src, dst] = line.split(' ');
    const list = links.get(src!) ?? [];
    list.push(dst!);
    links.set(src!, list);
  }
  let ranks = new Map<string, number>([...links.keys()].map((p) => [p, 1]));
  for (let i = 0; i < iterations; i++) {
    const received = new Map<string, number>();
    for (const [page, urls] of links) {
      const rank = ranks.get(page);
      if (rank === undefined) continue;
      for (const u of urls) received.set(u, (received.get(u) ?? 0) + rank / urls.length);
    }
    ranks = new Map([...received].map(([p, r]) => [p, 0.15 + 0.85 * r]));
  }
  return [...ranks.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([p, r]) => [p, Math.round(r * 1e6) / 1e6]);
}
