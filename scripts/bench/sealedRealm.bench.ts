// What the sandbox's sealing costs the code that runs after it. A sandbox worker seals its realm
// before any learner code runs (cli/sealedRealm.ts: Object.prototype, Array.prototype, the typed
// arrays' prototypes... made read-only). V8 ties some of its fast paths to those objects: frozen
// with Object.freeze, Object.prototype or a typed array's prototype made every store into a typed
// array in the worker 40-100 times slower; closed property by property, a typed array's prototype
// is in V8's dictionary mode, which made reading or filling that kind of typed array 10-15 times
// slower until freezeIntrinsics gave it back its fast properties; and Array.prototype makes every
// store into an array's hole about 30 times slower. The same work runs in two fresh processes, one plain and one sealed,
// best of 5 each: the map tasks of the IoT daily average over 200,000 lines at 8 KB blocks (their
// records through the sort buffer, their outputs packed as a sandbox worker packs them), a
// Float64Array filled, and an array filled through its holes. Printed: each part's time and the
// sealed/plain ratio (1.0x: the sealing costs nothing there).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sealRealm } from '../../cli/sealedRealm';
import { sensorCsv } from '../../engine/datasets/sampleData';
import { DEFAULT_MAPREDUCE_CONF } from '../../engine/mapreduce';
import { runMapTask, type MapReduceFunctions } from '../../engine/mapreduce/mapTaskCompute';
import type { SandboxReply } from '../../engine/sandbox/sandboxMessages';
import { packMapReplies } from '../../engine/sandbox/packedMapOutputs';

type Parts = Record<'map tasks' | 'Float64Array fill' | 'array filled through holes', number>;

function splits(text: string, block: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', Math.min(text.length, at + block));
    const end = nl < 0 ? text.length : nl + 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

function best(run: () => void): number {
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}

function measure(): Parts {
  const chunks = splits(sensorCsv(200_000), 8192);
  const fns: MapReduceFunctions = {
    fileName: 'iot-daily-average.js',
    map: (_offset, line, ctx) => {
      const [ts, , v] = line.split(',');
      ctx.write(ts!.slice(0, 10), Number(v));
    },
    combine: null,
    reduce: () => {},
    partition: null,
    sortComparator: null,
    groupingComparator: null,
    conf: { ...DEFAULT_MAPREDUCE_CONF },
  };
  const numbers = new Float64Array(1 << 16);
  return {
    'map tasks': best(() => {
      let batch: SandboxReply[] = [];
      chunks.forEach((text, i) => {
        batch.push({ type: 'mapDone', id: i, output: runMapTask(fns, text, 0, text.length, 3, i) });
        if (batch.length === 64 || i === chunks.length - 1) {
          packMapReplies(batch);
          batch = [];
        }
      });
    }),
    'Float64Array fill': best(() => {
      for (let r = 0; r < 200; r++) for (let i = 0; i < numbers.length; i++) numbers[i] = i + r;
    }),
    'array filled through holes': best(() => {
      for (let r = 0; r < 2000; r++) {
        const a = new Array<number>(1000);
        for (let i = 0; i < a.length; i++) a[i] = i + r;
      }
    }),
  };
}

if (process.argv[2] === 'child') {
  if (process.argv[3] === 'sealed') sealRealm();
  console.log(JSON.stringify(measure()));
} else {
  const self = fileURLToPath(import.meta.url);
  const child = (mode: string): Parts => {
    const r = spawnSync(process.execPath, [self, 'child', mode], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the ${mode} run failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Parts;
  };
  const plain = child('plain');
  const sealed = child('sealed');
  console.log('A sandbox worker sealed (cli/sealedRealm.ts) against a plain process, best of 5 each:');
  for (const part of Object.keys(plain) as (keyof Parts)[]) {
    const ratio = sealed[part] / plain[part];
    console.log(
      `  ${part.padEnd(28)} plain ${plain[part].toFixed(1).padStart(7)} ms  sealed ${sealed[part].toFixed(1).padStart(7)} ms  -> ${ratio.toFixed(2)}x`,
    );
  }
}
