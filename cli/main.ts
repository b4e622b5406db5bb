/**
 * The `clusterlab` command: the same engine as the app, headless, for teachers and tests.
 * Each subcommand lives in its own file and returns an exit code.
 */
import { processIo, UsageError, type CliIo, type Command } from './cliIo';
import { oneLine, terminalSafeIo } from './terminalSafeIo';
import { prestartRun } from './runPrestart';

/**
 * Each command's module is loaded when the command runs, not before: `clusterlab --help` and a
 * command's own --help load no engine, no lab and no sandbox (scripts/buildCli.mjs splits the
 * bundle along these imports).
 */
const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (argv, io) =>
    pick(await load())(argv, io);

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  run: {
    run: lazy(
      () => import('./runCommand'),
      (m) => m.runCommand,
    ),
    summary: 'run a MapReduce or Spark job file on a simulated cluster',
  },
  stream: {
    run: lazy(
      () => import('./streamCommand'),
      (m) => m.streamCommand,
    ),
    summary: 'run a streaming scenario file and print its delivery ledger',
  },
  pipeline: {
    run: lazy(
      () => import('./pipelineCommand'),
      (m) => m.pipelineCommand,
    ),
    summary: 'run a pipeline file and print what became of its events',
  },
  labs: {
    run: lazy(
      () => import('./labsCommand'),
      (m) => m.labsCommand,
    ),
    summary: 'list the guided labs',
  },
  check: {
    run: lazy(
      () => import('./checkCommand'),
      (m) => m.checkCommand,
    ),
    summary: "run a lab step's checks on a job file",
  },
  lab: {
    run: lazy(
      () => import('./labNewCommand'),
      (m) => m.labCommand,
    ),
    summary: 'lab new ID: scaffold a new lab folder and register it',
  },
  pack: {
    run: lazy(
      () => import('./packCommand'),
      (m) => m.packCommand,
    ),
    summary: "pack test|build: judge a teacher's lab pack, or write it as one file",
  },
  export: {
    run: lazy(
      () => import('./exportCommand'),
      (m) => m.exportCommand,
    ),
    summary: "write a student's hand-in file from the app's progress or job files",
  },
  grade: {
    run: lazy(
      () => import('./gradeCommand'),
      (m) => (argv, io) => m.gradeCommand(argv, io),
    ),
    summary: 'grade a folder of hand-ins: a table of student x step',
  },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `Usage: clusterlab <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'clusterlab <command> --help' (or 'clusterlab help <command>') for a command's options,\n'clusterlab --version' for this ClusterLab's version.\n`;
}

export async function main(argv: string[], terminal: CliIo = processIo): Promise<number> {
  // Learners' text reaches the terminal in many places: everything printed goes through here.
  const io = terminalSafeIo(terminal);
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return internalError(io, error);
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  // `clusterlab help run` is `clusterlab run --help`.
  if (argv[0] === 'help' && argv.length > 1) return dispatch([...argv.slice(1), '--help'], io);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    // Loaded only here: package.json is no part of every start.
    const { APP_VERSION } = await import('./appVersion');
    io.out(`clusterlab ${APP_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`clusterlab: unknown command '${oneLine(name)}'\n\n${usage()}`);
    return 2;
  }
  try {
    if (name === 'run') await prestartRun(rest);
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`clusterlab ${name}: ${error.lines ? error.message : oneLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

/** Set CLUSTERLAB_DEBUG=1 to see the stack of an internal error (never shown otherwise). */
export const DEBUG_ENV = 'CLUSTERLAB_DEBUG';

/**
 * The last line of defence: an error no command expected becomes one line (exit 1), never a Node
 * stack; with CLUSTERLAB_DEBUG=1 the stack follows. Never throws.
 */
export function internalError(
  io: CliIo,
  error: unknown,
  env: Record<string, string | undefined> = process.env,
): number {
  try {
    io.err(`clusterlab: internal error: ${describeError(error)} (please report this)\n`);
    if (env[DEBUG_ENV] === '1') io.err(`${stackOf(error)}\n`);
  } catch {
    // the terminal itself is gone: nothing more can be said
  }
  return 1;
}

/** What an error says, in one line of at most 500 characters, whatever was thrown. Never throws. */
export function describeError(error: unknown): string {
  let text: string;
  try {
    const e = error as { name?: unknown; message?: unknown } | null;
    const message = typeof e === 'object' && e !== null ? e.message : undefined;
    if (typeof message === 'string') {
      const name = typeof e!.name === 'string' && e!.name !== 'Error' ? `${e!.name}: ` : '';
      text = `${name}${message}`;
    } else if (typeof error === 'string') text = error;
    else text = `a thrown ${error === null ? 'null' : typeof error}`;
  } catch {
    text = 'a thrown value that cannot be read';
  }
  const line = text.replace(/\s*\n\s*/g, ' ').trim() || 'an error without a message';
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

function stackOf(error: unknown): string {
  try {
    const stack = (error as { stack?: unknown } | null)?.stack;
    return typeof stack === 'string' ? stack : '(no stack)';
  } catch {
    return '(no stack)';
  }
}

/**
 * Process-wide handlers for what escapes every await (an unhandled rejection, an uncaught
 * exception): one line, exit code 1; and for the process's own stdout and stderr closing early
 * (EPIPE): nothing, the command goes on and exits with its own code. scripts/clusterlab.mjs
 * installs them before running main.
 */
export function installLastResort(
  terminal: CliIo = processIo,
  exit: (code: number) => void = (c) => process.exit(c),
): void {
  const io = terminalSafeIo(terminal);
  const handle = (error: unknown) => exit(internalError(io, error));
  // A reader that closed the pipe early (`clusterlab run job.js | head`) is no error of ours, nor
  // the end of the command: it finishes, and its exit code is still its own (a failed job's 1,
  // not a 0 that a `set -o pipefail` script would read as success). What it writes after goes nowhere.
  const closedPipe = (error: unknown) => {
    if ((error as { code?: unknown } | null)?.code !== 'EPIPE') handle(error);
  };
  process.stdout.on('error', closedPipe);
  process.stderr.on('error', closedPipe);
  // Any other pipe's EPIPE is an error like any other.
  process.on('uncaughtException', handle);
  process.on('unhandledRejection', handle);
}
