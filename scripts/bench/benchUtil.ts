// Shared helpers of the MapReduce and Spark benchmarks: generate inputs, time a `clusterlab run` process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = process.env.CLUSTERLAB_ROOT ?? process.cwd();
export const dir = mkdtempSync(join(tmpdir(), 'clusterlab-bench-'));

export function writeInput(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export function timeRun(args: string[], env: Record<string, string> = {}): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'scripts/clusterlab.mjs'), 'run', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`clusterlab run ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout };
}

export function timePlain(script: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t0;
}

export const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

/** The baseline for the IoT benchmarks: a plain Node script that reads the CSV and averages per day in one loop. */
export function plainDailyAverage(csvPath: string): string {
  return `const t=require('fs').readFileSync(${JSON.stringify(csvPath)},'utf8');const m=new Map();for(const l of t.split('\\n')){if(!l)continue;const [ts,,v]=l.split(',');const d=ts.slice(0,10);const a=m.get(d)||[0,0];a[0]+=Number(v);a[1]++;m.set(d,a)}console.log(m.size)`;
}
