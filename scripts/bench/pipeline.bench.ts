/**
 * Pipeline benchmark (issue 17's figure): a pipeline of 8 parts (clients → API → Kafka → Spark
 * Streaming → HBase → dashboard, and Kafka → Flume → HDFS beside it) moving 100,000 events, run
 * by the engine in this process and by `clusterlab pipeline` as a learner runs it, against a
 * baseline measured here first: a plain loop that moves the same events through the same parts in
 * order, noting each event's arrival at each part as the ledger does. The browser's figures (the
 * run in the web build, its playback frame rate) come with the app's pipeline view.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../engine/pipeline';

const EVENTS = 100_000;
const gc = (globalThis as { gc?: () => void }).gc;

const pipeline = {
  parts: [
    { id: 'clients', type: 'clients', settings: { events: EVENTS, ratePerSec: 2_000 } },
    { id: 'api', type: 'api', node: 'n1' },
    { id: 'buffer', type: 'kafka', node: 'n2' },
    { id: 'stream', type: 'spark-streaming', node: 'n3' },
    { id: 'serving', type: 'hbase', node: 'n2' },
    { id: 'dashboard', type: 'dashboard', node: 'n1' },
    { id: 'agent', type: 'flume', node: 'n3' },
    { id: 'lake', type: 'hdfs', node: 'n1' },
  ],
  wires: [
    { from: 'clients', to: 'api' },
    { from: 'api', to: 'buffer' },
    { from: 'buffer', to: 'stream' },
    { from: 'stream', to: 'serving' },
    { from: 'serving', to: 'dashboard' },
    { from: 'buffer', to: 'agent' },
    { from: 'agent', to: 'lake' },
  ],
};

/** The same events through the same 7 parts, each noting arrivals and passing the ids on. */
function baseline(): number {
  const start = performance.now();
  const parts = 7;
  const reached = Array.from({ length: parts }, () => new Float64Array(EVENTS).fill(Number.NaN));
  let ids: number[] = [];
  for (let i = 0; i < EVENTS; i++) ids.push(i);
  for (let p = 0; p < parts; p++) {
    const next: number[] = [];
    const row = reached[p]!;
    for (const id of ids) {
      if (Number.isNaN(row[id]!)) row[id] = p;
      next.push(id);
    }
    ids = next;
  }
  return performance.now() - start;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

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
