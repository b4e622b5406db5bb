/// <reference lib="webworker" />
/**
 * The engine Web Worker: runs simulations and lab steps off the main thread and posts back
 * plain data. Learners' code does not run here: it runs in the sandbox workers of the pool
 * (renderer/sandbox), whose own CSP allows evaluation but no network. Runs use the pool one at
 * a time, each with the time limit its request carries; while one computes, the pool's task
 * counts go to the page as progress. A 'stop' message stops the run at once (its sandbox
 * workers are terminated) and is acknowledged; while a synchronous simulation holds this
 * worker, the acknowledgement waits, and the page terminates this worker instead.
 * The learner's console output goes to the page as it comes ('console' messages, batched) and
 * in full with the run's answer (renderer/bridge/runConsole.ts caps it).
 */
import { resolveClusterSpec, type ResolvedClusterSpec } from '../../engine/cluster';
import { clusterSpecOf, runJob, runKafkaJob, JobFailedError, produceConsumePrograms } from '../../engine/api';
import { cardPayments } from '../../engine/datasets';
import { budgetCheck, type PoolProgress, type SandboxPoolCore } from '../../engine/sandbox';
import { compileJobSource } from '../../engine/sandbox/compile';
import type { NodeInfo } from '../viz/clusterTimeline';
import { clusterOf, editorFileName, LAB_NODE_EXPIRY_MS, runStep, settingsStep, stepAt } from '../../labs/runStep';
import { findLab as labById } from '../../labs/labRegistry';
import { packLab } from './packLabs';
import { createWebWorkerPool } from '../sandbox/webWorkerPool';
import { createProcessPool, type ProcessPool } from '../sandbox/processPool';
import { runDemoScenario } from './demoScenario';
import type {
  EngineRequest,
  FromEngine,
  JobRequest,
  JobRunResult,
  RunProgress,
  StreamRequest,
  StreamRunResult,
  ToEngine,
} from './engineProtocol';
import { RunConsole } from './runConsole';
import { sendListsAhead } from './reportParts';
import { ProgressThrottle } from './progressThrottle';
import { warmUpRun } from './warmUpRun';
import { validTimeLimit } from '../state/timeLimit';

const post = (message: FromEngine, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

/** The time limit when a request carries none that makes sense (the Settings' default). */
const DEFAULT_TIME_LIMIT_SECONDS = 30;
/** How often console lines go to the page while a run computes. */
const CONSOLE_BATCH_MS = 100;

/** How often the pool's task counts go to the page while a run computes (at most). */
const PROGRESS_EVERY_MS = 100;
/** The progress reports of the request whose run holds the pool. */
let progress: ProgressThrottle | null = null;

/** The console of the request whose run holds the pool (null between runs: output then is dropped). */
let consoleOut: { id: number; lines: RunConsole; timer: ReturnType<typeof setTimeout> | null } | null = null;

function printed(text: string): void {
  const out = consoleOut;
  if (!out) return;
  out.lines.add(text);
  out.timer ??= setTimeout(() => flushConsole(out), CONSOLE_BATCH_MS);
}

function flushConsole(out: NonNullable<typeof consoleOut>): void {
  if (out.timer !== null) clearTimeout(out.timer);
  out.timer = null;
  const lines = out.lines.take();
  if (lines.length > 0 && !stopped.has(out.id))
    post({ id: out.id, type: 'console', lines, dropped: out.lines.dropped });
}

/** Ends the request's console: what is pending goes to the page, later output is dropped. */
function closeConsole(id: number): { console: string[]; consoleMore: number } {
  const out = consoleOut;
  if (!out || out.id !== id) return { console: [], consoleMore: 0 };
  flushConsole(out);
  out.lines.close();
  consoleOut = null;
  return { console: out.lines.lines, consoleMore: out.lines.dropped };
}

let pool: SandboxPoolCore | undefined;
/** Desktop: the sandbox processes' pool (set up by 'useSandboxProcesses' before any run). */
let processes: ProcessPool | undefined;
/** The sandbox pool's size, first budget and console, whichever kind of worker it runs. */
const poolOptions = () => ({
  size: Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)),
  timeoutSeconds: DEFAULT_TIME_LIMIT_SECONDS,
  log: printed,
});
function sandboxPool(timeLimitSeconds: number): SandboxPoolCore {
  pool ??= processes?.pool ?? createWebWorkerPool(poolOptions());
  // Only a limit the Settings allow: 1e21 s would overflow the timer (2^31-1 ms) and fire at once.
  pool.timeoutSeconds = validTimeLimit(timeLimitSeconds) ?? DEFAULT_TIME_LIMIT_SECONDS;
  return pool;
}

