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
 * CPU time of a run's threads, ms (Linux: /proc's counts, in 10 ms ticks): the CLI's main thread
 * (its JavaScript, and the garbage collection it pauses for) and its other threads (V8's
 * optimizing compiler and garbage-collection helpers, libuv's pool), the same for its sandbox
 * processes together. Each process's whole count (which keeps the ended threads' time) less its
 * main thread's: a sum over a dozen threads, each cut to whole ticks, lost about a tenth. The
 * CLI's own from process.cpuUsage() at exit; the sandboxes' the larger of their counts as last
 * seen (every 20 ms while they live) and of the CLI's reaped children's (cutime + cstime).
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
    // A /proc stat line's fields from the 3rd on (f[11] + f[12]: utime + stime; f[13] + f[14]: the
    // reaped children's), or null once the process or thread has gone; a tick is 10 ms (USER_HZ 100).
    const stat = (path) => {
      try {
        const s = fs.readFileSync(path, 'latin1');
        return s.slice(s.lastIndexOf(')') + 2).split(' ');
      } catch {
        return null;
      }
    };
    const ms = (f, at) => (Number(f[at]) + Number(f[at + 1])) * 10;
    // Each sandbox's CPU ms as last seen: pid -> { total, main }.
    const sandboxes = new Map();
    const look = () => {
      let tasks = [];
      try { tasks = fs.readdirSync('/proc/self/task'); } catch { return; }
      for (const t of tasks) {
        let pids = [];
        try { pids = fs.readFileSync('/proc/self/task/' + t + '/children', 'utf8').split(' ').filter(Boolean); } catch { continue; }
        for (const pid of pids) {
          try {
            const hwm = /VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/' + pid + '/status', 'utf8'));
            if (hwm) peaks.set(pid, Number(hwm[1]));
          } catch {}
          const whole = stat('/proc/' + pid + '/stat');
          const main = stat('/proc/' + pid + '/task/' + pid + '/stat');
          if (whole && main) sandboxes.set(pid, { total: ms(whole, 11), main: ms(main, 11) });
        }
      }
    };
    const linux = process.platform === 'linux';
    if (linux) setInterval(look, 20).unref();
    process.on('exit', () => {
      if (linux) look();
      const children = linux ? [...peaks.values()].reduce((a, b) => a + b, 0) / 1024 : null;
      let cpu = null;
      if (linux) {
        const used = process.cpuUsage();
        const total = (used.user + used.system) / 1000;
        const own = stat('/proc/self/stat');
        const ownMain = stat('/proc/self/task/' + process.pid + '/stat');
        const mainThread = ownMain ? Math.min(total, ms(ownMain, 11)) : total;
        let seen = 0;
        let sandboxThreads = 0;
        for (const s of sandboxes.values()) {
          seen += s.total;
          sandboxThreads += s.main;
        }
        const sandboxTotal = Math.max(seen, own ? ms(own, 13) : 0);
        cpu = {
          mainThread,
          mainHelpers: total - mainThread,
          sandboxThreads,
          sandboxHelpers: Math.max(0, sandboxTotal - sandboxThreads),
        };
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
