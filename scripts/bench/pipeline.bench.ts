/**
 * Pipeline benchmark (issue 17's figure): a pipeline of 8 parts (clients → API → Kafka → Spark
 * Streaming → HBase → dashboard, and Kafka → Flume → HDFS beside it) moving 100,000 events, run
 * by the engine in this process and by `clusterlab pipeline` as a learner runs it, against a
 * baseline measured here first: a plain loop that moves the same events through the same parts in
 * order, noting each event's arrival at each part as the ledger does (benchPipeline.ts). The
 * browser's figures (the same run in the web build, its playback frame rate) are webPipeline.bench.ts's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../engine/pipeline';
import { BENCH_PIPELINE, EVENTS, median, plainLoop } from './benchPipeline';

const gc = (globalThis as { gc?: () => void }).gc;
const pipeline = BENCH_PIPELINE;
const baseline = () => plainLoop(EVENTS);

gc?.();
const base = median([baseline(), baseline(), baseline()]);
gc?.();
const engineRuns: number[] = [];
let result = runPipeline({ pipeline });
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  result = runPipeline({ pipeline });
  engineRuns.push(performance.now() - t0);
}
const engine = median(engineRuns);
const dir = mkdtempSync(join(tmpdir(), 'clusterlab-pipeline-bench-'));
const file = join(dir, 'pipeline.json');
writeFileSync(file, JSON.stringify(pipeline));
const root = process.env.CLUSTERLAB_ROOT ?? process.cwd();
const cliRuns: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [join(root, 'scripts', 'clusterlab.mjs'), 'pipeline', file, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  cliRuns.push(performance.now() - t0);
  if (child.status !== 0) {
    console.log(`clusterlab pipeline exited with ${child.status}: ${child.stderr}`);
    process.exitCode = 1;
  }
}
const cli = median(cliRuns);
const { summary } = result;
console.log(
  `8 parts, ${EVENTS.toLocaleString('en-US')} events, ${(result.simulatedMs / 1000).toFixed(1)} s simulated; ${summary.displayed.toLocaleString('en-US')} displayed, ${summary.lost} lost`,
);
console.log('');
console.log('run                          wall ms (median of 3)   x baseline   events/s wall');
const row = (name: string, ms: number) =>
  console.log(
    `${name.padEnd(28)} ${ms.toFixed(1).padStart(21)}   ${(ms / base).toFixed(1).padStart(10)}   ${Math.round(
      (EVENTS / ms) * 1000,
    )
      .toLocaleString('en-US')
      .padStart(13)}`,
  );
row('baseline: plain loop', base);
row('engine (runPipeline)', engine);
row('CLI (clusterlab pipeline)', cli);
