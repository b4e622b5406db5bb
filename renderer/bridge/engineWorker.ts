/// <reference lib="webworker" />
/**
 * The engine Web Worker: runs simulations and lab steps off the main thread and posts back
 * plain data. Learners' code does not run here: it runs in the sandbox workers of the pool
 * (renderer/sandbox), whose own CSP allows evaluation but no network.
 */
import { resolveClusterSpec, type ResolvedClusterSpec } from '../../engine/cluster';
import { clusterSpecOf } from '../../engine/api/createSimulation';
import { runJob } from '../../engine/api/runJob';
import { JobFailedError } from '../../engine/api/jobFailedError';
import { compileJobSource } from '../../labs/compileJobSource';
import type { NodeInfo } from '../viz/clusterTimeline';
import { clusterOf, LAB_NODE_EXPIRY_MS, runStep, stepAt } from '../../labs/runStep';
import { findLab as labById } from '../../labs/labRegistry';
import { createWebWorkerPool } from '../sandbox/webWorkerPool';
import type { TaskRunner } from '../../engine/sandbox';
import { runDemoScenario } from './demoScenario';
import type { FromEngine, JobRequest, JobRunResult, ToEngine } from './engineProtocol';

const post = (message: FromEngine) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

let pool: TaskRunner | undefined;
function sandboxPool(): TaskRunner {
  pool ??= createWebWorkerPool({
    size: Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)),
    timeoutSeconds: 20,
  });
  return pool;
}

async function handle(message: ToEngine): Promise<void> {
  if (message.type === 'runDemo') {
    const run = runDemoScenario(message.seed, (fraction) => post({ id: message.id, type: 'progress', fraction }));
    post({ id: message.id, type: 'demoReady', run });
    return;
  }
  if (message.type === 'runJob') {
    post({ id: message.id, type: 'jobDone', result: await runFreeJob(message.request) });
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
    ...(step.kind === 'hdfs' ? { fileName: 'settings.json' } : {}),
    ...(message.seed === undefined ? {} : { seed: message.seed }),
  });
  post({ id: message.id, type: 'stepDone', result: { outcome, nodes: nodesOf(spec), faults: message.faults } });
}

function nodesOf(spec: ResolvedClusterSpec): NodeInfo[] {
  return spec.nodes.map((n) => ({ id: n.id, rack: n.rack, cores: n.cores, memoryMb: n.memoryMb }));
}

async function runFreeJob(request: JobRequest): Promise<JobRunResult> {
  const spec = resolveClusterSpec(clusterSpecOf(request.cluster), 'cluster');
  const base = { nodes: nodesOf(spec), faults: request.faults };
  try {
    const source = compileJobSource(request.source, request.fileName);
    const report = await runJob({
      source,
      runner: sandboxPool(),
      cluster: request.cluster,
      seed: request.seed,
      blockSize: request.blockSize,
      faults: request.faults,
      sampleData: true,
      outputText: true,
      yarn: { nodeExpiryMs: LAB_NODE_EXPIRY_MS },
    });
    return { ...base, report, error: null };
  } catch (error) {
    if (error instanceof JobFailedError) return { ...base, report: error.report, error: error.message };
    return { ...base, report: null, error: error instanceof Error ? error.message : String(error) };
  }
}

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const message = event.data;
  handle(message).catch((error: unknown) => {
    post({ id: message.id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
};
