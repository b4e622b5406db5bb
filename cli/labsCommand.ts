/**
 * `clusterlab labs [--all] [--json]`: lists the guided labs with their cookbook chapters, step
 * count and time estimate. `--all` adds the labs announced in the catalogue but not shipped yet.
 */
import { UsageError, type CliIo } from './cliIo';
import { LAB_CATALOGUE } from '../labs/catalogue';

export const LABS_USAGE = `Usage: clusterlab labs [--all] [--json]

Lists the guided labs: id, title, cookbook chapters, steps and minutes.
  --all    also list the labs announced but not available yet
  --json   print JSON instead of a table
`;

export async function labsCommand(argv: string[], io: CliIo): Promise<number> {
  let all = false;
  let json = false;
  for (const arg of argv) {
    if (arg === '--all') all = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      io.out(LABS_USAGE);
      return 0;
    } else throw new UsageError(`unknown argument '${arg}' (see 'clusterlab labs --help')`);
  }
  const labs = LAB_CATALOGUE.filter((l) => all || l.available);
  if (json) {
    const rows = labs.map((l) => ({
      id: l.id,
      title: l.title,
      chapters: l.chapters,
      steps: l.steps,
      minutes: l.minutes,
      available: l.available,
      summary: l.summary,
    }));
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const rows = labs.map((l) => [
    l.id,
    l.title,
    l.chapters.join(', '),
    l.available ? String(l.steps) : '-',
    String(l.minutes),
    ...(all ? [l.available ? 'yes' : 'soon'] : []),
  ]);
  const header = ['ID', 'TITLE', 'CHAPTERS', 'STEPS', 'MINUTES', ...(all ? ['AVAILABLE'] : [])];
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), h.length));
  const line = (cells: string[]) =>
    `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}\n`;
  io.out(line(header) + rows.map(line).join(''));
  io.out(`\nRun a step's checks on your file: clusterlab check LAB FILE --step N\n`);
  return 0;
}
