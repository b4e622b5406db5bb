/**
 * `clusterlab stream FILE [--seed S] [--json] [--timeout SEC] ...`: runs a KafkaJS program (a
 * file that imports 'kafkajs': cli/kafkaStream.ts), or a streaming scenario file (engine/streaming's
 * runScenario), and prints the delivery ledger. The run happens in a sandbox
 * process (cli/streamWorker.ts) under a wall-clock budget, so an endless loop in a learner's
 * function cannot hang the command. Exit 0 when the run matches the scenario's expectations, 1
 * when it does not, a scenario function throws or the budget runs out, 2 for bad usage or an
 * invalid scenario.
 */
import { relative, resolve } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { MAX_TIMEOUT_SECONDS, parseSeed, parseTimeoutSeconds } from './runArgs';
import type { StreamRunArgs } from './streamRun';
import { runInStreamWorker } from './streamWorkerHost';
import { KAFKA_OPTIONS, KAFKA_USAGE, parseKafkaArgs } from './kafkaStreamArgs';
import { runKafkaStream } from './kafkaStream';
import { readLocalText } from './localInput';
import { JobCompileError, compileJobSource } from '../engine/sandbox/compile';
import type { JobSource } from '../engine/sandbox';

const DEFAULT_TIMEOUT_SECONDS = 30;

const HELP = `Usage: clusterlab stream FILE [--seed S] [--json] [--timeout SEC] [KafkaJS options]

Runs a KafkaJS program (a file that imports 'kafkajs' and exports produce and consume) against a
simulated Kafka, or a streaming scenario file (see labs/examples/streaming/README.md), and prints
its ledger: produced, processed, stored, duplicated and lost records.

  --seed S        the random seed, 0 to 4,294,967,295 (default 1)
  --json          print one JSON object (ledger, lag, metrics, simulatedMs) instead of tables
  --timeout SEC   wall-clock budget for loading and running the scenario, in seconds
                  (default ${DEFAULT_TIMEOUT_SECONDS}, at most ${MAX_TIMEOUT_SECONDS}); past it the run stops with exit 1

${KAFKA_USAGE}`;

interface StreamArgs extends StreamRunArgs {
  timeoutSeconds: number;
  /** The KafkaJS options given, each with its values in order. */
  kafka: Map<string, string[]>;
}

function optionValue(argv: string[], i: number, name: string): [string | undefined, number] {
  const a = argv[i]!;
  return a === name ? [argv[i + 1], i + 1] : [a.slice(name.length + 1), i];
}

function parseArgs(argv: string[]): StreamArgs | null {
  let path: string | undefined;
  let seed = 1;
  let json = false;
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  const kafka = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return null;
    const option = KAFKA_OPTIONS.find((o) => a === o || a.startsWith(`${o}=`));
    if (option) {
      const [text, next] = optionValue(argv, i, option);
      i = next;
      if (text === undefined) throw new UsageError(`${option}: needs a value (try --help)`);
      kafka.set(option, [...(kafka.get(option) ?? []), text]);
    } else if (a === '--json') json = true;
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const [text, next] = optionValue(argv, i, '--seed');
      i = next;
      seed = parseSeed(text);
    } else if (a === '--timeout' || a.startsWith('--timeout=')) {
      const [text, next] = optionValue(argv, i, '--timeout');
      i = next;
      timeoutSeconds = parseTimeoutSeconds(text);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' (try --help)`);
    else if (path === undefined) path = a;
    else throw new UsageError(`one scenario file at a time, got '${path}' and '${a}'`);
  }
  if (path === undefined) throw new UsageError('missing the FILE to run: a KafkaJS program or a scenario (try --help)');
  return { path, seed, json, timeoutSeconds, kafka };
}

/**
 * The file compiled as a KafkaJS program when it imports 'kafkajs'; null for a scenario file
 * (which the stream worker loads itself, with its own messages).
 */
function kafkaProgram(path: string, cwd: string): JobSource | null {
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = readLocalText(full, `file ${path}`, `file not found: ${path}`);
  } catch {
    // Not readable: the scenario loader says why, in its words.
    return null;
  }
  const shown = relative(cwd, full) || path;
  const fileName = shown.startsWith('..') ? full : shown;
  try {
    const source = compileJobSource(text, fileName);
    return source.modules?.includes('kafkajs') ? source : null;
  } catch (error) {
    if (error instanceof JobCompileError && /['"]kafkajs['"]/.test(text)) throw new UsageError(error.message);
    return null;
  }
}

export async function streamCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args === null) {
    io.out(HELP);
    return 0;
  }
  const { timeoutSeconds, kafka, ...run } = args;
  const program = kafkaProgram(args.path, io.cwd);
  if (program)
    return runKafkaStream(
      program,
      { seed: run.seed, json: run.json, timeoutSeconds },
      parseKafkaArgs(kafka, io.cwd),
      io,
    );
  const first = [...kafka.keys()][0];
  if (first !== undefined)
    throw new UsageError(`${first}: applies to KafkaJS programs (files that import 'kafkajs'), not to scenario files`);
  return runInStreamWorker({ ...run, cwd: io.cwd }, timeoutSeconds, io);
}
