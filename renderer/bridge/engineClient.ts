/**
 * The renderer's handle on the engine, which runs in a Web Worker so simulations never block
 * the page. One request at a time per id; progress messages are passed to a callback.
 */
import type { DemoRun, FromEngine, ToEngine } from './engineProtocol';

type Pending = { resolve(run: DemoRun): void; reject(error: Error): void; onProgress?: (fraction: number) => void };

export class EngineClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor() {
    this.worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module', name: 'clusterlab-engine' });
    this.worker.onmessage = (event: MessageEvent<FromEngine>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      const error = new Error(`The engine worker failed: ${event.message}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  runDemo(seed: number, onProgress?: (fraction: number) => void): Promise<DemoRun> {
    return this.request({ id: this.nextId++, type: 'runDemo', seed }, onProgress);
  }

  dispose(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('The engine was stopped.'));
    this.pending.clear();
  }

  private request(message: ToEngine, onProgress?: (fraction: number) => void): Promise<DemoRun> {
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, onProgress });
      this.worker.postMessage(message);
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
    if (message.type === 'demoReady') pending.resolve(message.run);
    else pending.reject(new Error(message.message));
  }
}

let shared: EngineClient | undefined;

/** The app's one engine worker, started on first use. */
export function engineClient(): EngineClient {
  shared ??= new EngineClient();
  return shared;
}
