/**
 * The body of `clusterlab stream`, run inside the stream worker (cli/streamWorker.ts): loads and
 * validates the scenario file, simulates it and writes the report to `io`. Synchronous, because
 * the learner's functions run synchronously; the CLI's process holds the wall-clock budget.
 */
import { ValidationError } from '../engine/core';
import {
  ScenarioFunctionError,
  WindowValueError,
  runScenario,
  validateScenario,
  type ScenarioSpec,
} from '../engine/streaming';
import { cappedConsoleLine, consoleDroppedNotice, type ConsoleShown } from '../engine/sandbox';
import { UsageError, type CliIo } from './cliIo';
import { loadScenarioFile, scenarioLine, thrownText } from './streamScenarioLoader';
import { formatStreamReport } from './streamReport';
import { oneLine } from './terminalSafeIo';

export interface StreamRunArgs {
  path: string;
  seed: number;
  json: boolean;
}

/**
 * Runs one scenario file; returns the exit code (0 ok, 1 failed) or throws UsageError (2). The
 * scenario's console output is capped as a job run's is (LOG_LIMITS), then one line says how many
 * lines were not shown.
 */
export function runStreamScenario(args: StreamRunArgs, io: CliIo): number {
  const shown: ConsoleShown = { lines: 0, chars: 0, dropped: 0 };
  const log = (text: string): void => {
    const line = cappedConsoleLine(shown, text.endsWith('\n') ? text.slice(0, -1) : text);
    if (line !== null) io.err(`${line}\n`);
  };
  try {
    return runScenarioFile(args, io, log);
  } finally {
    const notice = consoleDroppedNotice(shown);
    if (notice !== null) io.err(`${notice}\n`);
  }
}

function runScenarioFile(args: StreamRunArgs, io: CliIo, log: (text: string) => void): number {
  const { file, raw } = loadScenarioFile(args.path, io.cwd, log);
  let spec: ScenarioSpec;
  try {
    spec = validateScenario(raw);
  } catch (e) {
    if (e instanceof ValidationError) throw new UsageError(`${file}: ${e.message}`);
    // A getter or Proxy in the scenario object threw while it was read.
    throw new UsageError(`${file}: reading the scenario threw ${thrownText(e)}`);
  }
  try {
    const result = runScenario(spec, args.seed);
    if (args.json) io.out(`${JSON.stringify({ file, ...result })}\n`);
    else
      io.out(
        formatStreamReport(
          result,
          file,
          `topic ${spec.topic.name}: ${spec.topic.partitions} partitions x ${spec.topic.replicationFactor} replicas`,
        ),
      );
    return result.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof ScenarioFunctionError) {
      const line = scenarioLine(e.cause, file);
      io.err(`clusterlab stream: ${file}${line === undefined ? '' : `:${line}`}: ${oneLine(e.message)}\n`);
      return 1;
    }
    if (e instanceof WindowValueError) {
      io.err(`clusterlab stream: ${file}: process: ${oneLine(e.message)}\n`);
      return 1;
    }
    if (e instanceof ValidationError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}
