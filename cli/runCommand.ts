/**
 * `clusterlab run JOB ...`: runs a learner's MapReduce or Spark job file on a simulated cluster
 * with real results from sandbox workers. Exit 0 on success, 1 when the job fails (its code
 * threw, or the time budget ran out), 2 for bad usage or bad input. Same arguments and seed:
 * byte-identical stdout.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { MAX_PUT_BYTES, parseRunArgs, RUN_USAGE } from './runArgs';
import { readLocalFile, readLocalText } from './localInput';
import { formatReport } from './runReport';
import { loadJobFile } from './jobLoader';
import { createNodeSandboxPool, defaultPoolSize } from './sandboxPool';
import { discardPrestarted } from './sandboxProcess';
import { sandboxesFor } from './sandboxCountHint';
import { JobFailedError, runJob, SimulationStuckError } from '../engine/api';
import { HdfsError } from '../engine/hdfs';
import { InputPathError } from '../engine/exec';
import { JobCodeError, JobSpecError, JobTimeoutError, withRunBudget } from '../engine/sandbox';
import { ValidationError } from '../engine/core';
import {
  isPresetName,
  preset,
  presetWithNodes,
  resolveClusterSpec,
  type ClusterSpec,
  type FaultSpec,
} from '../engine/cluster';
import { oneLine } from './terminalSafeIo';
import type { UiLocale } from '../labs/labLocale';
import { runErrorText } from '../labs/runErrorText';

function loadCluster(name: string | null, nodes: number | null, cwd: string): ClusterSpec {
  if (nodes !== null) return presetWithNodes(nodes);
  if (name === null) return preset('classroom');
  if (isPresetName(name)) return preset(name);
  const file = resolve(cwd, name);
  if (!existsSync(file)) return preset(name, '--cluster'); // names the unknown preset
  const text = readLocalText(file, `--cluster ${name}`, `--cluster: file not found: ${name}`);
  try {
    return JSON.parse(text) as ClusterSpec;
  } catch (error) {
    throw new UsageError(`--cluster ${name}: not valid JSON (${(error as Error).message})`);
  }
}

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  // The language of a failed job's error and whether it is printed as JSON, once the arguments say so.
  const shown: Shown = { lang: 'en', json: false };
  try {
    return await run(argv, io, shown);
  } catch (error) {
    discardPrestarted();
    if (
      error instanceof UsageError ||
      error instanceof ValidationError ||
      error instanceof InputPathError ||
      error instanceof JobSpecError ||
      error instanceof HdfsError
    ) {
      // Messages name the files and HDFS paths given (--put, the job, --cluster): kept on one line.
      const lines = error instanceof UsageError && error.lines;
      const message = error instanceof UsageError ? error.message : runErrorText(error.message, shown.lang);
      io.err(`clusterlab run: ${lines ? message : oneLine(message)}\n`);
      return 2;
    }
    if (error instanceof JobCodeError || error instanceof JobTimeoutError || error instanceof SimulationStuckError) {
      // The driver threw, the run ran out of time or its simulation never ended: nothing reports
      // its time or metrics, but --json still answers with its one object, the failure's message.
      if (shown.json) io.out(`${JSON.stringify(unsimulatedFailureJson(error.message, shown.lang))}\n`);
      io.err(`clusterlab run: job failed: ${oneLine(runErrorText(error.message, shown.lang))}\n`);
      return 1;
    }
    throw error;
  }
}

interface Shown {
  lang: UiLocale;
  json: boolean;
}

async function run(argv: string[], io: CliIo, shown: Shown): Promise<number> {
  const args = parseRunArgs(argv);
  if (args === 'help') {
    io.out(RUN_USAGE);
    return 0;
  }
  shown.lang = args.lang;
  shown.json = args.json;
  const source = await loadJobFile(args.job, io.cwd);
  const cluster = loadCluster(args.cluster, args.nodes, io.cwd);
  const resolved = resolveClusterSpec(cluster, '--cluster');
  const nodeId = (flag: string, i: number, node: number): string => {
    if (node > resolved.nodes.length)
      throw new UsageError(`${flag}[${i}]: node ${node} does not exist (nodes are 1..${resolved.nodes.length})`);
    return resolved.nodes[node - 1]!.id;
  };
  const faults: FaultSpec[] = [
    ...args.failNodes.map((f, i): FaultSpec => ({
      atMs: f.atMs,
      kind: 'killNode',
      node: nodeId('--fail-node', i, f.node),
    })),
    ...args.slowNodes.map((f, i): FaultSpec => ({
      atMs: f.atMs,
      kind: 'slowNode',
      node: nodeId('--slow-node', i, f.node),
      factor: f.factor,
    })),
    ...args.partitions.map((f, i): FaultSpec => {
      if (f.rack > resolved.racks.length)
        throw new UsageError(
          `--partition-rack[${i}]: rack ${f.rack} does not exist (racks are 1..${resolved.racks.length})`,
        );
      const rack = resolved.racks[f.rack - 1]!.id;
      return f.durationMs === null
        ? { atMs: f.atMs, kind: 'partitionRack', rack }
        : { atMs: f.atMs, kind: 'partitionRack', rack, durationMs: f.durationMs };
    }),
  ];
  // The sandbox processes start now, while the input files are read and put into HDFS (a
  // process's start costs a few hundred ms, most of a small run's time before it computes).
  const pool = await createNodeSandboxPool({
    size: args.workers ?? sandboxesFor(args.job, io.cwd, defaultPoolSize()),
    timeoutSeconds: args.timeoutSeconds,
    log: (text) => io.err(`${text}\n`),
  });
  pool.warm();
  const runner = withRunBudget(pool, args.timeoutSeconds, () => performance.now());
  try {
    let total = 0;
    const files = args.puts.map((p) => {
      const bytes = readLocalFile(resolve(io.cwd, p.local), {
        what: `--put ${p.local}`,
        notFound: `--put: local file not found: ${p.local}`,
        maxBytes: MAX_PUT_BYTES,
      });
      total += bytes.length;
      if (total > MAX_PUT_BYTES)
        throw new UsageError(
          `--put ${p.local}: the --put files hold more than ${MAX_PUT_BYTES} bytes (256 MB) together`,
        );
      return { path: p.dfs, bytes };
    });
    const report = await runJob({
      source,
      runner,
      cluster,
      seed: args.seed,
      files,
      faults,
      speculation: args.speculation,
      sparkConf: args.conf,
      // The command prints no playback: the cluster's snapshots (one per simulated second, each
      // walking every block) would only cost time, a second of 30 on 27,000 blocks.
      snapshots: false,
      // The report names the faults as they struck (runReport.ts); nothing else of the trace is read.
      traceTypes: ['nodeDied', 'nodeSlowed', 'rackPartitioned', 'rackHealed'],
      ...(args.blockSize !== null ? { blockSize: args.blockSize } : {}),
    });
    // `result` is always there: null when a Spark driver returned nothing (JSON has no undefined).
    if (args.json)
      io.out(
        `${JSON.stringify({ result: report.result ?? null, simulatedMs: round(report.simulatedMs), metrics: report.metrics })}\n`,
      );
    else
      io.out(
        formatReport(
          report,
          resolved.name,
          resolved.nodes.map((n) => n.id),
        ),
      );
    return 0;
  } catch (error) {
    if (!(error instanceof JobFailedError)) throw error;
    // The failed attempts are part of the story: show them (on the cluster that ran them) before the error.
    if (args.json) io.out(`${JSON.stringify(failedRunJson(error, args.lang))}\n`);
    else
      io.out(
        formatReport(
          error.report,
          resolved.name,
          resolved.nodes.map((n) => n.id),
          true,
        ),
      );
    io.err(`clusterlab run: job failed: ${oneLine(runErrorText(error.message, args.lang))}\n`);
    return 1;
  } finally {
    discardPrestarted(); // those the pool did not take (its size was another)
    await runner.close();
  }
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * `run --json` of a job that failed: what the text mode shows of it (the counters, the time it
 * ran) and the failure: the message (in `lang`), the task that failed and its failed attempts.
 */