/** The request whose run holds the pool, and the requests the page has stopped. */
let current: number | null = null;
const queued = new Set<number>();
const stopped = new Set<number>();
let runs: Promise<void> = Promise.resolve();

/** Posts the pool's task counts as the run's progress; `labels` names a step's runs (main run first). */
function reportProgress(id: number, sandbox: SandboxPoolCore, labels: (string | null)[]): void {
  let run = 0;
  progress?.close();
  const throttle = new ProgressThrottle(
    (progress) =>
      post({ id, type: 'progress', fraction: progress.total > 0 ? progress.done / progress.total : 0, progress }),
    {
      now: () => performance.now(),
      setTimer: (ms, fire) => {
        const timer = setTimeout(fire, ms);
        return () => clearTimeout(timer);
      },
    },
    PROGRESS_EVERY_MS,
  );
  progress = throttle;
  sandbox.onProgress = (p: PoolProgress) => {
    if (p.phase === 'load') {
      run++;
      if (labels.length > 1 && run <= labels.length)
        consoleOut?.lines.heading(`── Run ${run} of ${labels.length}: ${labels[run - 1] ?? 'your job'} ──`);
    }
    const progress: RunProgress = {
      phase: p.phase === 'load' ? 'starting' : p.idle ? 'simulating' : p.phase === 'call' ? 'checking' : p.phase,
      done: p.phase === 'load' || p.idle ? 0 : p.done,
      total: p.phase === 'load' || p.idle ? 0 : p.total,
      run: Math.min(run, labels.length),
      runs: labels.length,
      runLabel: labels[Math.min(run, labels.length) - 1] ?? null,
      ...(p.job !== undefined && !p.idle ? { job: p.job } : {}),
    };
    throttle.offer(progress);
  };
}

