/**
 * A TaskRunner over a pool of sandbox workers, independent of the worker technology: cli/ plugs
 * in worker_threads, renderer/sandbox/ plugs in Web Workers. The job module is shipped to every
 * worker once (as Hadoop ships the job's jar); tasks queue for the next idle worker; outputs are
 * returned in task order, so the combined result never depends on which worker was faster. The
 * wall-clock budget is enforced by terminating every worker at the deadline (a runaway loop
 * cannot be interrupted any other way).
 */
import { JobTimeoutError, errorFromData } from '../sandbox/jobCodeError';
import type {
  DriverHost,
  JobShape,
  JobSource,
  MapTaskInput,
  MapTaskOutput,
  ReduceTaskInput,
  ReduceTaskOutput,
  SparkDriverOutput,
  TaskRunner,
} from '../sandbox/taskRunner';
import type { SandboxReply, SandboxRequest } from './sandboxMessages';

export interface WorkerEndpoint {
  post(message: SandboxRequest, transfer?: ArrayBuffer[]): void;
  terminate(): void;
}

export interface PoolPlatform {
  size: number;
  /** Starts a worker that calls `onMessage` with its replies and `onError` if it dies. */
  spawn(onMessage: (reply: SandboxReply) => void, onError: (error: Error) => void): WorkerEndpoint;
  /** Wall-clock budget in seconds (null: none). */
  timeoutSeconds: number | null;
  /** Calls `fire` once after `ms` of wall time; returns a cancel function. */
  startTimer(ms: number, fire: () => void): () => void;
  /** Where the learner's console output goes. */
  log(text: string): void;
}

interface Pending {
  resolve: (reply: SandboxReply) => void;
  reject: (error: Error) => void;
  host?: DriverHost;
}

interface Slot {
  endpoint: WorkerEndpoint;
  busy: boolean;
}

export class SandboxPoolCore implements TaskRunner {
  private slots: Slot[] = [];
  private pending = new Map<number, Pending>();
  private queue: { message: SandboxRequest; transfer: ArrayBuffer[]; pending: Pending }[] = [];
  private nextId = 1;
  private failure: Error | null = null;
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly platform: PoolPlatform) {}

  get size(): number {
    return this.platform.size;
  }

  async load(source: JobSource): Promise<JobShape> {
    if (this.platform.timeoutSeconds !== null) {
      const seconds = this.platform.timeoutSeconds;
      this.cancelTimer = this.platform.startTimer(seconds * 1000, () => this.abort(new JobTimeoutError(seconds)));
    }
    for (let i = 0; i < this.platform.size; i++) {
      const slot: Slot = { endpoint: undefined as unknown as WorkerEndpoint, busy: false };
      slot.endpoint = this.platform.spawn(
        (reply) => this.onReply(slot, reply),
        (error) => this.abort(error),
      );
      this.slots.push(slot);
    }
    const replies = await Promise.all(
      this.slots.map((slot) => this.sendTo(slot, { type: 'load', id: this.nextId++, source })),
    );
    const first = replies[0]!;
    if (first.type !== 'loaded') throw new Error('sandbox: unexpected reply to load');
    return first.shape;
  }

  async runMapTasks(tasks: MapTaskInput[]): Promise<MapTaskOutput[]> {
    const replies = await Promise.all(tasks.map((task) => this.enqueue({ type: 'map', id: this.nextId++, task }, [])));
    return replies.map((r) => (r as Extract<SandboxReply, { type: 'mapDone' }>).output);
  }

  async runReduceTasks(tasks: ReduceTaskInput[]): Promise<ReduceTaskOutput[]> {
    // Map outputs may feed several attempts or jobs: copy, never transfer, their buffers.
    const replies = await Promise.all(
      tasks.map((task) => this.enqueue({ type: 'reduce', id: this.nextId++, task }, [])),
    );
    return replies.map((r) => (r as Extract<SandboxReply, { type: 'reduceDone' }>).output);
  }

  async runSparkDriver(host: DriverHost): Promise<SparkDriverOutput> {
    const reply = await this.enqueue({ type: 'spark', id: this.nextId++, catalog: host.catalog }, [], host);
    return (reply as Extract<SandboxReply, { type: 'sparkDone' }>).output;
  }

  async close(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = null;
    for (const slot of this.slots) slot.endpoint.terminate();
    this.slots = [];
  }

  private enqueue(message: SandboxRequest, transfer: ArrayBuffer[], host?: DriverHost): Promise<SandboxReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject };
      if (host) pending.host = host;
      this.queue.push({ message, transfer, pending });
      this.pump();
    });
  }

  private sendTo(slot: Slot, message: SandboxRequest): Promise<SandboxReply> {
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      slot.busy = true;
      slot.endpoint.post(message);
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      this.pending.set(next.message.id, next.pending);
      slot.busy = true;
      slot.endpoint.post(next.message, next.transfer);
    }
  }

  private onReply(slot: Slot, reply: SandboxReply): void {
    if (reply.type === 'log') {
      this.platform.log(reply.text);
      return;
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'hostRequest') {
      pending.host!.readFiles(reply.path).then(
        (files) =>
          slot.endpoint.post({ type: 'hostReply', id: reply.id, requestId: reply.requestId, files, error: null }),
        (error: unknown) =>
          slot.endpoint.post({
            type: 'hostReply',
            id: reply.id,
            requestId: reply.requestId,
            files: null,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
      return;
    }
    this.pending.delete(reply.id);
    slot.busy = false;
    if (reply.type === 'failed') pending.reject(errorFromData(reply.error));
    else pending.resolve(reply);
    this.pump();
  }

  private abort(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const slot of this.slots) slot.endpoint.terminate();
    this.slots = [];
    for (const p of this.pending.values()) p.reject(error);
    for (const q of this.queue) q.pending.reject(error);
    this.pending.clear();
    this.queue = [];
    this.cancelTimer?.();
  }
}
