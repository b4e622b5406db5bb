/**
 * The Spark RDD paper's PageRank experiment (Zaharia et al., NSDI 2012, §6.2, Figure 10): 10
 * iterations over the link graph of ~4 million Wikipedia articles, 54 GB, on 30 and 60 EC2
 * m1.xlarge machines, as chained Hadoop jobs, as "basic" Spark (links cached, not partitioned:
 * every join shuffles them) and as Spark with controlled partitioning (links hash-partitioned
 * once and cached; ranks keep that partitioner, so only the contributions cross the network).
 *
 * The sample: one line per article, `title<TAB>link link ...`, 54 GB in all; each sample line
 * stands for `dataScale` real ones (and the HDFS block for 256 MB / dataScale bytes), so the
 * run has the published number of splits and the cost model charges the published volumes.
 */
import { createRng, encodeUtf8 } from '../../engine/core';
import { textHash } from '../../engine/exec';
import { stringHashCode } from '../../engine/spark';
import type { JobRunReport } from '../../engine/api';
import { hardwareCluster, type ClusterSpec } from '../../engine/cluster';
import { runSample } from './runSample';
import type { Experiment } from './calibrationTypes';
import { pageRankFigures } from './figures/sparkPaperFigures';

/** The paper's graph: "approximately 4 million articles" in a 54 GB dump. */
export const WIKI_ARTICLES = 4_000_000;
export const WIKI_BYTES = 54 * 2 ** 30;
/** HDFS with 256 MB blocks (§6). */
export const PAPER_BLOCK = 256 * 2 ** 20;
/** An article title as a link (Wikipedia titles average about 20 characters). */
const TITLE_WIDTH = 20;

export type PageRankSystem = 'hadoop' | 'spark-basic' | 'spark-partitioned';

export interface PageRankRun {
  system: PageRankSystem;
  machines: number;
  /** Mean time of one iteration (after the links were built), simulated ms. */
  iterationMs: number;
  report: JobRunReport;
}

/** Links per article: what makes 4 million lines `title<TAB>link link ...` 54 GB (about 640). */
export const LINKS_PER_ARTICLE = Math.round((WIKI_BYTES / WIKI_ARTICLES - TITLE_WIDTH - 1) / (TITLE_WIDTH + 1));

/** Bytes of one article's line: title, tab, links separated by spaces, newline. */
export function wikiLineBytes(): number {
  return TITLE_WIDTH + 1 + LINKS_PER_ARTICLE * (TITLE_WIDTH + 1);
}

/** Input splits of a file (FileInputFormat: a split per block, the last up to 1.1 blocks). */
export function inputSplits(length: number, blockSize: number): number {
  let splits = 0;
  let left = length;
  while (left / blockSize > 1.1) {
    splits++;
    left -= blockSize;
  }
  return splits + (left > 0 ? 1 : 0);
}

const SUFFIX = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Article titles, TITLE_WIDTH characters, chosen so that the partitioners the runs use spread
 * them evenly: title i goes to Spark partition i mod `sparkPartitions` (HashPartitioner of the
 * String's hashCode) and no reducer gets more than its share (Hadoop's HashPartitioner of the
 * Text). A
 * real graph has millions of keys per partition and hashing evens them out; a sample of 1,000
 * keys hashed at random would give the fullest of 240 partitions 2.5 times the mean.
 */
export function balancedTitles(count: number, sparkPartitions: number, reduces: number): string[] {
  const titles: string[] = [];
  const n = SUFFIX.length;
  const perReducer = new Array<number>(reduces).fill(0);
  const cap = Math.ceil(count / reduces);
  for (let i = 0; i < count; i++) {
    const base = `A${String(i).padStart(TITLE_WIDTH - 5, '0')}_`;
    const hs = stringHashCode(base);
    const ht = textHash(base);
    let found = '';
    for (let k = 0; k < n * n * n && !found; k++) {
      const c1 = SUFFIX.charCodeAt(Math.floor(k / (n * n)));
      const c2 = SUFFIX.charCodeAt(Math.floor(k / n) % n);
      const c3 = SUFFIX.charCodeAt(k % n);
      const tail = c1 * 961 + c2 * 31 + c3;
      const s = (Math.imul(hs, 29791) + tail) | 0;
      const t = (Math.imul(ht, 29791) + tail) | 0;
      if (((s % sparkPartitions) + sparkPartitions) % sparkPartitions !== i % sparkPartitions) continue;
      const r = (t & 0x7fffffff) % reduces;
      if (perReducer[r]! >= cap) continue;
      perReducer[r]!++;
      found = base + String.fromCharCode(c1, c2, c3);
    }
    if (!found) throw new Error(`balancedTitles: no title for article ${i} (${sparkPartitions} x ${reduces})`);
    titles.push(found);
  }
  return titles;
}

