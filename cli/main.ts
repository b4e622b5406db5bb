/**
 * The `clusterlab` command: the same engine as the app, headless, for teachers and tests.
 * Each subcommand lives in its own file and returns an exit code.
 */
import { processIo, UsageError, type CliIo, type Command } from './cliIo';
import { runCommand } from './runCommand';
import { streamCommand } from './streamCommand';
import { labsCommand } from './labsCommand';
import { checkCommand } from './checkCommand';
import { terminalSafeIo } from './terminalSafeIo';

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  run: { run: runCommand, summary: 'run a MapReduce or Spark job file on a simulated cluster' },
  stream: { run: streamCommand, summary: 'run a streaming scenario file and print its delivery ledger' },
  labs: { run: labsCommand, summary: 'list the guided labs' },
  check: { run: checkCommand, summary: "run a lab step's checks on a job file" },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `Usage: clusterlab <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'clusterlab <command> --help' for a command's options.\n`;
}

export async function main(argv: string[], terminal: CliIo = processIo): Promise<number> {
  // Learners' text reaches the terminal in many places: everything printed goes through here.
  const io = terminalSafeIo(terminal);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`clusterlab: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`clusterlab ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
