/**
 * Job files named by lab and step, the other way to hand work in: `<lab-id>.step<N>.<js|ts|json>`
 * (N from 1, as `clusterlab check --step` counts), e.g. `mapreduce-basics.step1.js`. A folder of
 * them becomes a hand-in (`clusterlab export --from-jobs`, or a student's folder for `grade`).
 */
import { HAND_IN_FORMAT, HAND_IN_LIMITS, HAND_IN_VERSION, type HandIn, type HandInLab } from './handInFile';
import { displayStudentName, studentNameProblem } from './studentName';

export const JOB_FILE_FORM = '<lab-id>.step<N>.<js|ts|json>, e.g. mapreduce-basics.step1.js';
const JOB_FILE = /^([a-z0-9][a-z0-9-]*)\.step([1-9][0-9]{0,2})\.(js|ts|json)$/;

export interface JobFileName {
  lab: string;
  /** 1-based. */
  step: number;
  ext: 'js' | 'ts' | 'json';
}

export function parseJobFileName(name: string): JobFileName | null {
  const m = JOB_FILE.exec(name);
  if (!m || m[1]!.length > HAND_IN_LIMITS.idChars) return null;
  return { lab: m[1]!, step: Number(m[2]), ext: m[3] as JobFileName['ext'] };
}

export interface JobFile {
  name: string;
  text: string;
}

/** A lab this build can run: its id and its steps' ids and kinds. */
export interface LabOutline {
  id: string;
  steps: readonly { id: string; kind: string }[];
}

/**
 * The hand-in of a folder of job files, and a sentence per file that could not be used (its name,
 * its lab or step, its extension for the step's kind). Throws nothing; a bad name is a problem.
 */
export function handInFromJobs(
  student: string,
  files: readonly JobFile[],
  labs: readonly LabOutline[],
  appVersion: string,
  at: Date,
): { handIn: HandIn | null; problems: string[] } {
  const problems: string[] = [];
  const nameProblem = studentNameProblem(student);
  if (nameProblem) return { handIn: null, problems: [`the student's name ${nameProblem}`] };
  const out: Record<string, HandInLab> = {};
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const parsed = parseJobFileName(file.name);
    if (!parsed) {
      problems.push(`${file.name}: not a job file name of the form ${JOB_FILE_FORM}`);
      continue;
    }
    const lab = labs.find((l) => l.id === parsed.lab);
    if (!lab) {
      problems.push(`${file.name}: there is no lab '${parsed.lab}' (labs: ${labs.map((l) => l.id).join(', ')})`);
      continue;
    }
    const step = lab.steps[parsed.step - 1];
    if (!step) {
      problems.push(`${file.name}: lab '${lab.id}' has steps 1 to ${lab.steps.length}`);
      continue;
    }
    const settings = step.kind === 'hdfs' || step.kind === 'server' || step.kind === 'pipeline';
    if (settings !== (parsed.ext === 'json')) {
      problems.push(
        `${file.name}: step ${parsed.step} of '${lab.id}' takes ${settings ? 'JSON settings (.json)' : 'a job file (.js or .ts)'}`,
      );
      continue;
    }
    if (file.text.length > HAND_IN_LIMITS.codeChars) {
      problems.push(`${file.name}: ${file.text.length} characters, more than the limit of ${HAND_IN_LIMITS.codeChars}`);
      continue;
    }
    const entry = (out[lab.id] ??= { step: 0, steps: {} });
    if (entry.steps[step.id]) {
      problems.push(
        `${file.name}: step ${parsed.step} of '${lab.id}' was handed in twice (.js and .ts): this one is left out`,
      );
      continue;
    }
    entry.steps[step.id] = { code: file.text };
    entry.step = Math.max(entry.step, parsed.step - 1);
  }
  return {
    handIn: {
      format: HAND_IN_FORMAT,
      version: HAND_IN_VERSION,
      student: { name: displayStudentName(student) },
      app: { version: appVersion },
      exportedAt: at.toISOString(),
      labs: out,
      settings: {},
    },
    problems,
  };
}
