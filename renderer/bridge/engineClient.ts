/**
 * The renderer's handle on the engine, which runs in a Web Worker so simulations never block
 * the page. Each request has an id; progress messages go to a callback.
 */
import type { FaultSpec } from '../../engine/cluster';
import type {
  DemoRun,
  EngineResult,
  FromEngine,
  JobRequest,
  JobRunResult,
  StepRunResult,
  ToEngine,
} from './engineProtocol';

type Pending = {
  resolve(result: EngineResult): void;
  reject(error: Error): void;
  onProgress?: (fraction: number) => void;
};
type Request = ToEngine extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

export class EngineClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor() {
    this.worker = new Worker(new URL('./engineWorker.ts', import.meta.url), {
      type: 'module',
      name: 'clusterlab-engine',
    });
    this.worker.onmessage = (event: MessageEvent<FromEngine>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      const error = new Error(`The engine worker failed: ${event.message}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  async runDemo(seed: number, onProgress?: (fraction: number) => void): Promise<DemoRun> {
    const result = await this.request({ type: 'runDemo', seed }, onProgress);
    if (result.type !== 'demoReady') throw new Error('The engine answered a demo run with something else.');
    return result.run;
  }

  async runStep(
    request: { labId: string; stepIndex: number; source: string; seed?: number; faults: FaultSpec[] },
    onProgress?: (fraction: number) => void,
  ): Promise<StepRunResult> {
    const result = await this.request({ type: 'runStep', ...request }, onProgress);
    if (result.type !== 'stepDone') throw new Error('The engine answered a step run with something else.');
    return result.result;
  }

  async runJob(request: JobRequest, onProgress?: (fraction: number) => void): Promise<JobRunResult> {
    const result = await this.request({ type: 'runJob', request }, onProgress);
    if (result.type !== 'jobDone') throw new Error('The engine answered a job run with something else.');
    return result.result;
  }

  dispose(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('The engine was stopped.'));
    this.pending.clear();
  }

  private request(message: Request, onProgress?: (fraction: number) => void): Promise<EngineResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...message, id } as ToEngine);
    });
  }

  private receive(message: FromEngine): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.fraction);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'failed') pending.reject(new Error(message.message));
    else pending.resolve(message);
  }
}

let shared: EngineClient | undefined;

/** The app's one engine worker, started on first use. */
export function engineClient(): EngineClient {
  shared ??= new EngineClient();
  return shared;
}