/**
 * One line per article, `title<TAB>links`, whose length makes `titles.length * dataScale` lines
 * WIKI_BYTES: every article links to the same number of others (a link is TITLE_WIDTH + 1
 * bytes), chosen uniformly. Wikipedia's in-degrees are skewed, but in a sample of 1,000 articles
 * the most linked one would take a share of all links hundreds of times its real share, and one
 * reducer most of the work.
 */
export function wikiLinkGraph(titles: readonly string[], seed = 2012): string {
  const links = LINKS_PER_ARTICLE;
  const rng = createRng(seed);
  const lines: string[] = [];
  for (const t of titles) {
    const out: string[] = [];
    for (let j = 0; j < links; j++) out.push(titles[rng.int(titles.length)]!);
    lines.push(`${t}\t${out.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Hadoop: one job builds `page rank links`, then one job per iteration reads and rewrites it. */
function hadoopJobs(iterations: number, reduces: number): string {
  return `
const build = {
  kind: 'mapreduce', name: 'build', input: '/wiki/links.txt', output: '/pr/iter-0', numReduceTasks: ${reduces},
  map(offset, line, ctx) { const tab = line.indexOf('\\t'); ctx.write(line.slice(0, tab), line.slice(tab + 1)); },
  reduce(page, values, ctx) { for (const v of values) ctx.write(page, '1\\t' + v); },
};
const iteration = (i) => ({
  kind: 'mapreduce', name: 'iteration ' + i, input: '/pr/iter-' + (i - 1), output: '/pr/iter-' + i, numReduceTasks: ${reduces},
  map(offset, line, ctx) {
    const [page, rank, links] = line.split('\\t');
    const urls = links.split(' ');
    ctx.write(page, '#' + links);
    const share = Number(rank) / urls.length;
    for (const u of urls) ctx.write(u, share);
  },
  reduce(page, values, ctx) {
    let sum = 0; let links = null;
    for (const v of values) { if (typeof v === 'string') links = v.slice(1); else sum += v; }
    if (links !== null) ctx.write(page, (0.15 + 0.85 * sum) + '\\t' + links);
  },
});
export default [build, ...Array.from({ length: ${iterations} }, (_, k) => iteration(k + 1))];
`;
}

/** Spark: the links are built and counted (one job), then the iterations run and end in a count. */
function sparkJob(iterations: number, partitioned: boolean): string {
  return `
export default async (sc) => {
  const lines = sc.textFile('/wiki/links.txt');
  const links = lines
    .map((line) => { const tab = line.indexOf('\\t'); return [line.slice(0, tab), line.slice(tab + 1).split(' ')]; })
    ${partitioned ? `.partitionBy(sc.defaultParallelism)` : ''}
    .cache();
  await links.count();
  let ranks = links.mapValues(() => 1);
  for (let i = 0; i < ${iterations}; i++) {
    const contribs = links.join(ranks).flatMap(([, [urls, rank]]) => urls.map((u) => [u, rank / urls.length]));
    ranks = contribs.reduceByKey((a, b) => a + b).mapValues((r) => 0.15 + 0.85 * r);
  }
  return ranks.count();
};
`;
}

export interface PageRankOptions {
  machines: number;
  system: PageRankSystem;
  /** Real articles per sample line (default: WIKI_ARTICLES / samplePages of the run's partitions). */
  dataScale?: number;
  iterations?: number;
  /** Replaces fields of the preset's cluster (to explore the model; the suite never sets it). */
  override?: (spec: ClusterSpec) => ClusterSpec;
}

/**
 * Sample articles for a run whose shuffle has `partitions` partitions (reducers): the smallest
 * multiple of `partitions` from 1,000 up, so every shuffle partition gets the same number of
 * articles, as the real graph's tens of thousands per partition (17,000 to 70,000 in these
 * runs) even out. With 1,000 articles over 240 partitions, some would get 4 and some 5, and the
 * fullest would set the stage's time 20% late. The input splits stay uneven by a line (they
 * cut bytes, as HDFS does), and each configuration has its own scale (WIKI_ARTICLES / pages
 * real articles per sample line: 3,899, 3,704 or 3,333); the figures are times per iteration
 * of the whole 54 GB graph, whatever the scale.
 */
export function samplePages(partitions: number): number {
  return Math.ceil(1000 / partitions) * partitions;
}

/** Runs one configuration of Figure 10 and measures its mean iteration time. */
export async function runPageRank(options: PageRankOptions): Promise<PageRankRun> {
  const { machines, system } = options;
  const iterations = options.iterations ?? 10;
  // Hadoop 0.20's usual setting: reduces a little under the cluster's reduce slots (2 per node).
  const reduces = Math.floor(machines * 2 * 0.95);
  // Basic Spark keeps Spark's default, a partition per input split; controlled partitioning
  // hash-partitions the links over sc.defaultParallelism, the executors' cores.
  const partitions =
    system === 'hadoop'
      ? reduces
      : system === 'spark-basic'
        ? inputSplits(WIKI_ARTICLES * wikiLineBytes(), PAPER_BLOCK)
        : machines * 4;
  const pages = options.dataScale ? Math.round(WIKI_ARTICLES / options.dataScale) : samplePages(partitions);
  const dataScale = options.dataScale ?? WIKI_ARTICLES / pages;
  const blockSize = Math.round(PAPER_BLOCK / dataScale);
  const splits = inputSplits(pages * wikiLineBytes(), blockSize);
  const titles =
    system === 'hadoop'
      ? balancedTitles(pages, 1, reduces)
      : balancedTitles(pages, system === 'spark-basic' ? splits : partitions, 1);
  const text = wikiLinkGraph(titles);
  const code =
    system === 'hadoop' ? hadoopJobs(iterations, reduces) : sparkJob(iterations, system === 'spark-partitioned');
  const report = await runSample({
    code,
    fileName: `pagerank-${system}.js`,
    cluster: (options.override ?? ((c) => c))(hardwareCluster('ec2-m1.xlarge', machines, dataScale, dataScale)),
    seed: 2012,
    blockSize,
    input: { path: '/wiki/links.txt', bytes: encodeUtf8(text) },
  });
  const finished = report.trace.filter((e) => e.type === 'jobFinished').map((e) => e.t);
  // Hadoop: the build job, then one job per iteration. Spark: links.count, then the iterations' count.
  const builtAt = finished[0]!;
  const endAt = finished[finished.length - 1]!;
  return { system, machines, iterationMs: (endAt - builtAt) / iterations, report };
}

const FIGURE_SYSTEM: Record<PageRankSystem, string> = {
  hadoop: 'hadoop',
  'spark-basic': 'spark',
  'spark-partitioned': 'spark-partitioned',
};

/** Figure 10: the three systems on 30 and 60 machines, seconds per iteration. */
export const pageRankExperiment: Experiment = {
  id: 'spark-paper-pagerank',
  title: 'Spark RDD paper §6.2: PageRank, 10 iterations on the 54 GB Wikipedia link graph, 30 and 60 machines',
  figures: pageRankFigures.filter((f) => !f.ratioOf).map((f) => f.id),
  async run() {
    const out: Record<string, number> = {};
    for (const system of ['hadoop', 'spark-basic', 'spark-partitioned'] as const)
      for (const machines of [30, 60]) {
        const r = await runPageRank({ system, machines });
        out[`pagerank.${FIGURE_SYSTEM[system]}.${machines}`] = r.iterationMs / 1000;
      }
    return out;
  },
};
