/**
 * Reads a hand-in file: checks the limits before the work they bound (size, then nesting, then
 * counts), then every field. Each problem names the file, the line and column of the field where
 * the JSON has it, and the field's path. The file as a whole is refused (handIn null) when it is not
 * a hand-in this build can read; a lab or step with a wrong field is left out with an error, and
 * the rest is kept; a lab or step this build does not know (a teacher's pack) is kept with a warning.
 */
import { jsonPositions, jsonSyntaxErrorOffset, lineColumn } from '../jsonPositions';
import {
  HAND_IN_FORMAT,
  HAND_IN_LIMITS as L,
  HAND_IN_VERSION,
  ID_PATTERN,
  PACK_FORMAT,
  type HandIn,
  type HandInLab,
  type HandInProblem,
  type HandInSettings,
  type HandInStep,
  type KnownLabs,
} from './handInFile';
import { parseLastRun, type Report } from './parseLastRun';
import { displayStudentName, studentNameProblem } from './studentName';

export interface ParsedHandIn {
  /** Null when the file cannot be used at all (see the problems). */
  handIn: HandIn | null;
  problems: HandInProblem[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const TOP_FIELDS = new Set(['format', 'version', 'student', 'app', 'exportedAt', 'labs', 'settings']);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  return n;
}

/** The deepest nesting of arrays and objects, and where it first passes `limit` (strings skipped). */
function depthOver(text: string, limit: number): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

export function parseHandIn(text: string, fileName: string, known?: KnownLabs): ParsedHandIn {
  const problems: HandInProblem[] = [];
  let positions: Map<string, number> | null = null;
  const report: Report = (severity, path, message, offset) => {
    let at = offset;
    if (at === undefined && path) at = (positions ??= jsonPositions(text)).get(path);
    const lc = at !== undefined ? lineColumn(text, at) : null;
    problems.push({ severity, file: fileName, line: lc?.line ?? null, column: lc?.column ?? null, path, message });
  };
  const refuse = (message: string, offset?: number): ParsedHandIn => {
    report('error', '', message, offset);
    return { handIn: null, problems };
  };
  if (text.length > L.fileBytes || utf8Bytes(text) > L.fileBytes)
    return refuse(`the file is larger than the limit of ${L.fileBytes} bytes (8 MB) for a hand-in`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\u0000')) return refuse('not a hand-in: the file is binary (it holds NUL bytes), not JSON text');
  const deep = depthOver(body, L.depth);
  if (deep !== null)
    return refuse(`not a hand-in: the JSON nests more than ${L.depth} levels deep`, deep + text.length - body.length);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const pos = /position (\d+)/.exec(message);
    const ended = /end of (JSON )?input/i.test(message) || (pos !== null && Number(pos[1]) >= body.length);
    // V8 does not always say where (it may quote a snippet instead): find the place ourselves.
    const offset = pos ? Number(pos[1]) : ended ? body.length : (jsonSyntaxErrorOffset(body) ?? undefined);
    const why = message
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/^JSON\.parse: /, '')
      .replace(/, "[^]*" is not valid JSON$/, '');
    return refuse(
      `not valid JSON (${why})${ended ? ': the file ends too early, perhaps it was cut off while copying' : ''}`,
      offset !== undefined ? offset + text.length - body.length : undefined,
    );
  }
  if (!isObj(data)) return refuse('not a hand-in: the file must hold one JSON object');
  const foreign = foreignFormat(data);
  if (foreign) {
    report('error', 'format' in data ? 'format' : '', foreign);
    return { handIn: null, problems };
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    report('error', 'version', 'must be a whole number from 1 (the format version)');
    return { handIn: null, problems };
  }
  if (version > HAND_IN_VERSION) {
    report('error', 'version', `made by a newer ClusterLab (format version ${version}): update ClusterLab to open it`);
    return { handIn: null, problems };
  }
  for (const key of Object.keys(data))
    if (!TOP_FIELDS.has(key)) report('warning', key, 'is not a field of a hand-in (version 1): ignored');
  const student = isObj(data.student) ? data.student : null;
  const nameProblem = student ? studentNameProblem(student.name) : 'must be an object { "name": … }';
  if (nameProblem) report('error', student ? 'student.name' : 'student', nameProblem);
  const app = isObj(data.app) ? data.app : null;
  const appOk = app !== null && typeof app.version === 'string' && app.version.length <= L.idChars;
  if (!appOk)
    report('error', app ? 'app.version' : 'app', 'must be { "version": "…" }, the ClusterLab that wrote the file');
  if (typeof data.exportedAt !== 'string' || !ISO.test(data.exportedAt))
    report('error', 'exportedAt', 'must be a UTC date and time such as "2026-11-30T15:50:00.000Z"');
  const settings = parseSettings(data.settings, report);
  if (!isObj(data.labs)) {
    report('error', 'labs', 'must be an object of labs by id');
    return { handIn: null, problems };
  }
  const labIds = Object.keys(data.labs);
  if (labIds.length > L.labs) {
    report('error', 'labs', `has ${labIds.length} labs, more than the limit of ${L.labs}`);
    return { handIn: null, problems };
  }
  if (problems.some((p) => p.severity === 'error')) return { handIn: null, problems };
  const labs: Record<string, HandInLab> = {};
  for (const labId of labIds.sort()) {
    const lab = parseLab(data.labs[labId], labId, report, known);
    if (lab) labs[labId] = lab;
  }
  const handIn: HandIn = {
    format: HAND_IN_FORMAT,
    version: HAND_IN_VERSION,
    student: { name: displayStudentName(student!.name as string) },
    app: { version: app!.version as string },
    exportedAt: data.exportedAt as string,
    labs,
    settings,
  };
  return { handIn, problems };
}

