/**
 * A sandbox worker as a child process of the CLI (used by the job pool, cli/sandboxPool.ts, and by
 * `clusterlab stream`, cli/streamWorkerHost.ts). A process, not a worker thread, because V8 ends
 * the whole process when one allocation cannot fit (`new Array(2e8).fill(0)`, a string or array
 * past its maximum length): in a thread that takes the CLI down with it; in a child only the run
 * ends, with a message. Each child has its own heap limit (--max-old-space-size) and, on Linux,
 * its resident size (ArrayBuffers and typed arrays included, which the heap limit does not count)
 * is watched from here. Its environment is empty but for what Windows needs to start a process.
 * Messages use V8's serialization (typed arrays and Maps cross as they are).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BytesSpool } from './bytesSpool';
import { removeSpoolFolder } from './spoolFolder';

/**
 * Each sandbox process's heap limit in MB: a memory bomb ends its run with this number, not the
 * machine. CLUSTERLAB_WORKER_MEMORY_MB (64–16384) changes it. Loops stop earlier, at half of it
 * (cli/heapGuard.ts), with their line.
 */
export function workerMemoryMb(env: Record<string, string | undefined> = process.env): number {
  const fromEnv = Number(env.CLUSTERLAB_WORKER_MEMORY_MB);
  return Number.isInteger(fromEnv) && fromEnv >= 64 && fromEnv <= 16384 ? fromEnv : 1024;
}

/** The pool size: CLUSTERLAB_WORKERS if set, else the number of cores, at most 4 (as the app). */
export function defaultPoolSize(env: Record<string, string | undefined> = process.env): number {
  const fromEnv = Number(env.CLUSTERLAB_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, Math.min(4, availableParallelism()));
}

let built: Promise<string> | undefined;

