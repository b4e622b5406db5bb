// Shared helpers of the MapReduce and Spark benchmarks: generate inputs, time a `clusterlab run` process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/**
 * Like timeRun, and the peak memory too: the CLI's own (its maximum resident size) and, on Linux,
 * its sandbox processes' together (each one's peak, VmHWM, as last seen before it ended).
 */
export function measuredRun(args: string[]): { ms: number; out: string; mainMb: number; childrenMb: number | null } {
  const cli = join(root, 'scripts/clusterlab.mjs');
  const probe = `
    const fs = await import('node:fs');
    const peaks = new Map();
    const look = () => {
      try {
        for (const t of fs.readdirSync('/proc/self/task'))
          for (const pid of fs.readFileSync('/proc/self/task/' + t + '/children', 'utf8').split(' ').filter(Boolean)) {
            const hwm = /VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/' + pid + '/status', 'utf8'));
            if (hwm) peaks.set(pid, Number(hwm[1]));
          }
      } catch {}
    };
    const linux = process.platform === 'linux';
    if (linux) setInterval(look, 20).unref();
    process.on('exit', () => {
      if (linux) look();
      const children = linux ? [...peaks.values()].reduce((a, b) => a + b, 0) / 1024 : null;
      process.stderr.write('\\nclusterlab-bench-memory ' + JSON.stringify({ main: process.resourceUsage().maxRSS / 1024, children }) + '\\n');
    });
    process.argv = [process.execPath, ${JSON.stringify(cli)}, 'run', ...${JSON.stringify(args)}];
    await import(${JSON.stringify(pathToFileURL(cli).href)});
  `;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`clusterlab run ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const memory = /clusterlab-bench-memory (.*)/.exec(r.stderr);
  const { main, children } = JSON.parse(memory?.[1] ?? '{"main":0,"children":null}') as {
    main: number;
    children: number | null;
  };
  return { ms, out: r.stdout, mainMb: main, childrenMb: children };
}
