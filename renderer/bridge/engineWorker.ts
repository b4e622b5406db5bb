/// <reference lib="webworker" />
/**
 * The engine Web Worker: runs simulations and lab steps off the main thread and posts back
 * plain data. Learners' code does not run here: it runs in the sandbox workers of the pool
 * (renderer/sandbox), whose own CSP allows evaluation but no network.
 */
import { resolveClusterSpec } from '../../engine/cluster';
import { clusterOf, runStep, stepAt } from '../../labs/runStep';
import { findLab as labById } from '../../labs/labRegistry';
import { createWebWorkerPool } from '../sandbox/webWorkerPool';
import type { TaskRunner } from '../../engine/sandbox';
import { runDemoScenario } from './demoScenario';
import type { FromEngine, ToEngine } from './engineProtocol';

const post = (message: FromEngine) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

let pool: TaskRunner | undefined;
function sandboxPool(): TaskRunner {
  pool ??= createWebWorkerPool({ size: Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)), timeoutSeconds: 20 });
  return pool;
}

async function handle(message: ToEngine): Promise<void> {
  if (message.type === 'runDemo') {
    const run = runDemoScenario(message.seed, (fraction) => post({ id: message.id, type: 'progress', fraction }));
    post({ id: message.id, type: 'demoReady', run });
    return;
  }
  const lab = labById(message.labId);
  if (!lab) throw new Error(`There is no lab called '${message.labId}'.`);
  const step = stepAt(lab, message.stepIndex);
  const spec = resolveClusterSpec(clusterOf(step.run.cluster), 'cluster');
  post({ id: message.id, type: 'progress', fraction: 0.05 });
  const outcome = await runStep({
    lab,
    stepIndex: message.stepIndex,
    source: message.source,
    runner: sandboxPool(),
    faults: message.faults,
    ...(message.seed === undefined ? {} : { seed: message.seed }),
  });
  const nodes = spec.nodes.map((n) => ({ id: n.id, rack: n.rack, cores: n.cores, memoryMb: n.memoryMb }));
  post({ id: message.id, type: 'stepDone', result: { outcome, nodes, faults: message.faults } });
}

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const message = event.data;
  handle(message).catch((error: unknown) => {
    post({ id: message.id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
};
