/**
 * The renderer's handle on the engine, which runs in a Web Worker so simulations never block
 * the page. Each request has an id; progress messages go to a callback.
 *
 * `stop()` ends the running lab step or job at once: its promise rejects with RunStoppedError
 * ("Run stopped."), and the engine worker is asked to stop it (terminating the sandbox workers
 * that run the learner's code). A worker busy in a synchronous simulation cannot answer: if it
 * has not acknowledged within STOP_ACK_MS it is terminated (its sandbox workers with it) and a
 * fresh one starts with the requests still waiting, so the next Run works either way.
 *
 * The learner's console lines come while a run computes (`onConsole`), and in full with its
 * answer. If the engine worker dies (an error event: most likely it ran out of memory), every
 * request waiting on it fails with a message that says so, and the next request starts a
 * fresh worker: nothing waits for a worker that will never answer.
 */
import type {
  DemoRun,
  EngineRequest,
  EngineResult,
  FromEngine,
  JobRequest,
  JobRunResult,
  RunProgress,
  StepRunResult,
  StreamRequest,
  StreamRunResult,
  ToEngine,
} from './engineProtocol';
import type { ClusterLabDesktopApi } from '../../electron/preloadApi';
import { desktopSandboxHost, type SandboxProcessHost } from './sandboxProcessHost';
import { addPart, withParts, type ReportParts } from './reportParts';
import { setRunsComputing } from './runActivity';
import { warmViews } from './warmUpViews';

/** How long a stop may wait for the engine worker's acknowledgement before it is terminated. */
export const STOP_ACK_MS = 500;

/** The learner stopped the run: not an error, the page says "Run stopped.". */
export class RunStoppedError extends Error {
  override name = 'RunStoppedError';
  constructor() {
    super('Run stopped.');
  }
}

type Pending = {
  resolve(result: EngineResult): void;
  reject(error: Error): void;
  onProgress?: ((fraction: number, progress?: RunProgress) => void) | undefined;
  onConsole?: ConsoleListener | undefined;
  /** A lab step or job run (a demo is not stopped by Stop). */
  stoppable: boolean;
  /** The request, sent again to a fresh worker when its worker had to be replaced. */
  message: ToEngine;
  /** The page's own deadline for the request (see `runStep`'s `deadlineMs`). */
  deadline?: ReturnType<typeof setTimeout>;
  /** A job report's lists received ahead of it (reportParts.ts). */
  parts?: ReportParts;
};
type Request = EngineRequest extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

/** Console lines printed since the last call; `dropped`: lines not shown so far (past the cap). */
export type ConsoleListener = (lines: string[], dropped: number) => void;

/** What the learner reads when the engine worker dies. */
export function engineDiedMessage(detail: string): string {
  return (
    'The simulation stopped unexpectedly' +
    (detail ? ` (${detail})` : '') +
    ': most likely the run used too much memory (an array, string or map that keeps growing, or a huge result). ' +
    'Your code is saved; change it and press Run again.'
  );
}

/** Slot numbers of one engine worker start (they stay unique over restarts). */
const SLOTS_PER_START = 1_000_000;

export class EngineClient {
  private worker!: Worker;
  /** Desktop: the sandbox processes the current engine worker opened. */
  private openSlots = new Set<number>();
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private awaitingAck = new Set<number>();
  private ackTimer: ReturnType<typeof setTimeout> | undefined;
  /** The lists of the warm-up report to come (warmUpViews.ts). */
  private warmUpParts: ReportParts | undefined;
  /** Engine workers started so far (1 + restarts after unanswered stops). */
  starts = 0;

  /**
   * `sandboxes`: the desktop app's sandbox processes (renderer/bridge/sandboxProcessHost.ts);
   * without them (the web build) the engine worker runs learners' code in Web Workers.
   */
  constructor(private readonly sandboxes: SandboxProcessHost | null = null) {
    sandboxes?.listen(
      (slot, port) => {
        if (this.openSlots.has(slot))
          this.worker.postMessage({ id: 0, type: 'sandboxPort', slot } satisfies ToEngine, [port]);
        else port.close();
      },
      ({ slot, why }) => {
        if (this.openSlots.delete(slot))
          this.worker.postMessage({ id: 0, type: 'sandboxExit', slot, why } satisfies ToEngine);
      },
    );
    this.start();
  }

