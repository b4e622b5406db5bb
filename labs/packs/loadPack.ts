/**
 * Opens a teacher's lab pack (docs/lab-packs.md): `pack.json` names the pack and its labs, each
 * lab a folder in the built-in labs' layout, with `lab.json` instead of `lab.ts`
 * (packLabFile.ts) and, if it needs them, `checks.js` and `data.js`, which run in the sandbox
 * like a learner's code. The result is plain labs the app, `clusterlab labs --pack`, `check
 * --pack` and `grade --pack` use like the built-in ones. A malformed pack is refused with a
 * PackError naming the file, line and field; nothing of it is used then.
 */
import { readJsonSettings, SettingsError, show } from '../jsonSettings';
import { LabValidationError, validateLab } from '../validateLab';
import { jsonPositions, lineColumn } from '../jsonPositions';
import type { ExtraRun, JobStep, Lab, LabDataset } from '../labTypes';
import { PackError, packTextProblem, reservedId } from './packError';
import { checkPackFiles, PACK_FORMAT, PACK_VERSION, type PackFiles } from './packFiles';
import { parsePackLabFile, type PackLabSpec, type PackStepSpec } from './packLabFile';
import { packCheck, SOLUTION_RUN } from './packChecks';
import { needsSolution } from './packCheckSpec';
import { compilePackFile, requireExports, type NamedFunction } from './packCode';

export interface PackManifest {
  id: string;
  name: string;
  author: string | null;
  description: string | null;
  labs: string[];
}

export interface LoadedPack {
  manifest: PackManifest;
  labs: Lab[];
}

/**
 * Loads the pack in `files`; `where` names it in the errors (its folder or archive), and
 * `takenLabIds` are the labs' ids already in use (the built-in labs', another pack's): a pack
 * lab may not take one.
 */
export function loadPack(files: PackFiles, where: string, takenLabIds: readonly string[] = []): LoadedPack {
  checkPackFiles(files, where);
  const manifest = readManifest(files, where);
  const labs = manifest.labs.map((labId, i) => {
    if (takenLabIds.includes(labId))
      throw new PackError(`${where}/pack.json`, `labs[${i}]`, `'${labId}' is already the id of another lab: rename it`);
    return readLab(files, where, manifest, labId);
  });
  return { manifest, labs };
}

const fileOf = (files: PackFiles, where: string, path: string, what: string): string => {
  const text = files.get(path);
  if (text === undefined) throw new PackError(`${where}/${path}`, '', `is missing (${what})`);
  return text;
};

function readManifest(files: PackFiles, where: string): PackManifest {
  const file = `${where}/pack.json`;
  const text = fileOf(files, where, 'pack.json', "the pack's name and its labs");
  try {
    const { raw, fail, object, onlyKnown } = readJsonSettings(
      text,
      file,
      (f, line, column, field, problem) => new SettingsError(f, line, column, field, problem),
    );
    const o = object('', raw);
    onlyKnown('', o, ['format', 'version', 'id', 'name', 'author', 'description', 'labs']);
    if (o.format !== PACK_FORMAT) fail('format', `must be "${PACK_FORMAT}", got ${show(o.format)}`);
    if (typeof o.version === 'number' && o.version > PACK_VERSION)
      fail('version', `is ${o.version}: this pack was made for a newer ClusterLab; update ClusterLab to open it`);
    if (o.version !== PACK_VERSION) fail('version', `must be ${PACK_VERSION}, got ${show(o.version)}`);
    if (typeof o.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(o.id) || o.id.length > 60)
      fail('id', `must be kebab-case like 'uni-data-101', got ${show(o.id)}`);
    const words = (field: string, max: number, optional: boolean): string | null => {
      const v = o[field];
      if (v === undefined && optional) return null;
      if (typeof v !== 'string' || v.trim() === '' || v.length > max)
        fail(field, `must be a text of 1 to ${max} characters, got ${show(v)}`);
      const problem = packTextProblem(v as string);
      if (problem) fail(field, problem);
      return (v as string).trim();
    };
    if (!Array.isArray(o.labs) || o.labs.length < 1 || o.labs.length > 30)
      fail('labs', `must list the pack's 1 to 30 lab folders, got ${show(o.labs)}`);
    const labs = (o.labs as unknown[]).map((l, i) => {
      if (typeof l !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(l) || l.length > 60)
        fail(`labs[${i}]`, `must be a lab folder's name in kebab-case, got ${show(l)}`);
      if (reservedId(l as string)) fail(`labs[${i}]`, `'${l as string}' is a name JavaScript reserves: choose another`);
      if ((o.labs as unknown[]).indexOf(l) !== i) fail(`labs[${i}]`, `'${l as string}' is listed twice`);
      return l as string;
    });
    return {
      id: o.id as string,
      name: words('name', 80, false)!,
      author: words('author', 120, true),
      description: words('description', 600, true),
      labs,
    };
  } catch (error) {
    if (error instanceof SettingsError) throw new PackError(file, error.field, error.problem, error.line, error.column);
    throw error;
  }
}

/** The one file of `names` present in `folder`, as a path. */
function oneOf(files: PackFiles, folder: string, names: string[]): string | null {
  const found = names.map((n) => `${folder}/${n}`).filter((p) => files.has(p));
  return found[0] ?? null;
}

