/**
 * `clusterlab lab new ID [--title TITLE]`: scaffolds a lab folder, labs/ID/, from labTemplate.ts
 * (a working three-step lab: texts, starters, solutions, checks) and registers it with one line
 * in labs/labList.ts, so the generic test (labs/allLabs.test.ts) judges it at once.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { labTemplate } from './labTemplate';
import { findLab } from '../labs/labRegistry';

/** The longest title: one line in the lab list and the page's heading. */
export const MAX_TITLE_CHARS = 120;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const LAB_USAGE = `Usage: clusterlab lab new ID [--title TITLE]

Creates the lab folder labs/ID/ in the ClusterLab project (the current folder): a working lab of
three steps (a MapReduce job, a Spark job, HDFS settings) with its Markdown texts, starter and
solution files and checks, and registers it with one line in labs/labList.ts. Then edit it
(labs/README.md, "Adding a lab") and let the generic test judge it:
  npx vitest run labs/allLabs.test.ts
  --title TITLE   the lab's title, one line of at most ${MAX_TITLE_CHARS} characters (default: from the id)
`;

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Why `title` cannot be a lab's title (a line break or another control character, too long), or null. */
export function titleProblem(title: string): string | null {
  const at = title.search(CONTROL);
  if (at >= 0) {
    const code = title.charCodeAt(at).toString(16).padStart(4, '0');
    return `must be one line of plain text; character ${at + 1} is a line break or another control character (U+${code.toUpperCase()})`;
  }
  const length = [...title.trim()].length;
  if (length > MAX_TITLE_CHARS) return `must be at most ${MAX_TITLE_CHARS} characters, got ${length}`;
  return null;
}

/** Where the lab is written; tests point `labsDir` elsewhere and `supportDir` at the real labs/. */
export interface LabNewOptions {
  labsDir?: string;
  supportDir?: string;
}

export async function labCommand(argv: string[], io: CliIo, options: LabNewOptions = {}): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(LAB_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'new') throw new UsageError(`unknown subcommand '${sub}' (see 'clusterlab lab --help')`);
  return labNewCommand(rest, io, options);
}

export async function labNewCommand(argv: string[], io: CliIo, options: LabNewOptions = {}): Promise<number> {
  let id: string | undefined;
  let title: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      io.out(LAB_USAGE);
      return 0;
    } else if (arg === '--title') {
      title = argv[++i];
      if (!title?.trim()) throw new UsageError('--title needs a title');
      const problem = titleProblem(title);
      if (problem) throw new UsageError(`--title: ${problem}`);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}' (see 'clusterlab lab --help')`);
    else if (id === undefined) id = arg;
    else throw new UsageError(`one lab id only, got '${id}' and '${arg}'`);
  }
  if (id === undefined) throw new UsageError('missing the lab id, e.g. clusterlab lab new kafka-topics');
  if (!KEBAB.test(id) || id.length > 60)
    throw new UsageError(`the lab id must be kebab-case like 'kafka-topics' (at most 60 characters), got '${id}'`);
  const labsDir = options.labsDir ?? join(io.cwd, 'labs');
  const listFile = join(labsDir, 'labList.ts');
  if (!existsSync(listFile))
    throw new UsageError(`${listFile} not found: run 'clusterlab lab new' in the ClusterLab project folder`);
  const labDir = join(labsDir, id);
  if (existsSync(labDir)) throw new UsageError(`${labDir} exists already: choose another id`);
  if (findLab(id)) throw new UsageError(`a lab '${id}' is registered already`);

  const support = relative(labDir, options.supportDir ?? labsDir)
    .split(sep)
    .join('/');
  const files = labTemplate(id, title?.trim() ?? titleOf(id), support);
  const list = readFileSync(listFile, 'utf8');
  try {
    for (const [path, text] of Object.entries(files)) {
      const file = join(labDir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text, { flag: 'wx' });
    }
  } catch (error) {
    // Half a lab is worse than none: the folder did not exist before, so it goes again.
    rmSync(labDir, { recursive: true, force: true });
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(`cannot write ${labDir} (${String(code ?? 'write error')}); nothing was created`);
  }
  const line = `export { default as ${camelCase(id)} } from './${id}/lab';\n`;
  appendFileSync(listFile, list.endsWith('\n') || list === '' ? line : `\n${line}`);
  io.out(
    `Created ${relative(io.cwd, labDir) || labDir}/ (${Object.keys(files).length} files) and registered it in ${relative(io.cwd, listFile)}.\n` +
      `Next: edit its texts, job files and checks (labs/README.md, "Adding a lab"), then run\n` +
      `  npx vitest run labs/allLabs.test.ts\n`,
  );
  return 0;
}

const titleOf = (id: string) => {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** `kafka-topics` → `kafkaTopics`; a leading digit gets a prefix so it stays an identifier. */
function camelCase(id: string): string {
  const name = id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return /^[0-9]/.test(name) ? `lab${name}` : name;
}