  async runDemo(seed: number, onProgress?: (fraction: number) => void): Promise<DemoRun> {
    const result = await this.request({ type: 'runDemo', seed }, onProgress, false);
    if (result.type !== 'demoReady') throw new Error('The engine answered a demo run with something else.');
    return result.run;
  }

  /**
   * `deadline`: a wall-clock limit the page enforces itself, for runs with no sandbox budget (an
   * HDFS step's settings are simulated only, in the engine worker): past it the run ends with
   * `deadline.error` and the worker is stopped (replaced if busy).
   */
  async runStep(
    request: Omit<Extract<ToEngine, { type: 'runStep' }>, 'id' | 'type'>,
    onProgress?: (progress: RunProgress) => void,
    onConsole?: ConsoleListener,
    deadline?: { ms: number; error: () => Error },
  ): Promise<StepRunResult> {
    const result = await this.request(
      { type: 'runStep', ...request },
      progressOnly(onProgress),
      true,
      onConsole,
      deadline,
    );
    if (result.type !== 'stepDone') throw new Error('The engine answered a step run with something else.');
    return result.result;
  }

  async runJob(
    request: JobRequest,
    onProgress?: (progress: RunProgress) => void,
    onConsole?: ConsoleListener,
  ): Promise<JobRunResult> {
    const result = await this.request({ type: 'runJob', request }, progressOnly(onProgress), true, onConsole);
    if (result.type !== 'jobDone') throw new Error('The engine answered a job run with something else.');
    return result.result;
  }

  async runStream(
    request: StreamRequest,
    onProgress?: (progress: RunProgress) => void,
    onConsole?: ConsoleListener,
  ): Promise<StreamRunResult> {
    const result = await this.request({ type: 'runStream', request }, progressOnly(onProgress), true, onConsole);
    if (result.type !== 'streamDone') throw new Error('The engine answered a streaming run with something else.');
    return result.result;
  }

  /** Starts the sandbox's workers ahead of the first run (ignored when they are up); `sql`: workers that can open DuckDB. */
  warmUp(sql = false): void {
    this.worker.postMessage({ id: 0, type: 'warmUp', sql } satisfies ToEngine);
  }

  /** Stops every running lab step or job; their promises reject with RunStoppedError. */
  stop(): void {
    const stoppable = [...this.pending].filter(([, p]) => p.stoppable);
    if (stoppable.length === 0) return;
    for (const [id] of stoppable) this.end(id, new RunStoppedError());
  }