function readLab(files: PackFiles, where: string, manifest: PackManifest, labId: string): Lab {
  const labFile = `${labId}/lab.json`;
  const labText = fileOf(files, where, labFile, `lab '${labId}' is listed in pack.json`);
  const spec = parsePackLabFile(labText, `${where}/${labFile}`, labId);
  const optional = (name: string) => {
    const path = `${labId}/${name}`;
    const text = files.get(path);
    return text === undefined ? null : { fileName: `${where}/${path}`, text };
  };
  const checks = optional('checks.js');
  const data = optional('data.js');
  if (spec.steps.some((s) => s.checks.some((c) => c.type === 'script')) && !checks)
    throw new PackError(
      `${where}/${labId}/checks.js`,
      '',
      'is missing: lab.json has script checks, which call its functions',
    );
  checkModuleExports(spec, labText, `${where}/${labFile}`, data, checks);
  const datasets = spec.datasets.map((d, i): LabDataset => {
    if ('file' in d.source) {
      const text = fileOf(files, where, `${labId}/${d.source.file}`, `datasets[${i}].file of ${labFile}`);
      return { id: d.id, description: d.description, text: () => text };
    }
    if (!data)
      throw new PackError(
        `${where}/${labId}/data.js`,
        '',
        `is missing: datasets[${i}] is generated by ${d.source.generate}()`,
      );
    const name = d.source.generate;
    return {
      id: d.id,
      description: d.description,
      generate: name,
      text: () => {
        throw new Error(`dataset '${d.id}' is generated by ${name}() of data.js when a step runs`);
      },
    };
  });
  const lab: Lab = {
    id: spec.id,
    title: spec.title,
    chapters: spec.chapters,
    minutes: spec.minutes,
    summary: spec.summary,
    intro: fileOf(files, where, `${labId}/intro.md`, "the lab's introduction"),
    cluster: spec.cluster,
    datasets,
    steps: spec.steps.map((s, i) => readStep(files, where, spec, s, i)),
    pack: { id: manifest.id, name: manifest.name, checks, data },
  };
  try {
    return validateLab(lab, { pack: true });
  } catch (error) {
    if (error instanceof LabValidationError) {
      const at = fieldPosition(labText, error.field);
      throw new PackError(`${where}/${labFile}`, error.field, error.problem, at?.line ?? null, at?.column ?? null);
    }
    throw error;
  }
}

function readStep(files: PackFiles, where: string, spec: PackLabSpec, s: PackStepSpec, i: number): JobStep {
  const folder = `${spec.id}/steps/${i + 1}-${s.id}`;
  const what = `step ${i + 1} of lab.json is '${s.id}', so its files are in ${folder}/`;
  const starterPath = oneOf(files, folder, ['starter.js', 'starter.ts']);
  const solutionPath = oneOf(files, folder, ['solution.js', 'solution.ts']);
  if (!starterPath) throw new PackError(`${where}/${folder}/starter.js`, '', `is missing (${what})`);
  if (!solutionPath) throw new PackError(`${where}/${folder}/solution.js`, '', `is missing (${what})`);
  const solution = files.get(solutionPath)!;
  // The pack's own code must compile here, or a learner would be told their job did not.
  compilePackFile(files.get(starterPath)!, `${where}/${starterPath}`);
  compilePackFile(solution, `${where}/${solutionPath}`);
  const extraRuns: ExtraRun[] = s.checks.some(needsSolution)
    ? [
        {
          id: SOLUTION_RUN,
          label: 'the reference solution',
          run: s.run,
          code: { fileName: `${where}/${solutionPath}`, text: solution },
        },
      ]
    : [];
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    instructions: fileOf(files, where, `${folder}/instructions.md`, what),
    starter: files.get(starterPath)!,
    solution,
    hints: s.hints,
    checks: s.checks.map(packCheck),
    run: s.run,
    ...(extraRuns.length > 0 ? { extraRuns } : {}),
  };
}

type ModuleFile = { fileName: string; text: string } | null;

/**
 * data.js and checks.js compile, and export every function lab.json names: a dataset's
 * `generate` and a script check's `function` (a PackError naming the field otherwise).
 */
function checkModuleExports(
  spec: PackLabSpec,
  labText: string,
  labFile: string,
  data: ModuleFile,
  checks: ModuleFile,
): void {
  const position = (field: string) => fieldPosition(labText, field);
  const generators: NamedFunction[] = spec.datasets.flatMap((d, i) =>
    'generate' in d.source ? [{ field: `datasets[${i}].generate`, name: d.source.generate }] : [],
  );
  const scripts: NamedFunction[] = spec.steps.flatMap((s, i) =>
    s.checks.flatMap((c, j) =>
      c.type === 'script' ? [{ field: `steps[${i}].checks[${j}].function`, name: c.function }] : [],
    ),
  );
  for (const [file, wanted, name] of [
    [data, generators, 'data.js'],
    [checks, scripts, 'checks.js'],
  ] as const) {
    if (!file) continue;
    const compiled = compilePackFile(file.text, file.fileName);
    requireExports(compiled, name, labFile, wanted, position);
  }
}

/**
 * Where `field` (`steps[1].checks[0].id`) or the nearest field holding it is written in lab.json,
 * or null when none of it is (a field the lab takes from another file, e.g. a step's starter).
 */
export function fieldPosition(text: string, field: string): { line: number; column: number } | null {
  const positions = jsonPositions(text);
  // `sparkConf['spark.sql.shuffle.partitions']` is written `sparkConf.spark.sql.shuffle.partitions` in the scan's paths.
  for (
    let path = field.replace(/\['([^']*)'\]/g, '.$1');
    path !== '';
    path = path.replace(/(\.[^.[\]]*|\[\d+\])$/, '')
  ) {
    const offset = positions.get(path);
    if (offset !== undefined) return lineColumn(text, offset);
    if (!/(\.[^.[\]]*|\[\d+\])$/.test(path)) break;
  }
  return null;
}
