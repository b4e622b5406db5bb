/**
 * `clusterlab pipeline FILE [--seed S] [--json] [--timeout SEC]`: runs a pipeline file (parts on
 * the cluster's machines, wired; labs/pipelineFile.ts) on the simulated clock and prints the
 * ledger of its events: produced, displayed, pending, lost, the latency from client to display,
 * and each part's figures. Exit 0 when every event was displayed, 1 when some were not or the
 * wall-clock budget ran out, 2 for bad usage or an invalid file (named by line and field).
 */
import { relative, resolve } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { parseSeed, parseTimeoutSeconds, MAX_TIMEOUT_SECONDS } from './runArgs';
import { readLocalText } from './localInput';
import { PipelineFileError, runPipelineFile } from '../labs/pipelineFile';
import { formatPipelineReport } from './pipelineReport';

const DEFAULT_TIMEOUT_SECONDS = 60;

const HELP = `Usage: clusterlab pipeline FILE [--seed S] [--json] [--timeout SEC]

Runs a pipeline file (JSON: "parts" placed on the cluster's machines, "wires" between them, and
optionally "cluster" and "faults"; see labs/examples/pipelines/) on a simulated cluster, and prints
what became of every event: displayed on the dashboard, still on its way, or lost, with the
latency from the client to the display and each part's figures.

  --seed S        the random seed, 0 to 4,294,967,295 (default 1)
  --json          print the whole result as one JSON object
  --timeout SEC   wall-clock budget in seconds (default ${DEFAULT_TIMEOUT_SECONDS}, at most ${MAX_TIMEOUT_SECONDS}); past it the run stops with exit 1

Exit status: 0 every event was displayed; 1 some were not (or the budget ran out); 2 bad usage or
an invalid file.`;

interface PipelineArgs {
  path: string;
  seed: number;
  json: boolean;
  timeoutSeconds: number;
}

function parseArgs(argv: string[]): PipelineArgs | null {
  let path: string | undefined;
  let seed = 1;
  let json = false;
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string): string | undefined => (a === name ? argv[++i] : a.slice(name.length + 1));
    if (a === '--help' || a === '-h') return null;
    else if (a === '--json') json = true;
    else if (a === '--seed' || a.startsWith('--seed=')) {
      seed = parseSeed(value('--seed'));
    } else if (a === '--timeout' || a.startsWith('--timeout='))
      timeoutSeconds = parseTimeoutSeconds(value('--timeout'));
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' (try --help)`);
    else if (path === undefined) path = a;
    else throw new UsageError(`one pipeline file at a time, got '${path}' and '${a}'`);
  }
  if (path === undefined) throw new UsageError('missing the pipeline FILE to run (try --help)');
  return { path, seed, json, timeoutSeconds };
}

class BudgetExceeded extends Error {}

export function pipelineCommand(argv: string[], io: CliIo): Promise<number> {
  return Promise.resolve(pipelineRun(argv, io));
}

function pipelineRun(argv: string[], io: CliIo): number {
  const args = parseArgs(argv);
  if (args === null) {
    io.out(`${HELP}\n`);
    return 0;
  }
  const full = resolve(io.cwd, args.path);
  const text = readLocalText(full, `pipeline file ${args.path}`, `file not found: ${args.path}`);
  const shown = relative(io.cwd, full) || args.path;
  const deadline = performance.now() + args.timeoutSeconds * 1000;
  try {
    const { result } = runPipelineFile(text, shown.startsWith('..') ? full : shown, {
      seed: args.seed,
      check: () => {
        if (performance.now() > deadline) throw new BudgetExceeded();
      },
    });
    io.out(args.json ? `${JSON.stringify(result)}\n` : formatPipelineReport(result));
    return result.summary.displayed === result.summary.produced ? 0 : 1;
  } catch (error) {
    if (error instanceof PipelineFileError) throw new UsageError(error.message);
    if (error instanceof BudgetExceeded) {
      io.err(`clusterlab pipeline: stopped after ${args.timeoutSeconds} s of wall-clock time (--timeout)\n`);
      return 1;
    }
    throw error;
  }
}
