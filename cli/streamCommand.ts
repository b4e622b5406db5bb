/**
 * `clusterlab stream SCENARIO [--seed S] [--json]`: loads a streaming scenario file, validates
 * it, runs it on the simulated cluster (engine/streaming's runScenario) and prints the delivery
 * ledger. Exit 0 when the run matches the scenario's expectations, 1 when it does not or a
 * scenario function throws, 2 for bad usage or an invalid scenario.
 */
import { ValidationError } from '../engine/core';
import {
  ScenarioFunctionError,
  WindowValueError,
  runScenario,
  validateScenario,
  type ScenarioSpec,
} from '../engine/streaming';
import { UsageError, type CliIo } from './cliIo';
import { loadScenarioFile, scenarioLine } from './streamScenarioLoader';
import { formatStreamReport } from './streamReport';

const HELP = `Usage: clusterlab stream SCENARIO [--seed S] [--json]

Runs a streaming scenario file (see labs/examples/streaming/README.md) and prints its ledger:
produced, processed, stored, duplicated and lost records.

  --seed S   the random seed (a non-negative integer, default 1)
  --json     print one JSON object (ledger, lag, metrics, simulatedMs) instead of tables
`;

interface StreamArgs {
  path: string;
  seed: number;
  json: boolean;
}

function parseArgs(argv: string[]): StreamArgs | null {
  let path: string | undefined;
  let seed = 1;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return null;
    if (a === '--json') json = true;
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const text = a === '--seed' ? argv[++i] : a.slice('--seed='.length);
      if (text === undefined || !/^\d+$/.test(text) || Number(text) > 0xffffffff)
        throw new UsageError(`--seed: must be an integer from 0 to 4294967295, got ${text ?? 'nothing'}`);
      seed = Number(text);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' (try --help)`);
    else if (path === undefined) path = a;
    else throw new UsageError(`one scenario file at a time, got '${path}' and '${a}'`);
  }
  if (path === undefined) throw new UsageError('missing the SCENARIO file (try --help)');
  return { path, seed, json };
}

export async function streamCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args === null) {
    io.out(HELP);
    return 0;
  }
  const { file, raw } = loadScenarioFile(args.path, io.cwd, io.err);
  let spec: ScenarioSpec;
  try {
    spec = validateScenario(raw);
  } catch (e) {
    if (e instanceof ValidationError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
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
      io.err(`clusterlab stream: ${file}${line === undefined ? '' : `:${line}`}: ${e.message}\n`);
      return 1;
    }
    if (e instanceof WindowValueError) {
      io.err(`clusterlab stream: ${file}: process: ${e.message}\n`);
      return 1;
    }
    if (e instanceof ValidationError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}
