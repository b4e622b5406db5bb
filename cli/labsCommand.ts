/**
 * `clusterlab labs [--all] [--json] [--lang de]`: lists the guided labs with their cookbook
 * chapters, step count and time estimate. `--all` adds the labs announced in the catalogue but not
 * shipped yet; `--lang` gives the titles and summaries in a language the labs are translated into
 * (labs/labLocale.ts) and marks the labs whose texts are still English.
 */
import { UsageError, type CliIo } from './cliIo';
import { resolve } from 'node:path';
import { LAB_CATALOGUE } from '../labs/catalogue';
import { loadPackAt, packArg } from './packSource';
import type { UiLocale } from '../labs/labLocale';
import { LANGUAGES, parseLang } from './langOption';
import { localizedCatalogue } from '../labs/localizedCatalogue';

export const LABS_USAGE = `Usage: clusterlab labs [--all] [--pack PACK] [--json] [--lang ${LANGUAGES.join('|')}]

Lists the guided labs: id, title, cookbook chapters, steps and minutes.
  --all         also list the labs announced but not available yet
  --pack PACK   list the labs of a teacher's lab pack (its folder or .clusterlab file)
  --json        print JSON instead of a table
  --lang LANG   titles and summaries in LANG (${LANGUAGES.join(', ')}); a lab whose texts are still
                English is marked * (JSON: "language")
`;

export async function labsCommand(argv: string[], io: CliIo): Promise<number> {
  let all = false;
  let json = false;
  let pack: string | null = null;
  let lang: UiLocale | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--all') all = true;
    else if (arg === '--pack') pack = packArg(argv[++i]);
    else if (arg === '--json') json = true;
    else if (arg === '--lang') lang = parseLang(argv[++i]);
    else if (arg.startsWith('--lang=')) lang = parseLang(arg.slice('--lang='.length));
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
    : (lang === null ? LAB_CATALOGUE : localizedCatalogue(lang)).filter((l) => all || l.available);
  if (loaded && !json)
    io.out(`${loaded.manifest.name}${loaded.manifest.author ? ` (${loaded.manifest.author})` : ''}\n\n`);
  /** A lab that opens in English although another language was asked for. */
  const english = (l: (typeof labs)[number]) => lang !== null && 'textLocale' in l && l.textLocale !== lang;
  if (json) {
    const rows = labs.map((l) => ({
      id: l.id,
      title: l.title,
      chapters: l.chapters,
      steps: l.steps,
      minutes: l.minutes,
      available: l.available,
      summary: l.summary,
      ...(lang !== null && 'textLocale' in l ? { language: l.textLocale } : {}),
    }));
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const rows = labs.map((l) => [
    l.id,
    english(l) ? `${l.title} *` : l.title,
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
  if (labs.some(english)) io.out(`\n* the lab's texts are in English: only its title and summary are translated\n`);
  io.out(
    `\nRun a step's checks on your file: clusterlab check LAB FILE --step N${pack === null ? '' : ` --pack ${pack}`}\n`,
  );
  return 0;
}
