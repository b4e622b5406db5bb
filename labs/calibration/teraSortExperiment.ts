/**
 * Yahoo!'s 2008 terabyte sort (O'Malley, "Apache Hadoop Wins Terabyte Sort Benchmark", Yahoo!
 * Developer Network, July 2008): 10 billion 100-byte records, 1 TB, sorted by Hadoop on 910
 * nodes in 209 seconds, with 1,800 maps and 1,800 reduces and buffers sized to hold the
 * intermediate data in memory.
 *
 * The sample: TeraGen-like 100-byte lines (a 10-byte key, then the row), each standing for
 * `dataScale` real ones; the HDFS block holds one map's share, so the run has the published
 * 1,800 maps (1,786: the sample's 100-byte lines round a map's share to whole lines). The job is TeraSort's: an identity map and reduce, a total-order partitioner
 * (reducer i gets the i-th range of keys), output written with one replica (TeraSort's
 * default). Keys are spread so every range holds the same number of records: the sample's
 * 100 records per reducer would otherwise vary by a third where a real run's 5.5 million vary
 * by a fraction of a percent.
 */
import type { JobRunReport } from '../../engine/api';
import { hardwareCluster, type ClusterSpec } from '../../engine/cluster';
import { createRng, encodeUtf8 } from '../../engine/core';
import { runSample } from './runSample';
import type { Experiment } from './calibrationTypes';

export const TERASORT_RECORDS = 10_000_000_000;
export const TERASORT_RECORD_BYTES = 100;
export const TERASORT_TASKS = 1800;
/** Key space: 10 decimal digits. */
const KEYS = 1e10;

/**
 * `records` lines of 100 bytes: key (10 digits), a space, the row number (32 digits), filler
 * up to 99 characters, newline. Record j's key is the (π(j))-th of `records` evenly spaced keys,
 * π a fixed pseudo-random permutation, so input order is random and ranges are exactly even.
 */
export function teraGen(records: number, seed = 2008): string {
  const order = Array.from({ length: records }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = records - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const filler = 'ABCDEFGHIJ'.repeat(6);
  const lines = order.map((rank, j) => {
    const key = String(Math.floor((rank * KEYS) / records)).padStart(10, '0');
    return `${key} ${String(j).padStart(32, '0')} ${filler}`
      .slice(0, TERASORT_RECORD_BYTES - 1)
      .padEnd(TERASORT_RECORD_BYTES - 1, '.');
  });
  return `${lines.join('\n')}\n`;
}

const job = (tasks: number) => `
export default {
  kind: 'mapreduce',
  name: 'TeraSort',
  input: '/terasort/input',
  output: '/terasort/output',
  numReduceTasks: ${tasks},
  // Buffers hold a map's output (one spill); TeraSort writes its output with one replica.
  conf: { 'mapreduce.task.io.sort.mb': 1000, 'dfs.replication': 1 },
  map(offset, line, ctx) { ctx.write(line.slice(0, 10), line.slice(11)); },
  // TotalOrderPartitioner over even key ranges.
  partition(key, n) { return Math.min(n - 1, Math.floor((Number(key) * n) / ${KEYS})); },
  reduce(key, values, ctx) { for (const v of values) ctx.write(key, v); },
};
`;

export interface TeraSortOptions {
  /** Real records per sample line (default 100,000: 100,000 sample lines, 56 per map). */
  dataScale?: number;
  override?: (spec: ClusterSpec) => ClusterSpec;
}

export interface TeraSortRun {
  ms: number;
  report: JobRunReport;
}

/** Runs the 2008 sort on 910 nodes of the yahoo-2008 preset; `ms` is the job's time. */
export async function runTeraSort(options: TeraSortOptions = {}): Promise<TeraSortRun> {
  const dataScale = options.dataScale ?? 100_000;
  const records = Math.round(TERASORT_RECORDS / dataScale);
  const text = teraGen(records);
  const report = await runSample({
    code: job(TERASORT_TASKS),
    fileName: 'terasort.js',
    cluster: (options.override ?? ((c) => c))(hardwareCluster('yahoo-2008', 910, dataScale, dataScale)),
    seed: 2008,
    blockSize: Math.ceil(text.length / TERASORT_TASKS / TERASORT_RECORD_BYTES) * TERASORT_RECORD_BYTES,
    input: { path: '/terasort/input', bytes: encodeUtf8(text) },
  });
  const finished = report.trace.find((e) => e.type === 'jobFinished');
  return { ms: finished ? (finished.ms as number) : report.simulatedMs, report };
}

/** The 2008 terabyte sort: the job's time, seconds. */
export const teraSortExperiment: Experiment = {
  id: 'terasort-2008',
  title: "Yahoo!'s 2008 terabyte sort: 1 TB on 910 nodes, 1,800 maps and 1,800 reduces",
  figures: ['terasort.2008.1tb'],
  async run() {
    const r = await runTeraSort();
    return { 'terasort.2008.1tb': r.ms / 1000 };
  },
};
