/**
 * Reads what `clusterlab grade` grades from a folder: each `*.clusterlab` or `*.json` file is one
 * student's hand-in; each subfolder is one student (its name) with job files named by lab and step
 * (labs/handIn/jobFiles.ts). Every file is read within its limit; anything unreadable becomes the
 * submission's error, never an exception.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './cliIo';
import { readLocalFile } from './localInput';
import { HAND_IN_LIMITS, describeProblem, knownLabsOf, parseHandIn } from '../labs/handIn/handInFile';
import { handInFromJobs } from '../labs/handIn/jobFiles';
import type { Submission } from '../labs/handIn/gradeHandIn';
import type { Lab } from '../labs/labTypes';
import { fileHead, isGradeTableHead } from './gradeTableFile';

/** Whether a .json or .csv file of the folder is a table an earlier `clusterlab grade` wrote there. */
function earlierTable(full: string, name: string): boolean {
  if (!/\.(json|csv)$/i.test(name)) return false;
  try {
    return isGradeTableHead(name, fileHead(full));
  } catch {
    return false;
  }
}

/** At most this many submissions in a folder, and job files in a student's folder. */
export const MAX_SUBMISSIONS = 2000;
export const MAX_JOB_FILES = 500;

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function readText(full: string, what: string, maxBytes: number): string {
  return new TextDecoder().decode(readLocalFile(full, { what, notFound: `${what}: not found`, maxBytes }));
}

const failure = (source: string, error: unknown): Submission => ({
  source,
  student: null,
  handIn: null,
  errors: [error instanceof UsageError ? error.message : `${source}: cannot be read`],
  leftOut: new Map(),
  ignored: [],
});

/** One hand-in file. */
export function readHandInFile(full: string, source: string, labs: readonly Lab[]): Submission {
  let text: string;
  try {
    text = readText(full, source, HAND_IN_LIMITS.fileBytes);
  } catch (error) {
    return failure(source, error);
  }
  const parsed = parseHandIn(text, source, knownLabsOf(labs));
  const leftOut = new Map<string, string>();
  const errors: string[] = [];
  for (const p of parsed.problems) {
    if (p.severity !== 'error') continue;
    const m = /^labs\.([^.]+)(?:\.steps\.([^.]+))?/.exec(p.path);
    if (parsed.handIn && m) {
      const key = `${m[1]}/${m[2] ?? ''}`;
      if (!leftOut.has(key)) leftOut.set(key, `unreadable in the file: ${describeProblem(p)}`);
    } else errors.push(describeProblem(p));
  }
  return { source, student: parsed.handIn?.student.name ?? null, handIn: parsed.handIn, errors, leftOut, ignored: [] };
}

/** One student's folder of job files: the folder's name is the student's. */
export function readJobFolder(full: string, source: string, labs: readonly Lab[]): Submission {
  let entries: Dirent[];
  try {
    entries = readdirSync(full, { withFileTypes: true }).sort(byName);
  } catch (error) {
    return failure(source, error);
  }
  if (entries.length > MAX_JOB_FILES)
    return failure(
      source,
      new UsageError(`${source}: ${entries.length} entries, more than the limit of ${MAX_JOB_FILES}`),
    );
  const files: { name: string; text: string }[] = [];
  const ignored: string[] = [];
  for (const e of entries) {
    // Hidden files (.DS_Store) are the operating system's, not the student's.
    if (e.name.startsWith('.')) continue;
    if (!e.isFile()) {
      ignored.push(`${source}/${e.name}: not a plain file (a link, a folder or a device): not read`);
      continue;
    }
    try {
      files.push({ name: e.name, text: readText(join(full, e.name), `${source}/${e.name}`, HAND_IN_LIMITS.codeChars) });
    } catch (error) {
      ignored.push(error instanceof UsageError ? error.message : `${source}/${e.name}: cannot be read`);
    }
  }
  const made = handInFromJobs(source, files, labs, 'job files', new Date(0));
  if (!made.handIn) return { ...failure(source, null), errors: made.problems.map((p) => `${source}: ${p}`) };
  ignored.push(...made.problems);
  return { source, student: made.handIn.student.name, handIn: made.handIn, errors: [], leftOut: new Map(), ignored };
}

/** Every submission of `folder`, in name order (`exclude`: the table's own files); entries that are neither are listed in `skipped`. */
export function readSubmissions(
  folder: string,
  labs: readonly Lab[],
  exclude: ReadonlySet<string> = new Set(),
): { submissions: Submission[]; skipped: string[] } {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true }).sort(byName);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(
      code === 'ENOENT'
        ? `folder not found: ${folder}`
        : code === 'ENOTDIR'
          ? `not a folder: ${folder}`
          : `cannot read the folder ${folder} (${String(code ?? 'error')})`,
    );
  }
  if (entries.length > MAX_SUBMISSIONS)
    throw new UsageError(`${folder}: ${entries.length} entries, more than the limit of ${MAX_SUBMISSIONS} submissions`);
  const submissions: Submission[] = [];
  const skipped: string[] = [];
  for (const e of entries) {
    const full = join(folder, e.name);
    if (exclude.has(full)) continue;
    // Hidden entries and a Mac zip's __MACOSX folder are not students' submissions.
    if (e.name.startsWith('.') || e.name === '__MACOSX') continue;
    // A link is never followed: a submission cannot make the grader read a file outside the folder.
    if (e.isSymbolicLink() || (!e.isDirectory() && !e.isFile())) {
      skipped.push(`${e.name}: a link or a device, not followed`);
      continue;
    }
    if (e.isDirectory()) submissions.push(readJobFolder(full, e.name, labs));
    else if (earlierTable(full, e.name)) skipped.push(`${e.name}: a grade table written earlier, not a hand-in`);
    else if (/\.(clusterlab|json)$/i.test(e.name)) submissions.push(readHandInFile(full, e.name, labs));
    else skipped.push(`${e.name}: not a hand-in (.clusterlab, .json) or a folder`);
  }
  return { submissions, skipped };
}