async function handle(message: Exclude<EngineRequest, { type: 'runDemo' }>): Promise<void> {
  if (message.type === 'runJob') {
    const sandbox = sandboxPool(message.request.timeLimitSeconds);
    reportProgress(message.id, sandbox, [null]);
    const result = await runFreeJob(message.request, sandbox);
    const printedLines = closeConsole(message.id);
    if (!stopped.has(message.id)) {
      // The report's long lists go ahead in parts: the page reads one while this worker writes the next.
      const report = sendListsAhead(result.report, (list, items, transfer) =>
        post({ id: message.id, type: 'reportPart', list, items }, transfer),
      );
      post({ id: message.id, type: 'jobDone', result: { ...result, report, ...printedLines } });
    }
    return;
  }
  if (message.type === 'runStream') {
    const sandbox = sandboxPool(message.request.timeLimitSeconds);
    reportProgress(message.id, sandbox, [null]);
    const result = await runFreeStream(message.request, sandbox);
    const printedLines = closeConsole(message.id);
    if (!stopped.has(message.id)) post({ id: message.id, type: 'streamDone', result: { ...result, ...printedLines } });
    return;
  }
  const lab = message.pack ? packLab(message.pack, message.labId) : labById(message.labId);
  if (!lab) throw new Error(`There is no lab called '${message.labId}'.`);
  const step = stepAt(lab, message.stepIndex);
  // A server step has no cluster: its model is one SQL server, or a few (engine/server).
  const spec = step.kind === 'server' ? null : resolveClusterSpec(clusterOf(step.run.cluster), 'cluster');
  const sandbox = sandboxPool(message.timeLimitSeconds);
  const labels =
    step.kind === 'hdfs' || step.kind === 'server' || step.kind === 'pipeline'
      ? [null]
      : [null, ...(step.extraRuns ?? []).map((x) => x.label)];
  reportProgress(message.id, sandbox, labels);
  if (settingsStep(step)) {
    const progress: RunProgress = { phase: 'simulating', done: 0, total: 0, run: 1, runs: 1, runLabel: null };
    post({ id: message.id, type: 'progress', fraction: 0, progress });
  }
  // The file the editor holds, by its name: a pipeline step's errors name the pipeline file, not settings.
  const fileName = editorFileName(step);
  // A pipeline runs in this worker, outside the sandbox: the same time limit ends it (a machine
  // killed for hours makes its clients resend every refused event every second).
  const limitSeconds = sandbox.timeoutSeconds;
  const outcome = await runStep({
    ...(limitSeconds !== null ? { check: budgetCheck(limitSeconds, () => performance.now()) } : {}),
    lab,
    stepIndex: message.stepIndex,
    source: message.source,
    runner: sandbox,
    faults: message.faults,
    streamFaults: message.streamFaults ?? [],
    pipelineFaults: message.pipelineFaults ?? [],
    ...(fileName ? { fileName } : {}),
    ...(message.seed === undefined ? {} : { seed: message.seed }),
    ...(isSeed(message.variantSeed) ? { variantSeed: message.variantSeed } : {}),
    ...(isSeed(message.practiceSeed) ? { practiceSeed: message.practiceSeed } : {}),
  });
  const printedLines = closeConsole(message.id);
  if (!stopped.has(message.id))
    post({
      id: message.id,
      type: 'stepDone',
      result: {
        outcome,
        nodes: spec ? nodesOf(spec) : [],
        faults: message.faults,
        streamFaults: message.streamFaults ?? [],
        pipelineFaults: message.pipelineFaults ?? [],
        ...printedLines,
      },
    });
}

/** A variant seed as the page sends it: a whole number from 0 to 2^32 - 1 (anything else: the step as written). */
function isSeed(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
}

function nodesOf(spec: ResolvedClusterSpec): NodeInfo[] {
  return spec.nodes.map((n) => ({
    id: n.id,
    rack: n.rack,
    cores: n.cores,
    memoryMb: n.memoryMb,
    roles: n.roles,
    ...(n.nodeLabel !== '' ? { nodeLabel: n.nodeLabel } : {}),
    ...(n.cpuSpeed !== 1 ? { cpuSpeed: n.cpuSpeed } : {}),
  }));
}

