/**
 * A pack lab's `lab.json`: what `lab.ts` says for a built-in lab, as data (a pack is opened
 * without being built). JSON.parse only, every field checked, errors with the file, line, column
 * and field. The texts, starters and solutions are the files beside it (packToLab.ts).
 */
import { isPresetName, presetNames, type PresetName } from '../../engine/cluster';
import { readJsonSettings, SettingsError, show } from '../jsonSettings';
import { parseSize } from '../hdfsSettings';
import { PackError, packTextProblem, reservedId } from './packError';
import { PACK_CHECK_TYPES, parsePackCheck, type PackCheckSpec } from './packCheckSpec';

export interface PackDatasetSpec {
  id: string;
  description: string;
  /** A file of the lab's folder (`data/words.txt`), or a function of the lab's `data.js` called with `{ seed }`. */
  source: { file: string } | { generate: string };
}

export interface PackStepSpec {
  id: string;
  title: string;
  kind: 'mapreduce' | 'spark';
  hints: string[];
  run: {
    seed: number;
    cluster: PresetName;
    blockSize: number;
    files: { path: string; dataset: string }[];
    sparkConf?: Record<string, string | number | boolean>;
  };
  checks: PackCheckSpec[];
}

export interface PackLabSpec {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  chapters: string[];
  cluster: PresetName;
  datasets: PackDatasetSpec[];
  steps: PackStepSpec[];
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FUNCTION_NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;
const DEFAULT_BLOCK = 128 * 1024 * 1024;
const KNOWN_LAB = ['id', 'title', 'summary', 'minutes', 'chapters', 'cluster', 'datasets', 'steps'];
const KNOWN_STEP = ['id', 'title', 'kind', 'hints', 'run', 'checks'];
const KNOWN_RUN = ['seed', 'cluster', 'blockSize', 'files', 'sparkConf'];

/** Parses `text`, the lab.json at `file` (its path, for the errors); `folder` is the lab's folder name. */
export function parsePackLabFile(text: string, file: string, folder: string): PackLabSpec {
  try {
    return readLab(text, file, folder);
  } catch (error) {
    if (error instanceof SettingsError) throw new PackError(file, error.field, error.problem, error.line, error.column);
    throw error;
  }
}

function readLab(text: string, file: string, folder: string): PackLabSpec {
  const { raw, fail, object, onlyKnown } = readJsonSettings(
    text,
    file,
    (f, line, column, field, problem) => new SettingsError(f, line, column, field, problem),
  );
  const str = (field: string, v: unknown, max: number): string => {
    if (typeof v !== 'string' || v.trim() === '' || v.length > max)
      fail(field, `must be a text of 1 to ${max} characters, got ${show(v)}`);
    const problem = packTextProblem(v as string);
    if (problem) fail(field, problem);
    return (v as string).trim();
  };
  const kebab = (field: string, v: unknown): string => {
    if (typeof v !== 'string' || !KEBAB.test(v) || v.length > 60)
      fail(field, `must be kebab-case like 'word-lengths' (at most 60 characters), got ${show(v)}`);
    if (reservedId(v as string)) fail(field, `'${v as string}' is a name JavaScript reserves: choose another`);
    return v as string;
  };
  const int = (field: string, v: unknown, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      fail(field, `must be a whole number from ${min} to ${max}, got ${show(v)}`);
    return v as number;
  };
  const list = (field: string, v: unknown, min: number, max: number): unknown[] => {
    if (!Array.isArray(v)) fail(field, `must be a list, got ${show(v)}`);
    const a = v as unknown[];
    if (a.length < min || a.length > max) fail(field, `must have ${min} to ${max} entries, got ${a.length}`);
    return a;
  };
  const preset = (field: string, v: unknown): PresetName => {
    if (typeof v !== 'string' || !isPresetName(v))
      fail(field, `must be a cluster preset (${presetNames.join(', ')}), got ${show(v)}`);
    return v as PresetName;
  };

  const lab = object('', raw);
  onlyKnown('', lab, KNOWN_LAB);
  const id = kebab('id', lab.id);
  if (id !== folder) fail('id', `must be the lab's folder name '${folder}', got ${show(id)}`);
  const cluster = preset('cluster', lab.cluster);
  const chapters =
    lab.chapters === undefined
      ? []
      : list('chapters', lab.chapters, 0, 12).map((c, i) => {
          if (typeof c !== 'string' || !/^\d+(\.\d+)*$/.test(c))
            fail(`chapters[${i}]`, `must be a cookbook chapter like '20.1.2', got ${show(c)}`);
          return c as string;
        });
  const datasetIds: string[] = [];
  const datasets = list('datasets', lab.datasets ?? [], 0, 20).map((d, i): PackDatasetSpec => {
    const at = `datasets[${i}]`;
    const o = object(at, d);
    onlyKnown(at, o, ['id', 'description', 'file', 'generate']);
    const did = kebab(`${at}.id`, o.id);
    if (datasetIds.includes(did)) fail(`${at}.id`, `'${did}' is used by an earlier dataset`);
    datasetIds.push(did);
    const description = str(`${at}.description`, o.description, 300);
    if ((o.file === undefined) === (o.generate === undefined))
      fail(at, 'must have either "file" (a file of the lab\'s folder) or "generate" (a function of data.js)');
    if (o.file !== undefined) return { id: did, description, source: { file: str(`${at}.file`, o.file, 160) } };
    if (typeof o.generate !== 'string' || !FUNCTION_NAME.test(o.generate))
      fail(`${at}.generate`, `must be the name of a function data.js exports, got ${show(o.generate)}`);
    return { id: did, description, source: { generate: o.generate as string } };
  });
  const stepIds: string[] = [];
  const steps = list('steps', lab.steps, 1, 10).map((s, i): PackStepSpec => {
    const at = `steps[${i}]`;
    const o = object(at, s);
    onlyKnown(at, o, KNOWN_STEP);
    const sid = kebab(`${at}.id`, o.id);
    if (stepIds.includes(sid)) fail(`${at}.id`, `'${sid}' is used by an earlier step`);
    stepIds.push(sid);
    if (o.kind !== 'mapreduce' && o.kind !== 'spark')
      fail(`${at}.kind`, `must be "mapreduce" or "spark" (the step kinds a pack's labs have), got ${show(o.kind)}`);
    const hints = list(`${at}.hints`, o.hints, 1, 3).map((h, k) => str(`${at}.hints[${k}]`, h, 600));
    const run = object(`${at}.run`, o.run);
    onlyKnown(`${at}.run`, run, KNOWN_RUN);
    const blockSize = run.blockSize === undefined ? DEFAULT_BLOCK : parseSize(run.blockSize);
    if (blockSize === null || blockSize < 1024 * 1024 || blockSize > 2 * 1024 ** 3)
      fail(`${at}.run.blockSize`, `must be a size from 1m to 2g like "64m", got ${show(run.blockSize)}`);
    const files = list(`${at}.run.files`, run.files, 1, 20).map((f, k) => {
      const ft = `${at}.run.files[${k}]`;
      const file = object(ft, f);
      onlyKnown(ft, file, ['path', 'dataset']);
      const path = str(`${ft}.path`, file.path, 200);
      if (!/^\/[A-Za-z0-9_./-]+$/.test(path) || path.includes('..'))
        fail(`${ft}.path`, `must be an absolute DFS path like "/data/words.txt", got ${show(file.path)}`);
      if (typeof file.dataset !== 'string' || !datasetIds.includes(file.dataset))
        fail(
          `${ft}.dataset`,
          `must name one of the lab's datasets (${datasetIds.join(', ') || 'none'}), got ${show(file.dataset)}`,
        );
      return { path, dataset: file.dataset as string };
    });
    const sparkConf =
      run.sparkConf === undefined
        ? undefined
        : (object(`${at}.run.sparkConf`, run.sparkConf) as Record<string, string | number | boolean>);
    const checkIds: string[] = [];
    const checks = list(`${at}.checks`, o.checks, 1, 12).map((c, k) => {
      const ct = `${at}.checks[${k}]`;
      const check = parsePackCheck(object(ct, c), ct, fail);
      if (checkIds.includes(check.id)) fail(`${ct}.id`, `'${check.id}' is used by an earlier check of this step`);
      checkIds.push(check.id);
      return check;
    });
    return {
      id: sid,
      title: str(`${at}.title`, o.title, 120),
      kind: o.kind as 'mapreduce' | 'spark',
      hints,
      run: {
        seed: run.seed === undefined ? 1 : int(`${at}.run.seed`, run.seed, 0, 0xffffffff),
        cluster: run.cluster === undefined ? cluster : preset(`${at}.run.cluster`, run.cluster),
        blockSize: blockSize!,
        files,
        ...(sparkConf ? { sparkConf } : {}),
      },
      checks,
    };
  });
  return {
    id,
    title: str('title', lab.title, 120),
    summary: str('summary', lab.summary, 300),
    minutes: int('minutes', lab.minutes, 1, 600),
    chapters,
    cluster,
    datasets,
    steps,
  };
}

export { PACK_CHECK_TYPES };
