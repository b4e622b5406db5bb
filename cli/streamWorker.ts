/**
 * The stream worker (a worker_threads entry, bundled to streamWorker.mjs next to main.mjs): runs
 * one streaming scenario (load, validate, simulate, report) and posts its output to the parent,
 * which terminates this thread when the wall-clock budget runs out, e.g. on an endless loop in a
 * learner's `process` or `generate`. The scenario file is learners' code like a job file: this
 * realm is sealed before it is loaded (cli/sealedRealm.ts), and it runs in a sealed `vm` context.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError, type CliIo } from './cliIo';
import type { StreamWorkerData, StreamWorkerReply } from './streamMessages';
import { runStreamScenario } from './streamRun';
import { thrownText } from './streamScenarioLoader';
import { sealRealm } from './sealedRealm';

sealRealm();

const port = parentPort!;
const data = workerData as StreamWorkerData;
const post = (m: StreamWorkerReply): void => port.postMessage(m);
const io: CliIo = {
  out: (text) => post({ type: 'out', text }),
  err: (text) => post({ type: 'err', text }),
  cwd: data.cwd,
};

try {
  const code = runStreamScenario({ path: data.path, seed: data.seed, json: data.json }, io);
  post({ type: 'done', code });
} catch (e) {
  if (e instanceof UsageError) post({ type: 'usage', message: e.message });
  else {
    // Whatever else went wrong (a learner's value that broke the report, a bug): one line, no stack.
    post({ type: 'crashed', message: thrownText(e) });
  }
}
