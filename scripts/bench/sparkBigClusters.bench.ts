// The cost of one more Spark task on big clusters, where the task scheduler's work per event once
// grew with the cluster: the Spark IoT daily average over 1,000,000 lines through the whole
// `clusterlab run` at 64 KB and 1 KB blocks (about 500 and 33,000 tasks per stage,
// spark.default.parallelism=64), on 1,000 nodes of 8 cores; on 1,000 nodes with the data on 10 of
// them (an offer scanned every free slot: 33 s at 1 KB); and on 1,000 nodes of 128 cores with
// spark.speculation=true (every task event sorted every running task: 9 s). Best of
// `SPARK_BIG_CLUSTERS_RUNS` (default 2) runs each; the cost per extra task between the two sizes,
// and each cluster's 1 KB run against the plain cluster's.
import { sensorCsv } from '../../engine/datasets/sampleData';
import { fmt, measuredRun, writeInput } from './benchUtil';

const sensors = writeInput('sensors.csv', sensorCsv(1_000_000));
const runs = Math.max(1, Number(process.env.SPARK_BIG_CLUSTERS_RUNS ?? 2));
const rack = (nodes: number, roles: string[]) => ({ nodes, node: { roles } });
const fewDataNodes = writeInput(
  'few-datanodes.json',
  JSON.stringify({
    name: 'data-on-10',
    node: { cores: 8, memoryMb: 16384 },
    racks: [rack(10, ['datanode', 'nodemanager']), ...Array.from({ length: 33 }, () => rack(30, ['nodemanager']))],
  }),
);
const bigNodes = writeInput(
  'big-nodes.json',
  JSON.stringify({
    name: 'big-nodes',
    node: { cores: 128, memoryMb: 262144 },
    racks: Array.from({ length: 50 }, () => ({ nodes: 20 })),
  }),
);

const cases: { name: string; args: string[] }[] = [
  { name: '1,000 nodes of 8 cores', args: ['--nodes', '1000'] },
  { name: 'data on 10 of 1,000 nodes', args: ['--cluster', fewDataNodes] },
  { name: '128-core nodes, speculation on', args: ['--cluster', bigNodes, '--conf', 'spark.speculation=true'] },
];
const args = (extra: string[], blockSize: string) => [
  'labs/examples/jobs/iot-daily-average-spark.js',
  '--put',
  `${sensors}:/data/sensors.csv`,
  ...extra,
  '--conf',
  'spark.default.parallelism=64',
  '--block-size',
  blockSize,
  '--timeout',
  '600',
  '--json',
];

measuredRun(['labs/examples/jobs/iot-daily-average-spark.js', '--json']); // warm the CLI bundle
// The same block size gives the same sums on every cluster (another one adds in another order: last digits differ).
const results = new Map<string, string>();
const rows: { name: string; small: number; large: number; tasks: [number, number] }[] = [];
for (const c of cases) {
  const best: number[] = [];
  const tasks: number[] = [];
  for (const blockSize of ['64k', '1k']) {
    let ms = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) {
      const r = measuredRun(args(c.args, blockSize));
      const out = JSON.parse(r.out) as { result: unknown; metrics: { tasks: number } };
      const text = JSON.stringify(out.result);
      if ((results.get(blockSize) ?? text) !== text)
        console.log(`!!! the result differs: ${c.name}, ${blockSize} blocks`);
      results.set(blockSize, text);
      ms = Math.min(ms, r.ms);
      if (i === 0) tasks.push(out.metrics.tasks);
    }
    best.push(ms);
  }
  rows.push({ name: c.name, small: best[0]!, large: best[1]!, tasks: [tasks[0]!, tasks[1]!] });
}

console.log(`Spark IoT daily average, 1,000,000 lines, whole \`clusterlab run\` (best of ${runs}):`);
const plain = rows[0]!;
for (const r of rows) {
  const perTask = ((r.large - r.small) * 1000) / (r.tasks[1] - r.tasks[0]);
  console.log(
    `  ${r.name.padEnd(32)} 64 KB ${fmt(r.small).padStart(8)}   1 KB ${fmt(r.large).padStart(8)} (${r.tasks[1].toLocaleString('en')} tasks)   per extra task ${perTask.toFixed(0)} µs   1 KB run ${(r.large / plain.large).toFixed(2)}x the first cluster's`,
  );
}
