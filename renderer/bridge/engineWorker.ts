/// <reference lib="webworker" />
/**
 * The engine Web Worker: runs simulations off the main thread and posts back plain data.
 */
import { runDemoScenario } from './demoScenario';
import type { FromEngine, ToEngine } from './engineProtocol';

const post = (message: FromEngine) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const message = event.data;
  try {
    if (message.type === 'runDemo') {
      const run = runDemoScenario(message.seed, (fraction) => post({ id: message.id, type: 'progress', fraction }));
      post({ id: message.id, type: 'demoReady', run });
    }
  } catch (error) {
    post({ id: message.id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