/** The bundled sandboxWorker.mjs beside this code when it runs from the bundle, else null (never builds). */
export function bundledSandboxEntry(): string | null {
  for (const near of ['./sandboxWorker.mjs', '../sandboxWorker.mjs']) {
    const file = fileURLToPath(new URL(near, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * The bundled entry file of a sandbox process (`sandboxWorker`, `streamWorker`): next to main.mjs
 * under the bundled command (main.mjs's folder); from sources (vitest) the CLI bundle is built first.
 */
export async function sandboxEntry(name: 'sandboxWorker' | 'streamWorker'): Promise<string> {
  // In the bundle this code sits in main.mjs or in one of its chunks (chunks/…).
  for (const near of [`./${name}.mjs`, `../${name}.mjs`]) {
    const file = fileURLToPath(new URL(near, import.meta.url));
    if (existsSync(file)) return file;
  }
  built ??= (async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const buildScript = pathToFileURL(join(root, 'scripts', 'buildCli.mjs')).href;
    const { buildCli } = (await import(/* @vite-ignore */ buildScript)) as {
      buildCli: () => Promise<{ outDir: string }>;
    };
    return (await buildCli()).outDir;
  })();
  return join(await built, `${name}.mjs`);
}

export interface SandboxProcessOptions {
  /** The bundled entry file (sandboxWorker.mjs, streamWorker.mjs). */
  entry: string;
  /** Heap limit of the child (MB). */
  memoryMb: number;
  onMessage(message: unknown): void;
  /**
   * The child ended on its own (not by `kill()`): `why` says how, in the learner's terms
   * ("it used more than its memory limit of 1024 MB"). Called at most once.
   */
  onExit(why: string): void;
}

export interface SandboxProcess {
  send(message: unknown): void;
  /** Ends the child now (SIGKILL); onExit is not called for it. */
  kill(): void;
}

/** The resident size a child may reach (MB): its heap limit plus room for ArrayBuffers and code. */
export function residentLimitMb(memoryMb: number): number {
  return memoryMb + 512;
}

/**
 * The resident size all children together may reach (MB): a job's top-level code runs in every
 * worker of the pool, so a bomb there would otherwise take the per-child limit times the workers.
 */
export function totalResidentLimitMb(memoryMb: number): number {
  return residentLimitMb(memoryMb) * 2;
}

/** How often the children's resident sizes are looked at (ms). */
const MEMORY_WATCH_MS = 200;

/**
 * How a child that ended on its own is told: V8 aborts a process whose heap is full or whose one
 * allocation cannot fit (SIGABRT or SIGTRAP, exit 133/134 through a shell, 0xC0000409 and
 * friends on Windows); the kernel's out-of-memory killer sends SIGKILL.
 */
export function exitReason(code: number | null, signal: NodeJS.Signals | null, memoryMb: number): string {
  const memory = `it used more than its memory limit of ${memoryMb.toLocaleString('en')} MB`;
  if (signal === 'SIGABRT' || signal === 'SIGTRAP' || signal === 'SIGILL' || signal === 'SIGSEGV') return memory;
  if (signal === 'SIGKILL') return `${memory}, or the system stopped it`;
  if (code === 133 || code === 134 || code === 132 || code === 139) return memory;
  // Windows: STATUS_STACK_BUFFER_OVERRUN (fast fail, V8's abort), access violation, breakpoint.
  if (code === 0xc0000409 || code === 0xc0000005 || code === 0x80000003 || code === 0xc00000fd) return memory;
  if (signal) return `it stopped unexpectedly (signal ${signal})`;
  return `it stopped unexpectedly (exit ${code ?? 'unknown'})`;
}

/** The environment of a child: nothing of the user's but what Windows needs to run a process. */
function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['SystemRoot', 'SYSTEMROOT', 'TEMP', 'TMP', 'windir']) {
    const value = process.env[name];
    if (process.platform === 'win32' && value) env[name] = value;
  }
  return env;
}

/** A Linux child's resident size in MB, or null where /proc cannot tell. */
function residentMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Live children and how to stop one for its memory. */
const watched = new Map<ChildProcess, { limitMb: number; totalMb: number; over: (why: string) => void }>();
let watch: ReturnType<typeof setInterval> | null = null;

function watchMemory(): void {
  if (watch || process.platform !== 'linux') return;
  watch = setInterval(() => {
    if (watched.size === 0) {
      clearInterval(watch!);
      watch = null;
      return;
    }
    let total = 0;
    let biggest: { mb: number; totalMb: number; over: (why: string) => void } | null = null;
    for (const [child, { limitMb, totalMb, over }] of [...watched]) {
      const mb = child.pid === undefined ? null : residentMb(child.pid);
      if (mb === null) continue;
      if (mb > limitMb) {
        over(
          `it used more than the sandbox's memory limit of ${limitMb.toLocaleString('en')} MB, ArrayBuffers and typed arrays included`,
        );
        continue;
      }
      total += mb;
      if (!biggest || mb > biggest.mb) biggest = { mb, totalMb, over };
    }
    if (biggest && total > biggest.totalMb)
      biggest.over(
        `its workers together used more than the sandbox's memory limit of ${biggest.totalMb.toLocaleString('en')} MB (code at the top of a job file runs in every worker)`,
      );
  }, MEMORY_WATCH_MS);
  watch.unref();
}

let exitHooked = false;

/**
 * Children end with the CLI: on its exit, and on the signals that end it (SIGINT, SIGTERM, SIGHUP;
 * then the signal is raised again, so the exit status still tells it). A CLI killed with SIGKILL
 * cannot do this: the children then see they were orphaned (cli/heapGuard.ts) and exit.
 */
function endChildrenWithTheCli(): void {
  if (exitHooked) return;
  exitHooked = true;
  const killAll = () => {
    for (const child of watched.keys()) child.kill('SIGKILL');
    discardPrestarted();
    // Before a signal is raised again (then no 'exit' listener runs): nothing is left in /dev/shm.
    removeSpoolFolder();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
}

function forkChild(entry: string, memoryMb: number): ChildProcess {
  return fork(entry, [], {
    execArgv: [`--max-old-space-size=${memoryMb}`, '--disallow-code-generation-from-strings'],
    env: childEnv(),
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
}

/** A child forked before anyone asked for it, and what it said or did until it is taken. */
interface Prestarted {
  entry: string;
  memoryMb: number;
  child: ChildProcess;
  said: unknown[];
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
  failed: Error | null;
  /** Taken by a pool: its own listeners hear the child from then on, these no longer note anything. */
  taken: boolean;
}
const prestarted: Prestarted[] = [];

/**
 * Forks `count` sandbox processes now, for a pool that will be made later (`clusterlab run`
 * starts them while its own modules load, cli/main.ts): forkSandboxProcess takes them first.
 * Those not taken are ended by discardPrestarted (and with the CLI, like every child).
 */
export function prestartSandboxProcesses(entry: string, count: number, memoryMb: number): void {
  endChildrenWithTheCli();
  for (let i = 0; i < count; i++) {
    const child = forkChild(entry, memoryMb);
    const p: Prestarted = {
      entry,
      memoryMb,
      child,
      said: [],
      exited: null,
      failed: null,
      taken: false,
    };
    child.on('message', (m: unknown) => {
      if (!p.taken) p.said.push(m);
    });
    child.on('exit', (code, signal) => {
      if (!p.taken) p.exited = { code, signal };
    });
    child.on('error', (e) => {
      if (!p.taken) p.failed = e;
    });
    prestarted.push(p);
  }
}

/** Ends the prestarted processes no pool took. */
export function discardPrestarted(): void {
  for (const p of prestarted.splice(0)) p.child.kill('SIGKILL');
}

function takePrestarted(entry: string, memoryMb: number): Prestarted | null {
  const i = prestarted.findIndex((p) => p.entry === entry && p.memoryMb === memoryMb);
  if (i < 0) return null;
  const [p] = prestarted.splice(i, 1);
  p!.taken = true;
  return p!;
}

export function forkSandboxProcess(options: SandboxProcessOptions): SandboxProcess {
  endChildrenWithTheCli();
  const early = takePrestarted(options.entry, options.memoryMb);
  const child = early?.child ?? forkChild(options.entry, options.memoryMb);
  // A job's input reaches the child through a file, not its IPC channel (cli/bytesSpool.ts says why).
  const spool = new BytesSpool();
  let ended = false;
  const end = (why: string | null): void => {
    if (ended) return;
    ended = true;
    watched.delete(child);
    child.kill('SIGKILL'); // harmless when it has already exited
    spool.close();
    if (why !== null) options.onExit(why);
  };
  watched.set(child, {
    limitMb: residentLimitMb(options.memoryMb),
    totalMb: totalResidentLimitMb(options.memoryMb),
    over: (why) => end(why),
  });
  watchMemory();
  child.on('message', (message: unknown) => {
    if (!ended) options.onMessage(message);
  });
  // Its reason is worded only when it is news (wording it loads ICU's number formats, 20 ms at every run's end).
  child.on('exit', (code, signal) => {
    if (!ended) end(exitReason(code, signal, options.memoryMb));
  });
  // A child that cannot start (or a failed send) is reported as it ending.
  child.on('error', (error) => end(`it could not run (${error.message})`));
  if (early) {
    // What a prestarted child said or did before it was taken, in order, as if just now.
    queueMicrotask(() => {
      for (const m of early.said) if (!ended) options.onMessage(m);
      if (early.failed) end(`it could not run (${early.failed.message})`);
      else if (early.exited) end(exitReason(early.exited.code, early.exited.signal, options.memoryMb));
    });
  }
  return {
    send(message) {
      if (ended || !child.connected) return;
      child.send(spool.wrap(message) as never, (error) => {
        if (error) end(`a message could not be sent to it (${error.message})`);
      });
    },
    kill: () => end(null),
  };
}
