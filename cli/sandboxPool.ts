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
 * machine. CLUSTERLAB_WORKER_MEMORY_MB (64–16384) changes it.
 */
export function workerMemoryMb(env: Record<string, string | undefined> = process.env): number {
  const fromEnv = Number(env.CLUSTERLAB_WORKER_MEMORY_MB);
  return Number.isInteger(fromEnv) && fromEnv >= 64 && fromEnv <= 16384 ? fromEnv : 2048;
}

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
  return new SandboxPoolCore({
    size: options.size ?? defaultPoolSize(),
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
