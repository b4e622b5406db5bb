/** The example jobs the sandbox offers, shipped as text from labs/examples/jobs. */
import iotDaily from '../../../labs/examples/jobs/iot-daily-average.js?raw';
import iotSpark from '../../../labs/examples/jobs/iot-daily-average-spark.js?raw';
import iotDataFrame from '../../../labs/examples/jobs/iot-daily-average-dataframe.js?raw';
import iotSql from '../../../labs/examples/jobs/iot-daily-average-sql.js?raw';
import wordCount from '../../../labs/examples/jobs/word-count.ts?raw';
import wordCountSpark from '../../../labs/examples/jobs/word-count-spark.js?raw';
import pagerankSpark from '../../../labs/examples/jobs/pagerank-spark.js?raw';
import pagerankChained from '../../../labs/examples/jobs/pagerank-chained.js?raw';
import cpuHeavy from '../../../labs/examples/jobs/cpu-heavy-map.js?raw';
import type { SandboxSetting } from '../../state/progress';

export interface ExampleJob {
  id: string;
  fileName: string;
  code: string;
  /** Settings that show the example at its best. */
  cluster: 'classroom' | 'cookbook-9' | 'two-racks' | number;
  blockSize: number;
}

const KB = 1024;
const MB = 1024 * KB;

export const EXAMPLES: readonly ExampleJob[] = [
  {
    id: 'iot',
    fileName: 'iot-daily-average.js',
    code: iotDaily,
    cluster: 'cookbook-9',
    blockSize: 256 * KB,
  },
  {
    id: 'iot-spark',
    fileName: 'iot-daily-average-spark.js',
    code: iotSpark,
    cluster: 'cookbook-9',
    blockSize: 256 * KB,
  },
  {
    id: 'iot-dataframe',
    fileName: 'iot-daily-average-dataframe.js',
    code: iotDataFrame,
    cluster: 'cookbook-9',
    blockSize: 256 * KB,
  },
  {
    id: 'iot-sql',
    fileName: 'iot-daily-average-sql.js',
    code: iotSql,
    cluster: 'cookbook-9',
    blockSize: 256 * KB,
  },
  {
    id: 'wc',
    fileName: 'word-count.ts',
    code: wordCount,
    cluster: 'two-racks',
    blockSize: 256 * KB,
  },
  {
    id: 'wc-spark',
    fileName: 'word-count-spark.js',
    code: wordCountSpark,
    cluster: 'two-racks',
    blockSize: 256 * KB,
  },
  {
    id: 'wc-scale',
    fileName: 'word-count.ts',
    code: wordCount,
    cluster: 100,
    // ~9,000 blocks: HDFS allows at most 10,000 per file (dfs.namenode.fs-limits.max-blocks-per-file).
    blockSize: 256,
  },
  {
    id: 'pagerank-spark',
    fileName: 'pagerank-spark.js',
    code: pagerankSpark,
    cluster: 'cookbook-9',
    blockSize: 64 * KB,
  },
  {
    id: 'pagerank-mr',
    fileName: 'pagerank-chained.js',
    code: pagerankChained,
    cluster: 'cookbook-9',
    blockSize: 64 * KB,
  },
  {
    id: 'cpu',
    fileName: 'cpu-heavy-map.js',
    code: cpuHeavy,
    cluster: 'classroom',
    blockSize: 1 * MB,
  },
];

export const CLUSTERS: { value: ExampleJob['cluster']; label: string }[] = [
  { value: 'classroom', label: 'Classroom: 3 nodes, 1 rack' },
  { value: 'cookbook-9', label: 'Cookbook: 9 nodes, 3 racks' },
  { value: 'two-racks', label: '2 racks × 5 nodes' },
  { value: 100, label: '100 nodes, 5 racks' },
];

export const BLOCK_SIZES: { value: number; label: string }[] = [
  { value: 128 * MB, label: '128 MB (Hadoop default)' },
  { value: 1 * MB, label: '1 MB' },
  { value: 256 * KB, label: '256 KB' },
  { value: 64 * KB, label: '64 KB' },
  { value: 4 * KB, label: '4 KB' },
  { value: 256, label: '256 bytes' },
];

/** What the sandbox shows: an example with the cluster and block size to run it on. */
export interface SandboxChoice {
  example: ExampleJob;
  cluster: ExampleJob['cluster'];
  blockSize: number;
}

/**
 * The saved choice as the sandbox offers it: an example, cluster or block size this build no
 * longer offers (or a hand-edited progress file) falls back to the example's own settings.
 */
export function restoreChoice(saved: SandboxSetting | undefined): SandboxChoice {
  const example = EXAMPLES.find((e) => e.id === saved?.example) ?? EXAMPLES[0]!;
  const cluster = CLUSTERS.find((c) => c.value === saved?.cluster)?.value ?? example.cluster;
  const blockSize = BLOCK_SIZES.find((b) => b.value === saved?.blockSize)?.value ?? example.blockSize;
  return { example, cluster, blockSize };
}

/** The choice as progress saves it. */
export const settingOf = (c: SandboxChoice): SandboxSetting => ({
  example: c.example.id,
  cluster: c.cluster,
  blockSize: c.blockSize,
});
