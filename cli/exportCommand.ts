/**
 * `clusterlab export --name NAME`: writes a student's hand-in file (labs/handIn, docs/hand-in-format.md)
 * from the desktop app's saved progress (or --progress FILE), or from a folder of job files named
 * by lab and step (--from-jobs DIR). Never overwrites a file without --force.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { readLocalFile } from './localInput';
import { APP_VERSION } from './appVersion';
import { progressCandidates } from './progressPath';
import { LABS } from '../labs/labRegistry';
import {
  HAND_IN_LIMITS,
  buildHandIn,
  describeProblem,
  handInFileName,
  knownLabsOf,
  parseHandIn,
  studentNameProblem,
  type HandIn,
} from '../labs/handIn/handInFile';
import { handInText } from '../labs/handIn/buildHandIn';
import { JOB_FILE_FORM, handInFromJobs } from '../labs/handIn/jobFiles';
import { progressLikeOf } from '../labs/handIn/progressLike';
import { MAX_JOB_FILES } from './gradeSubmission';
import { loadPackAt, packArg } from './packSource';
import type { Lab } from '../labs/labTypes';
import { stepVaries } from '../labs/variant';
import { displayStudentName, normalizeStudentName } from '../labs/handIn/studentName';
import { oneLine } from './terminalSafeIo';
import { notWritable, writeFileNoFollow } from './writeFileNoFollow';

export const EXPORT_USAGE = `Usage: clusterlab export --name NAME [--progress FILE | --from-jobs DIR] [--pack PACK] [--out FILE] [--force]

Writes NAME's hand-in file (.clusterlab) for a teacher to grade ('clusterlab grade') or to load
on another machine.
  --name NAME       the student's name (steps with variants depend on it: use the same name always)
  --progress FILE   the desktop app's saved progress (default: where the app keeps it on this machine)
  --from-jobs DIR   job files named ${JOB_FILE_FORM} instead
  --pack PACK       the teacher's pack whose labs are handed in too (its folder or .clusterlab file):
                    its job files are taken, and its labs are checked like the built-in ones
  --out FILE        the file to write (default: from the name, e.g. ana-lima.clusterlab)
  --force           overwrite FILE if it exists (a file: never a symbolic link or what it points to)
Exit code: 0 written, 2 bad usage or unreadable input.
`;

interface ExportArgs {
  name: string | null;
  progress: string | null;
  fromJobs: string | null;
  out: string | null;
  force: boolean;
  pack: string | null;
}

function value(argv: string[], i: number, flag: string): string {
  const v = argv[i];
  if (v === undefined || v.startsWith('--'))
    throw new UsageError(`${flag} needs a value (see 'clusterlab export --help')`);
  return v;
}

function parseArgs(argv: string[]): ExportArgs | 'help' {
  const args: ExportArgs = { name: null, progress: null, fromJobs: null, out: null, force: false, pack: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--name') args.name = value(argv, ++i, a);
    else if (a === '--progress') args.progress = value(argv, ++i, a);
    else if (a === '--from-jobs') args.fromJobs = value(argv, ++i, a);
    else if (a === '--out') args.out = value(argv, ++i, a);
    else if (a === '--force') args.force = true;
    else if (a === '--pack') {
      if (args.pack !== null) throw new UsageError('--pack is given twice: hand in one pack at a time');
      args.pack = packArg(argv[++i]);
    } else throw new UsageError(`unexpected argument '${a}' (see 'clusterlab export --help')`);
  }
  if (args.name === null) throw new UsageError(`--name is required: the student's name\n\n${EXPORT_USAGE}`, true);
  if (args.progress !== null && args.fromJobs !== null)
    throw new UsageError('give --progress or --from-jobs, not both');
  return args;
}

function fromProgress(args: ExportArgs, name: string, io: CliIo, labs: readonly Lab[]): HandIn {
  const candidates = args.progress !== null ? [resolve(io.cwd, args.progress)] : progressCandidates();
  const file = candidates.find((f) => existsSync(f));
  if (!file)
    throw new UsageError(
      args.progress !== null
        ? `progress file not found: ${args.progress}`
        : `no saved progress of the ClusterLab app on this machine; looked at:\n  ${candidates.map(oneLine).join('\n  ')}\nGive the file with --progress FILE, or use --from-jobs DIR`,
      args.progress === null,
    );
  const bytes = readLocalFile(file, {
    what: `progress file ${file}`,
    notFound: `progress file not found: ${file}`,
    maxBytes: 2 * HAND_IN_LIMITS.fileBytes,
  });
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    // The app keeps the save before the last beside it: named only where there is one.
    const backup = `${file}.bak`;
    throw new UsageError(
      `${file}: not valid JSON (${(error as Error).message})${existsSync(backup) ? `; the app keeps a backup beside it (${backup})` : ''}`,
    );
  }
  const read = progressLikeOf(data);
  if ('error' in read) throw new UsageError(`${file}: ${read.error}`);
  for (const p of read.problems) io.err(`clusterlab export: ${file}: ${p}\n`);
  const handIn = buildHandIn(read.progress, name, APP_VERSION, new Date());
  const saved = (data as { studentName?: unknown }).studentName;
  if (typeof saved === 'string' && studentNameProblem(saved) === null) {
    const warning = otherNameWarning(saved, name, handIn, labs);
    if (warning) io.err(`clusterlab export: warning: ${oneLine(warning)}\n`);
  }
  return handIn;
}

/**
 * The warning when --name is not the name the app saved with the progress (compared in normal
 * form), or null. The file is still written (a teacher may mean it: a name typed wrong in the
 * app); but the steps that vary per student were last run on the saved name's data.
 */
