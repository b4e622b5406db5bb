/**
 * The Node implementation of the sandbox pool: worker_threads running cli/sandboxWorker.ts,
 * sized to the machine's cores (os.availableParallelism(), or CLUSTERLAB_WORKERS). Under the
 * bundled command the worker is sandboxWorker.mjs next to main.mjs; from sources (vitest) the CLI
 * bundle is built first so the worker exists.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SandboxPoolCore } from '../engine/api/sandboxPoolCore';
import type { SandboxReply } from '../engine/api/sandboxMessages';

/**
 * Each sandbox worker's heap limit in MB: a memory bomb ends its run with this number, not the
 * machine. CLUSTERLAB_WORKER_MEMORY_MB (64–16384) changes it. Loops stop earlier, at half of it
 * (cli/heapGuard.ts): V8 aborts the whole process, not just the worker, when an array outgrows its
 * maximum length or one allocation cannot fit, which a growing array reaches before this limit.
 */
export function workerMemoryMb(env: Record<string, string | undefined> = process.env): number {
  const fromEnv = Number(env.CLUSTERLAB_WORKER_MEMORY_MB);
  return Number.isInteger(fromEnv) && fromEnv >= 64 && fromEnv <= 16384 ? fromEnv : 1024;
}

/**
 * The process's memory limit while sandbox workers run, in MB: the workers' heap limits do not
 * cover ArrayBuffers and typed arrays, so the process's resident size is watched too.
 */
export function processMemoryMb(size: number, env: Record<string, string | undefined> = process.env): number {
  return workerMemoryMb(env) * (size + 1) + 512;
}

/** How often the resident size is looked at (ms). */
const MEMORY_WATCH_MS = 200;

export interface NodePoolOptions {
  size?: number;
  timeoutSeconds: number | null;
  log: (text: string) => void;
}

/** The pool size: CLUSTERLAB_WORKERS if set, else the number of cores. */
export function defaultPoolSize(env: Record<string, string | undefined> = process.env): number {
  const fromEnv = Number(env.CLUSTERLAB_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, availableParallelism());
}

async function workerUrl(): Promise<URL> {
  const sibling = new URL('./sandboxWorker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const buildScript = pathToFileURL(join(root, 'scripts', 'buildCli.mjs')).href;
  const { buildCli } = (await import(/* @vite-ignore */ buildScript)) as {
    buildCli: () => Promise<{ outDir: string }>;
  };
  const { outDir } = await buildCli();
  return pathToFileURL(join(outDir, 'sandboxWorker.mjs'));
}

export async function createNodeSandboxPool(options: NodePoolOptions): Promise<SandboxPoolCore> {
  const url = await workerUrl();
  const memoryMb = workerMemoryMb();
  const size = options.size ?? defaultPoolSize();
  const limitMb = processMemoryMb(size);
  // Live workers and how to fail them: a worker whose ArrayBuffers push the process past its limit
  // cannot be told apart, so every live worker is failed (the first failure ends the run).
  const live = new Map<(error: Error) => void, Worker>();
  let watch: ReturnType<typeof setInterval> | null = null;
  const watchMemory = () => {
    if (watch || live.size === 0) return;
    watch = setInterval(() => {
      if (live.size === 0) {
        clearInterval(watch!);
        watch = null;
        return;
      }
      const rssMb = process.memoryUsage.rss() / 2 ** 20;
      if (rssMb <= limitMb) return;
      const error = new Error(
        `it used more than the sandbox's memory limit of ${limitMb.toLocaleString('en')} MB, ArrayBuffers and typed arrays included`,
      );
      for (const [fail, worker] of [...live]) {
        fail(error);
        void worker.terminate();
      }
    }, MEMORY_WATCH_MS);
    watch.unref();
  };
  return new SandboxPoolCore({
    size,
    timeoutSeconds: options.timeoutSeconds,
    log: options.log,
    now: () => Date.now(),
    startTimer(ms, fire) {
      const timer = setTimeout(fire, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
    spawn(onMessage, onError) {
      const worker = new Worker(url, {
        env: {},
        stdout: false,
        stderr: false,
        resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      });
      worker.on('message', (m: SandboxReply) => onMessage(m));
      live.set(onError, worker);
      worker.on('exit', () => live.delete(onError));
      watchMemory();
      worker.on('error', (e: Error & { code?: string }) =>
        onError(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`it used more than its memory limit of ${memoryMb} MB`) : e,
        ),
      );
      // A reply that cannot be deserialized is as bad as a crash: the pool fails the run with a message.
      worker.on('messageerror', (e) => onError(e));
      return {
        post: (m, transfer) => worker.postMessage(m, transfer ?? []),
        terminate: () => void worker.terminate(),
      };
    },
  });
}
