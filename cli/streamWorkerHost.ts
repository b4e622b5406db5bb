/**
 * Runs a streaming scenario in a sandbox process (cli/sandboxProcess.ts) under a wall-clock
 * budget. The learner's functions (`generate`, `process`) run synchronously inside the
 * simulation, so only another process can stop an endless loop: at the deadline the child is
 * killed and the run fails (exit 1) with a message naming the file and the budget; a child that
 * runs out of memory ends the run the same way, with its limit named.
 */
import { basename } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { forkSandboxProcess, sandboxEntry, workerMemoryMb } from './sandboxProcess';
import type { StreamWorkerData, StreamWorkerReply } from './streamMessages';
import { oneLine } from './terminalSafeIo';

/** The budget as the message shows it: `30 s`, `0.5 s`. */
function seconds(s: number): string {
  return `${s} s`;
}

/** Runs the scenario in a sandbox process; resolves to the exit code, rejects with UsageError for exit 2. */
export async function runInStreamWorker(data: StreamWorkerData, timeoutSeconds: number, io: CliIo): Promise<number> {
  const entry = await sandboxEntry('streamWorker');
  const file = basename(data.path);
  // The sandbox's heap limit (CLUSTERLAB_WORKER_MEMORY_MB): a scenario that fills memory, or one
  // allocation too big for V8 (a native abort of its process), ends here with a message.
  const memoryMb = workerMemoryMb();
  return new Promise<number>((resolvePromise, reject) => {
    let settled = false;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
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
    const child = forkSandboxProcess({
      entry,
      memoryMb,
      onMessage(raw) {
        if (settled) return;
        const m = raw as StreamWorkerReply;
        if (m.type === 'out') io.out(m.text);
        else if (m.type === 'err') io.err(m.text);
        else if (m.type === 'done') finish(() => resolvePromise(m.code));
        else if (m.type === 'usage') finish(() => reject(new UsageError(m.message)));
        else failed(`the run failed: ${oneLine(m.message)}`);
      },
      onExit: (why) => failed(`the scenario stopped: ${why} — does it keep ever more data?`),
    });
    child.send(data);
  });
}