  /** Ends request `id` now with `error`: the worker is asked to stop it, and replaced if it does not answer. */
  private end(id: number, error: Error): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    this.reportRuns();
    clearTimeout(p.deadline);
    p.reject(error);
    this.awaitingAck.add(id);
    this.worker.postMessage({ type: 'stop', id } satisfies ToEngine);
    clearTimeout(this.ackTimer);
    this.ackTimer = setTimeout(() => {
      if (this.awaitingAck.size > 0) this.restart();
    }, STOP_ACK_MS);
  }

  dispose(): void {
    clearTimeout(this.ackTimer);
    this.terminateWorker();
    this.failAll(new Error('The engine was stopped.'));
  }

  /** Ends the engine worker and the sandbox processes it opened. */
  private terminateWorker(): void {
    this.worker.terminate();
    for (const slot of this.openSlots) this.sandboxes?.close(slot);
    this.openSlots.clear();
  }

  private start(): void {
    this.starts++;
    this.worker = new Worker(new URL('./engineWorker.ts', import.meta.url), {
      type: 'module',
      name: 'clusterlab-engine',
    });
    if (this.sandboxes)
      this.worker.postMessage({
        id: 0,
        type: 'useSandboxProcesses',
        firstSlot: this.starts * SLOTS_PER_START,
      } satisfies ToEngine);
    this.worker.onmessage = (event: MessageEvent<FromEngine>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.died(event.message ?? '');
    };
  }

  /** The engine worker died (or threw where nothing catches): fail what waits on it, start afresh. */
  private died(detail: string): void {
    clearTimeout(this.ackTimer);
    this.awaitingAck.clear();
    this.terminateWorker();
    this.failAll(new Error(engineDiedMessage(detail)));
    this.start();
  }

  /**
   * The engine worker did not answer a stop: it is busy simulating. Replace it, and send the
   * requests it had not answered yet (a Run pressed right after Stop, a demo) to the new one.
   */
  private restart(): void {
    this.terminateWorker();
    this.awaitingAck.clear();
    this.start();
    for (const p of this.pending.values()) {
      // Parts of an answer the old worker began are not the new one's.
      delete p.parts;
      this.worker.postMessage(p.message);
    }
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.deadline);
      p.reject(error);
    }
    this.pending.clear();
    this.reportRuns();
  }

  /** Tells runActivity.ts how many runs are under way (what Stop would end). */
  private reportRuns(): void {
    let runs = 0;
    for (const p of this.pending.values()) if (p.stoppable) runs++;
    setRunsComputing(this, runs);
  }

  private request(
    message: Request,
    onProgress: Pending['onProgress'],
    stoppable: boolean,
    onConsole?: ConsoleListener,
    deadline?: { ms: number; error: () => Error },
  ): Promise<EngineResult> {
    const id = this.nextId++;
    const full = { ...message, id } as ToEngine;
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject, onProgress, onConsole, stoppable, message: full };
      if (deadline) pending.deadline = setTimeout(() => this.end(id, deadline.error()), deadline.ms);
      this.pending.set(id, pending);
      this.reportRuns();
      this.worker.postMessage(full);
    });
  }

  private receive(message: FromEngine): void {
    if (message.type === 'sandboxOpen' || message.type === 'sandboxClose') {
      if (!this.sandboxes) return;
      if (message.type === 'sandboxOpen') this.openSlots.add(message.slot);
      else this.openSlots.delete(message.slot);
      if (message.type === 'sandboxOpen') this.sandboxes.open(message.slot);
      else this.sandboxes.close(message.slot);
      return;
    }
    if (message.type === 'warmUpPart') {
      // Unpacked and kept for the report that follows: only the code gets warm.
      const parts = addPart(this.warmUpParts, message.list, message.items);
      if (parts) this.warmUpParts = parts;
      return;
    }
    if (message.type === 'warmUpReport') {
      const report = withParts(message.report, this.warmUpParts);
      this.warmUpParts = undefined;
      if (report) warmViews(report);
      return;
    }
    if (message.type === 'stopAck') {
      this.awaitingAck.delete(message.id);
      if (this.awaitingAck.size === 0) clearTimeout(this.ackTimer);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.fraction, message.progress);
      return;
    }
    if (message.type === 'console') {
      pending.onConsole?.(message.lines, message.dropped);
      return;
    }
    if (message.type === 'reportPart') {
      const parts = addPart(pending.parts, message.list, message.items);
      if (parts) pending.parts = parts;
      return;
    }
    this.pending.delete(message.id);
    this.reportRuns();
    clearTimeout(pending.deadline);
    if (message.type === 'failed') pending.reject(new Error(message.message));
    else if (message.type === 'jobDone' && pending.parts)
      pending.resolve({
        ...message,
        result: { ...message.result, report: withParts(message.result.report, pending.parts) },
      });
    else pending.resolve(message);
  }
}

function progressOnly(onProgress?: (progress: RunProgress) => void): Pending['onProgress'] {
  return onProgress && ((_, progress) => progress && onProgress(progress));
}

let shared: EngineClient | undefined;

/**
 * Warms the sandbox up once the page is idle (a page with an editor calls this when it opens):
 * the first Run then does not wait for its workers to start. `namesSql`, asked then: the editor's
 * code names sql (codeNamesSql), so the workers started are those with DuckDB, not replaced at
 * the first Run. Returns the cancel.
 */
export function warmSandboxSoon(namesSql: () => boolean = () => false): () => void {
  const idle = (globalThis as { requestIdleCallback?: typeof requestIdleCallback }).requestIdleCallback;
  if (typeof idle === 'function') {
    const handle = idle(() => engineClient().warmUp(namesSql()), { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(() => engineClient().warmUp(namesSql()), 1000);
  return () => clearTimeout(timer);
}

/** The app's one engine worker, started on first use (with the desktop's sandbox processes, if any). */
export function engineClient(): EngineClient {
  shared ??= new EngineClient(desktopSandboxHost((window as { clusterlab?: ClusterLabDesktopApi }).clusterlab, window));
  return shared;
}