export function otherNameWarning(saved: string, name: string, handIn: HandIn, labs: readonly Lab[]): string | null {
  if (normalizeStudentName(saved) === normalizeStudentName(name)) return null;
  const varying: string[] = [];
  for (const [labId, lab] of Object.entries(handIn.labs)) {
    const known = labs.find((l) => l.id === labId);
    for (const stepId of Object.keys(lab.steps)) {
      const index = known?.steps.findIndex((s) => s.id === stepId) ?? -1;
      if (known && index >= 0 && stepVaries(known, known.steps[index]!)) varying.push(`${labId} step ${index + 1}`);
    }
  }
  const shown =
    varying.length > 8 ? `${varying.slice(0, 8).join(', ')} and ${varying.length - 8} more` : varying.join(', ');
  const steps =
    varying.length === 0
      ? 'none of the handed-in steps varies per student, so the grades do not depend on it'
      : `the steps that vary per student (${shown}) were last run on the data of '${displayStudentName(saved)}' and are graded on the data of '${displayStudentName(name)}'`;
  return `--name '${displayStudentName(name)}' is not the name saved with this progress ('${displayStudentName(saved)}'): ${steps}; written under '${displayStudentName(name)}' as asked`;
}

function fromJobs(dir: string, name: string, io: CliIo, labs: readonly Lab[]): HandIn {
  const full = resolve(io.cwd, dir);
  let names: string[];
  try {
    if (!statSync(full).isDirectory()) throw new UsageError(`--from-jobs ${dir}: not a folder`);
    names = readdirSync(full).sort();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--from-jobs ${dir}: folder not found`);
  }
  if (names.length > MAX_JOB_FILES) throw new UsageError(`--from-jobs ${dir}: more than ${MAX_JOB_FILES} files`);
  const files = names.map((n) => ({
    name: n,
    text: new TextDecoder().decode(
      readLocalFile(join(full, n), {
        what: `${dir}/${n}`,
        notFound: `${dir}/${n}: not found`,
        maxBytes: HAND_IN_LIMITS.codeChars,
      }),
    ),
  }));
  const made = handInFromJobs(name, files, labs, APP_VERSION, new Date());
  if (!made.handIn) throw new UsageError(made.problems.join('; '));
  if (made.problems.length > 0)
    throw new UsageError(
      `these files of ${oneLine(dir)} cannot be handed in:\n  ${made.problems.map(oneLine).join('\n  ')}`,
      true,
    );
  if (Object.keys(made.handIn.labs).length === 0)
    throw new UsageError(`--from-jobs ${dir}: no job files (named ${JOB_FILE_FORM})`);
  return made.handIn;
}

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    io.out(EXPORT_USAGE);
    return 0;
  }
  const name = args.name!;
  const problem = studentNameProblem(name);
  if (problem) throw new UsageError(`--name: the student's name ${problem}`);
  const out = resolve(io.cwd, args.out ?? handInFileName(name));
  const shown = relative(io.cwd, out) || out;
  const exists = () => new UsageError(`${shown} exists: choose another --out, or add --force to replace it`);
  // Checked before the work, and again when the file is opened (writeFileNoFollow).
  const unwritable = notWritable(out, shown);
  if (unwritable) throw new UsageError(unwritable);
  if (!args.force && existsSync(out)) throw exists();
  const labs = args.pack !== null ? [...LABS, ...(await loadPackAt(resolve(io.cwd, args.pack))).labs] : LABS;
  const handIn = args.fromJobs !== null ? fromJobs(args.fromJobs, name, io, labs) : fromProgress(args, name, io, labs);
  // What is written is what a teacher's ClusterLab will read: the file passes parseHandIn's own checks.
  const text = handInText(handIn);
  const checked = parseHandIn(text, out, knownLabsOf(labs));
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (!checked.handIn || errors.length > 0)
    throw new UsageError(
      `the hand-in would not be readable:\n  ${errors.map((e) => oneLine(describeProblem(e))).join('\n  ')}`,
      true,
    );
  for (const p of checked.problems) io.err(`clusterlab export: warning: ${describeProblem(p)}\n`);
  writeFileNoFollow(out, text, { force: args.force, shown, exists });
  const steps = Object.values(handIn.labs).reduce((n, l) => n + Object.keys(l.steps).length, 0);
  io.out(
    `Wrote ${oneLine(shown)}: ${handIn.student.name}, ${Object.keys(handIn.labs).length} lab(s), ${steps} step(s).\n`,
  );
  return 0;
}
