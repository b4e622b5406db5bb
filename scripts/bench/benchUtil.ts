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
 * CPU time of a run's threads, ms (Linux: /proc's per-thread counts, in 10 ms ticks): the CLI's
 * main thread (its JavaScript, and the garbage collection it pauses for) and its other threads
 * (V8's optimizing compiler and garbage-collection helpers, libuv's pool), the same for its
 * sandbox processes together (each thread as last seen, 20 ms apart, before its process ended).
 */
export interface ThreadCpu {
  mainThread: number;
  mainHelpers: number;
  sandboxThreads: number;
  sandboxHelpers: number;
}

/**
 * Like timeRun, and the peak memory too: the CLI's own (its maximum resident size) and, on Linux,
 * its sandbox processes' together (each one's peak, VmHWM, as last seen before it ended), and
 * the CPU time of their threads (null elsewhere).
 */
export function measuredRun(args: string[]): {
  ms: number;
  out: string;
  mainMb: number;
  childrenMb: number | null;
  cpu: ThreadCpu | null;
} {
  const cli = join(root, 'scripts/clusterlab.mjs');
  const probe = `
    const fs = await import('node:fs');
    const peaks = new Map();
    // Each thread's CPU ms ("pid/tid" -> [is its process's main thread, ms]); a tick is 10 ms (USER_HZ 100).
    const threads = new Map();
    const threadsOf = (pid, into) => {
      for (const tid of fs.readdirSync('/proc/' + pid + '/task')) {
        const stat = fs.readFileSync('/proc/' + pid + '/task/' + tid + '/stat', 'latin1');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        into.set(pid + '/' + tid, [tid === String(pid), (Number(f[11]) + Number(f[12])) * 10]);
      }
    };
    const look = () => {
      try {
        for (const t of fs.readdirSync('/proc/self/task'))
          for (const pid of fs.readFileSync('/proc/self/task/' + t + '/children', 'utf8').split(' ').filter(Boolean)) {
            const hwm = /VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/' + pid + '/status', 'utf8'));
            if (hwm) peaks.set(pid, Number(hwm[1]));
            threadsOf(pid, threads);
          }
      } catch {}
    };
    const linux = process.platform === 'linux';
    if (linux) setInterval(look, 20).unref();
    process.on('exit', () => {
      if (linux) look();
      const children = linux ? [...peaks.values()].reduce((a, b) => a + b, 0) / 1024 : null;
      let cpu = null;
      if (linux) {
        const own = new Map();
        try { threadsOf(process.pid, own); } catch {}
        const sum = (m, main) => [...m.values()].filter(([isMain]) => isMain === main).reduce((a, [, ms]) => a + ms, 0);
        cpu = { mainThread: sum(own, true), mainHelpers: sum(own, false), sandboxThreads: sum(threads, true), sandboxHelpers: sum(threads, false) };
      }
      process.stderr.write('\\nclusterlab-bench-memory ' + JSON.stringify({ main: process.resourceUsage().maxRSS / 1024, children, cpu }) + '\\n');
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
  const { main, children, cpu } = JSON.parse(memory?.[1] ?? '{"main":0,"children":null,"cpu":null}') as {
    main: number;
    children: number | null;
    cpu: ThreadCpu | null;
  };
  return { ms, out: r.stdout, mainMb: main, childrenMb: children, cpu };
}
