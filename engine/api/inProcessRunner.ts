/**
 * A TaskRunner that runs the sandbox executor in the calling thread: no parallelism and no
 * wall-clock budget, but the same code path as the workers. For tests and tiny runs.
 */
import type { SandboxReply } from './sandboxMessages';
import { createJobTaskExecutor, type ExecutorRuntime } from './jobTaskExecutor';
import { SandboxPoolCore } from './sandboxPoolCore';

export function createInProcessRunner(runtime: Omit<ExecutorRuntime, 'post'>): SandboxPoolCore {
  return new SandboxPoolCore({
    size: 1,
    timeoutSeconds: null,
    startTimer: () => () => {},
    log: () => {},
    spawn(onMessage) {
      const executor = createJobTaskExecutor({
        ...runtime,
        post: (m: SandboxReply) => void Promise.resolve().then(() => onMessage(m)),
      });
      return { post: (m) => void Promise.resolve().then(() => executor.handle(m)), terminate: () => {} };
    },
  });
}