export function failedRunJson(error: JobFailedError, lang: UiLocale = 'en') {
  const { report } = error;
  const failed = report.attempts.filter((a) => a.status === 'failed');
  // The job fails when a task's last attempt does: the failed attempt that ended last is its.
  const last = failed.reduce<(typeof failed)[number] | null>((l, a) => (l === null || a.end >= l.end ? a : l), null);
  const task = last?.task ?? null;
  return {
    result: null,
    simulatedMs: round(report.simulatedMs),
    metrics: report.metrics,
    failure: {
      message: runErrorText(error.message, lang),
      task,
      attempts: failed
        .filter((a) => a.task === task)
        .map((a) => ({
          attempt: a.attemptId,
          node: a.node,
          startMs: round(a.start),
          endMs: round(a.end),
          ...(a.reason !== undefined ? { reason: a.reason } : {}),
        })),
    },
  };
}

/**
 * `run --json` of a run that failed with no report (a Spark driver's own error, the time budget, a
 * simulation that never ends): no result, no simulated time nor metrics, the failure's message.
 */
export function unsimulatedFailureJson(message: string, lang: UiLocale = 'en') {
  return {
    result: null,
    simulatedMs: null,
    metrics: null,
    failure: { message: runErrorText(message, lang), task: null, attempts: [] },
  };
}
