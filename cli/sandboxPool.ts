/**
 * The Node implementation of the sandbox pool: child processes running cli/sandboxWorker.ts
 * (cli/sandboxProcess.ts says why processes and how their memory is bounded), sized to the
 * machine's cores (os.availableParallelism(), at most 4; or CLUSTERLAB_WORKERS).
 */
import { SandboxPoolCore, type SandboxPost, childCrashError } from '../engine/sandbox';
import { defaultPoolSize, forkSandboxProcess, sandboxEntry, workerMemoryMb } from './sandboxProcess';

export { defaultPoolSize };

export interface NodePoolOptions {
  size?: number;
  timeoutSeconds: number | null;
  log: (text: string) => void;
}

export async function createNodeSandboxPool(options: NodePoolOptions): Promise<SandboxPoolCore> {
  const entry = await sandboxEntry('sandboxWorker');
  const memoryMb = workerMemoryMb();
  return new SandboxPoolCore({
    size: options.size ?? defaultPoolSize(),
    timeoutSeconds: options.timeoutSeconds,
    log: options.log,
    // child.send serializes a typed array's own bytes, not its whole buffer.
    sendsViewBytesOnly: true,
    now: () => Date.now(),
    startTimer(ms, fire) {
      const timer = setTimeout(fire, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
    spawn(onMessage, onError) {
      const child = forkSandboxProcess({
        entry,
        memoryMb,
        onMessage(message) {
          const crash = childCrashError(message);
          if (crash) return onError(crash);
          onMessage(message as SandboxPost);
        },
        onExit: (why) => onError(new Error(why)),
      });
      return { post: (m) => child.send(m), terminate: () => child.kill() };
    },
  });
}