async function runFreeJob(request: JobRequest, sandbox: SandboxPoolCore): Promise<JobRunResult> {
  const spec = resolveClusterSpec(clusterSpecOf(request.cluster), 'cluster');
  const base = { nodes: nodesOf(spec), faults: request.faults };
  try {
    const source = compileJobSource(request.source, request.fileName);
    const report = await runJob({
      source,
      runner: sandbox,
      cluster: request.cluster,
      seed: request.seed,
      blockSize: request.blockSize,
      faults: request.faults,
      sampleData: true,
      outputText: true,
      yarn: { nodeExpiryMs: LAB_NODE_EXPIRY_MS },
      // The page plays the run back from its trace and reads only the final snapshot.
      snapshots: { film: false },
    });
    return { ...base, report, error: null };
  } catch (error) {
    if (error instanceof JobFailedError) return { ...base, report: error.report, error: error.message };
    return { ...base, report: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Streaming runs' sizes, as the Streaming tab offers them (a forged request is cut to these). */
const STREAM_LIMITS = { partitions: 64, consumers: 16, records: 20_000, durationMs: 600_000, processingMs: 10_000 };

async function runFreeStream(request: StreamRequest, sandbox: SandboxPoolCore): Promise<StreamRunResult> {
  const clamp = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : min;
  const L = STREAM_LIMITS;
  const consumers = clamp(request.consumers, 0, L.consumers);
  try {
    const source = compileJobSource(request.source, request.fileName);
    const report = await runKafkaJob({
      runner: sandbox,
      source,
      seed: clamp(request.seed, 0, 0xffffffff),
      topics: [
        {
          name: /^[a-zA-Z0-9._-]{1,249}$/.test(request.topic.name) ? request.topic.name : 'payments',
          partitions: clamp(request.topic.partitions, 1, L.partitions),
          replicationFactor: 3,
          minInsyncReplicas: 1,
          retentionMs: Number.POSITIVE_INFINITY,
          retentionRecords: Number.POSITIVE_INFINITY,
        },
      ],
      programs: produceConsumePrograms(request.fileName, cardPayments(clamp(request.records, 0, L.records)), consumers),
      untilMs: clamp(request.durationMs, 1000, L.durationMs),
      processingMsPerMessage: clamp(request.processingMs, 0, L.processingMs),
      faults: request.faults,
    });
    return { report, error: null, faults: request.faults };
  } catch (error) {
    return { report: null, error: error instanceof Error ? error.message : String(error), faults: request.faults };
  }
}

/** Runs one request with the pool to itself; a request stopped before its turn never starts. */
async function runExclusive(message: Exclude<EngineRequest, { type: 'runDemo' }>): Promise<void> {
  queued.delete(message.id);
  if (stopped.has(message.id)) {
    stopped.delete(message.id);
    return;
  }
  current = message.id;
  consoleOut = { id: message.id, lines: new RunConsole(), timer: null };
  try {
    await handle(message);
  } catch (error) {
    // The console lines went to the page before this answer.
    closeConsole(message.id);
    if (!stopped.has(message.id))
      post({ id: message.id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    closeConsole(message.id);
    current = null;
    stopped.delete(message.id);
    if (pool) pool.onProgress = null;
    progress?.close();
    progress = null;
  }
}

/** The desktop's sandbox processes: their setup, ports and ends (renderer/sandbox/processPool.ts). */
function sandboxProcessMessage(
  message: ToEngine,
  ports: readonly MessagePort[],
): message is Extract<ToEngine, { type: 'useSandboxProcesses' | 'sandboxPort' | 'sandboxExit' }> {
  if (message.type === 'useSandboxProcesses') {
    if (!pool && !processes)
      processes = createProcessPool({
        ...poolOptions(),
        firstSlot: message.firstSlot,
        link: {
          open: (slot) => post({ id: 0, type: 'sandboxOpen', slot }),
          close: (slot) => post({ id: 0, type: 'sandboxClose', slot }),
        },
      });
    return true;
  }
  if (message.type === 'sandboxPort') {
    const port = ports[0];
    if (port) {
      if (processes) processes.portArrived(message.slot, port);
      else port.close();
    }
    return true;
  }
  if (message.type === 'sandboxExit') {
    processes?.exited(message.slot, message.why);
    return true;
  }
  return false;
}

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const message = event.data;
  if (sandboxProcessMessage(message, event.ports)) return;
  if (message.type === 'warmUp') {
    // A run already holds the pool, or has: its workers are up and its code has run.
    if (pool) return;
    const warming = sandboxPool(DEFAULT_TIME_LIMIT_SECONDS);
    warming.warm(message.sql === true);
    // Queued like a run: a Run pressed meanwhile waits for the warm-up's current round (a few
    // hundred ms at most), and the rounds left are skipped.
    runs = runs.then(async () => {
      await warmUpRun(
        warming,
        () => queued.size > 0,
        (list, items, transfer) => post({ id: 0, type: 'warmUpPart', list, items }, transfer),
        (report) => post({ id: 0, type: 'warmUpReport', report }),
      );
    });
    return;
  }
  if (message.type === 'stop') {
    if (current === message.id || queued.has(message.id)) stopped.add(message.id);
    if (current === message.id) pool?.stop();
    post({ id: message.id, type: 'stopAck' });
    return;
  }
  if (message.type === 'runDemo') {
    try {
      const run = runDemoScenario(message.seed, (fraction) => post({ id: message.id, type: 'progress', fraction }));
      post({ id: message.id, type: 'demoReady', run });
    } catch (error) {
      post({ id: message.id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  queued.add(message.id);
  runs = runs.then(() => runExclusive(message));
};
