/**
 * Runs a streaming scenario in a worker thread under a wall-clock budget. The learner's functions
 * (`generate`, `process`) run synchronously inside the simulation, so only another thread can stop
 * an endless loop: at the deadline the worker is terminated and the run fails (exit 1) with a
 * message naming the file and the budget. Under the bundled command the worker is
 * streamWorker.mjs next to main.mjs; from sources (vitest) the CLI bundle is built first.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError, type CliIo } from './cliIo';
import { workerMemoryMb } from './sandboxPool';
import type { StreamWorkerData, StreamWorkerReply } from './streamMessages';

let builtUrl: Promise<URL> | undefined;

async function workerUrl(): Promise<URL> {
  const sibling = new URL('./streamWorker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  builtUrl ??= (async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const buildScript = pathToFileURL(join(root, 'scripts', 'buildCli.mjs')).href;
    const { buildCli } = (await import(/* @vite-ignore */ buildScript)) as {
      buildCli: () => Promise<{ outDir: string }>;
    };
    const { outDir } = await buildCli();
    return pathToFileURL(join(outDir, 'streamWorker.mjs'));
  })();
  return builtUrl;
}

/** The budget as the message shows it: `30 s`, `0.5 s`. */
function seconds(s: number): string {
  return `${s} s`;
}

/** Runs the scenario in a worker; resolves to the exit code, rejects with UsageError for exit 2. */
export async function runInStreamWorker(data: StreamWorkerData, timeoutSeconds: number, io: CliIo): Promise<number> {
  const url = await workerUrl();
  const file = basename(data.path);
  // The sandbox's heap limit (CLUSTERLAB_WORKER_MEMORY_MB): a scenario that fills memory, or an
  // array grown towards V8's maximum length (a native abort of the whole process), ends here.
  const memoryMb = workerMemoryMb();
  return new Promise<number>((resolvePromise, reject) => {
    let settled = false;
    const worker = new Worker(url, {
      workerData: data,
      env: {},
      stdout: false,
      stderr: false,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      settle();
    };
    /** Ends the run with one line and exit 1: never a Node stack. */
    const failed = (text: string): void =>
      finish(() => {
        io.err(`clusterlab stream: ${file}: ${text}\n`);
        resolvePromise(1);
      });
    const timer = setTimeout(() => {
      finish(() => {
        io.err(
          `clusterlab stream: ${file}: stopped after the ${seconds(timeoutSeconds)} budget (--timeout ${timeoutSeconds}); ` +
            'a scenario function (generate, process) may loop forever, or the scenario is too big for the budget\n',
        );
        resolvePromise(1);
      });
    }, timeoutSeconds * 1000);
    worker.on('message', (m: StreamWorkerReply) => {
      if (settled) return;
      if (m.type === 'out') io.out(m.text);
      else if (m.type === 'err') io.err(m.text);
      else if (m.type === 'done') finish(() => resolvePromise(m.code));
      else if (m.type === 'usage') finish(() => reject(new UsageError(m.message)));
      else failed(`the run failed: ${m.message}`);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY')
        finish(() => {
          io.err(
            `clusterlab stream: ${file}: the scenario used more than its memory limit of ${memoryMb} MB (does it keep too much data?)\n`,
          );
          resolvePromise(1);
        });
      else failed(`the run failed: ${e.message}`);
    });
    worker.on('exit', (code) => failed(`the scenario worker stopped unexpectedly (exit ${code})`));
  });
}
