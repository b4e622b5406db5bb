/**
 * The stream worker (a child process of `clusterlab stream`, cli/streamWorkerHost.ts, bundled to
 * streamWorker.mjs next to main.mjs): receives one streaming scenario to run (load, validate,
 * simulate, report) and sends its output back; the CLI kills it when the wall-clock budget runs
 * out, e.g. on an endless loop in a learner's `process` or `generate`. The scenario file is
 * learners' code like a job file: this realm is sealed before it is loaded (cli/sealedRealm.ts),
 * and it runs in a sealed `vm` context.
 */
import { UsageError, type CliIo } from './cliIo';
import type { StreamWorkerData, StreamWorkerReply } from './streamMessages';
import { runStreamScenario } from './streamRun';
import { thrownText } from './streamScenarioLoader';
import { sealRealm } from './sealedRealm';
import { openChildPort } from './childPort';

sealRealm();

// Whatever is thrown outside the run (a learner's promise failing later): one line, no stack.
const port = openChildPort((e): StreamWorkerReply => ({ type: 'crashed', message: thrownText(e) }));
const post = (m: StreamWorkerReply): void => port.send(m);

let started = false;
port.onMessage((raw) => {
  if (started) return;
  started = true;
  const data = raw as StreamWorkerData;
  const io: CliIo = {
    out: (text) => post({ type: 'out', text }),
    err: (text) => post({ type: 'err', text }),
    cwd: data.cwd,
  };
  try {
    const code = runStreamScenario({ path: data.path, seed: data.seed, json: data.json }, io);
    // One turn of the event loop first: a promise the scenario left to fail later fails before
    // the run is called done (it is reported as a crash instead).
    setImmediate(() => post({ type: 'done', code }));
  } catch (e) {
    if (e instanceof UsageError) post({ type: 'usage', message: e.message });
    else {
      // Whatever else went wrong (a learner's value that broke the report, a bug): one line, no stack.
      post({ type: 'crashed', message: thrownText(e) });
    }
  }
});