/** Why the object is not a hand-in at all (another program's JSON, a pack, the app's own progress file), or null. */
function foreignFormat(data: Obj): string | null {
  const format = data.format;
  if (format === HAND_IN_FORMAT) return null;
  if (format === PACK_FORMAT) return "this is a teacher's lab pack, not a student's progress: open it as a pack";
  if (typeof format === 'string')
    return `not a ClusterLab hand-in: the file says it is '${format.slice(0, 60)}' (a hand-in says "${HAND_IN_FORMAT}")`;
  if (data.version === 1 && isObj(data.labs))
    return "this is the app's own saved progress, not a hand-in: make one with the app's Export or `clusterlab export`";
  return `not a ClusterLab hand-in: the file has no "format": "${HAND_IN_FORMAT}" (it was made by another program)`;
}

function parseSettings(raw: unknown, report: Report): HandInSettings {
  const settings: HandInSettings = {};
  if (raw === undefined) return settings;
  if (!isObj(raw)) {
    report('warning', 'settings', 'must be an object: the settings are ignored');
    return settings;
  }
  if (raw.theme === 'light' || raw.theme === 'dark') settings.theme = raw.theme;
  else if (raw.theme !== undefined) report('warning', 'settings.theme', 'must be "light" or "dark": ignored');
  const t = raw.timeLimitSeconds;
  if (typeof t === 'number' && Number.isInteger(t) && t >= 2 && t <= 300) settings.timeLimitSeconds = t;
  else if (t !== undefined)
    report('warning', 'settings.timeLimitSeconds', 'must be whole seconds from 2 to 300: ignored');
  const lang = raw.language;
  if (typeof lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) settings.language = lang;
  else if (lang !== undefined)
    report('warning', 'settings.language', 'must be a language tag such as "en" or "de": ignored');
  return settings;
}

function idProblem(id: string, what: string): string | null {
  if (id.length > L.idChars) return `is not a ${what} id: longer than ${L.idChars} characters`;
  if (!ID_PATTERN.test(id)) return `is not a ${what} id: ids are lower-case letters, digits and dashes`;
  return null;
}

function parseLab(raw: unknown, labId: string, report: Report, known?: KnownLabs): HandInLab | null {
  const path = `labs.${labId}`;
  const bad = idProblem(labId, 'lab');
  if (bad) return (report('error', path, `${bad}: the lab is left out`), null);
  if (!isObj(raw)) return (report('error', path, 'must be an object { "step", "steps" }: the lab is left out'), null);
  const step = raw.step ?? 0;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= L.stepsPerLab)
    return (
      report('error', `${path}.step`, `must be a whole number from 0 to ${L.stepsPerLab - 1}: the lab is left out`),
      null
    );
  if (!isObj(raw.steps))
    return (report('error', `${path}.steps`, 'must be an object of steps by id: the lab is left out'), null);
  const ids = Object.keys(raw.steps);
  if (ids.length > L.stepsPerLab)
    return (
      report(
        'error',
        `${path}.steps`,
        `has ${ids.length} steps, more than the limit of ${L.stepsPerLab}: the lab is left out`,
      ),
      null
    );
  const knownSteps = known?.get(labId);
  if (known && !knownSteps)
    report(
      'warning',
      path,
      `this ClusterLab has no lab '${labId}' (a teacher's pack?): it is kept, but cannot be run here`,
    );
  const steps: Record<string, HandInStep> = {};
  for (const stepId of ids.sort()) {
    const s = parseStep(raw.steps[stepId], `${path}.steps.${stepId}`, stepId, report);
    if (!s) continue;
    if (knownSteps && !knownSteps.includes(stepId))
      report(
        'warning',
        `${path}.steps.${stepId}`,
        `lab '${labId}' has no step '${stepId}' in this ClusterLab: it is kept, but cannot be run here`,
      );
    steps[stepId] = s;
  }
  return { step, steps };
}

function parseStep(raw: unknown, path: string, stepId: string, report: Report): HandInStep | null {
  const bad = idProblem(stepId, 'step');
  if (bad) return (report('error', path, `${bad}: the step is left out`), null);
  if (!isObj(raw))
    return (report('error', path, 'must be an object { "code", "passed", … }: the step is left out'), null);
  const step: HandInStep = {};
  let errors = 0;
  const fail = (field: string, message: string) => {
    errors++;
    report('error', `${path}.${field}`, `${message}: the step is left out`);
  };
  if (raw.code !== undefined) {
    if (typeof raw.code !== 'string') fail('code', 'must be a string');
    else if (raw.code.length > L.codeChars)
      fail('code', `has ${raw.code.length} characters, more than the limit of ${L.codeChars}`);
    else step.code = raw.code;
  }
  if (raw.passed !== undefined) {
    if (typeof raw.passed !== 'boolean') fail('passed', 'must be true or false');
    else step.passed = raw.passed;
  }
  if (raw.runs !== undefined) {
    if (typeof raw.runs !== 'number' || !Number.isInteger(raw.runs) || raw.runs < 0)
      fail('runs', 'must be a whole number from 0');
    else step.runs = raw.runs;
  }
  if (raw.lastRun !== undefined) {
    const lastRun = parseLastRun(raw.lastRun, `${path}.lastRun`, report);
    if (lastRun === null) errors++;
    else step.lastRun = lastRun;
  }
  return errors > 0 ? null : step;
}
