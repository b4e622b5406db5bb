/**
 * `clusterlab labs [--all] [--json]`: lists the guided labs with their cookbook chapters, step
 * count and time estimate. `--all` adds the labs announced in the catalogue but not shipped yet.
 */
import { UsageError, type CliIo } from './cliIo';
import { resolve } from 'node:path';
import { LAB_CATALOGUE } from '../labs/catalogue';
import { loadPackAt, packArg } from './packSource';

export const LABS_USAGE = `Usage: clusterlab labs [--all] [--pack PACK] [--json]

Lists the guided labs: id, title, cookbook chapters, steps and minutes.
  --all         also list the labs announced but not available yet
  --pack PACK   list the labs of a teacher's lab pack (its folder or .clusterlab file)
  --json        print JSON instead of a table
`;

export async function labsCommand(argv: string[], io: CliIo): Promise<number> {
  let all = false;
  let json = false;
  let pack: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--all') all = true;
    else if (arg === '--pack') pack = packArg(argv[++i]);
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      io.out(LABS_USAGE);
      return 0;
    } else throw new UsageError(`unknown argument '${arg}' (see 'clusterlab labs --help')`);
  }
  const loaded = pack === null ? null : await loadPackAt(resolve(io.cwd, pack));
  const labs = loaded
    ? loaded.labs.map((l) => ({
        id: l.id,
        title: l.title,
        chapters: l.chapters,
        steps: l.steps.length,
        minutes: l.minutes,
        available: true,
        summary: l.summary,
      }))
    : LAB_CATALOGUE.filter((l) => all || l.available);
  if (loaded && !json)
    io.out(`${loaded.manifest.name}${loaded.manifest.author ? ` (${loaded.manifest.author})` : ''}\n\n`);
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
  io.out(
    `\nRun a step's checks on your file: clusterlab check LAB FILE --step N${pack === null ? '' : ` --pack ${pack}`}\n`,
  );
  return 0;
}
