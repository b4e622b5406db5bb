/**
 * `clusterlab pack test PACK` and `clusterlab pack build DIR [--out FILE]`: what a teacher needs
 * to hand out a lab pack (docs/lab-packs.md). `test` opens the pack as the app would and judges
 * every step for real: each solution must pass every check and each starter fail one.
 * `build` checks the folder the same way and writes it as one `.clusterlab` file.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { MAX_TIMEOUT_SECONDS, parseTimeoutSeconds } from './runArgs';
import { createNodeSandboxPool, defaultPoolSize } from './sandboxPool';
import { withRunBudget } from '../engine/sandbox';
import { judgeLab } from '../labs/judgeLab';
import { buildPackArchive } from '../labs/packs/packFiles';
import { loadPackAt, readPackFolder } from './packSource';
import { oneLine } from './terminalSafeIo';
import { notWritable, writeFileNoFollow } from './writeFileNoFollow';

export const PACK_USAGE = `Usage: clusterlab pack test PACK [--timeout SEC]
       clusterlab pack build DIR [--out FILE] [--force]

A lab pack is a folder of labs a teacher wrote (docs/lab-packs.md; labs/packs/sample-pack is one).
  test PACK     open the pack (a folder or a .clusterlab file) and judge every step: each
                solution must pass every check and each starter fail at least one
  build DIR     check the folder and write it as one .clusterlab file to hand out
  --out FILE    where build writes (default: the pack's id + .clusterlab, here)
  --force       build may overwrite FILE
  --timeout SEC wall-clock budget of each run (default 30, at most ${MAX_TIMEOUT_SECONDS})
Exit code: 0 the pack is good, 1 a step's solution or starter is judged wrong, 2 a malformed pack or bad usage.
`;

export async function packCommand(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') {
    io.out(PACK_USAGE);
    return action === undefined ? 2 : 0;
  }
  if (action !== 'test' && action !== 'build')
    throw new UsageError(
      `unknown action '${action}': 'pack test PACK' or 'pack build DIR' (see 'clusterlab pack --help')`,
    );
  // `pack build --help` (anywhere after the action) prints the usage, as every command's --help does.
  if (rest.some((a) => a === '--help' || a === '-h')) {
    io.out(PACK_USAGE);
    return 0;
  }
  const positional: string[] = [];
  let out: string | null = null;
  let force = false;
  let timeoutSeconds = 30;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--out' && action === 'build') out = rest[++i] ?? '';
    else if (a === '--force' && action === 'build') force = true;
    else if (a === '--timeout') timeoutSeconds = parseTimeoutSeconds(rest[++i]);
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' for pack ${action}`);
    else positional.push(a);
  }
  if (positional.length !== 1) throw new UsageError(`pack ${action} takes one PACK, got ${positional.length}`);
  const path = resolve(io.cwd, positional[0]!);
  // Where build writes is checked before any step is judged.
  const target = action === 'build' ? buildTarget(path, out, force, io.cwd) : null;
  // The pack is this command's own argument: its errors name no option.
  const pack = await loadPackAt(path, '');
  const steps = pack.labs.reduce((n, l) => n + l.steps.length, 0);
  io.out(`${pack.manifest.name}: ${pack.labs.length} lab(s), ${steps} step(s)\n`);
  const pool = await createNodeSandboxPool({ size: defaultPoolSize(), timeoutSeconds, log: () => {} });
  const runner = withRunBudget(pool, timeoutSeconds, () => performance.now());
  const problems: string[] = [];
  try {
    for (const lab of pack.labs) {
      const found = await judgeLab(lab, runner);
      problems.push(...found);
      io.out(`  ${found.length === 0 ? 'ok  ' : 'FAIL'}  ${lab.id} (${lab.steps.length} steps)\n`);
    }
  } finally {
    await runner.close();
  }
  if (problems.length > 0) {
    io.out(`\n${problems.map((p) => `  - ${oneLine(p)}`).join('\n')}\n`);
    io.out(`\nThe pack is not ready: ${problems.length} problem(s).\n`);
    return 1;
  }
  if (action === 'test') {
    io.out('\nEvery solution passes its checks and every starter fails one.\n');
    return 0;
  }
  // Only the pack's own files: pack.json and its labs' folders (a teacher's notes beside them stay home).
  const all = await readPackFolder(path);
  const own = new Map(
    [...all].filter(([p]) => p === 'pack.json' || pack.manifest.labs.some((l) => p.startsWith(`${l}/`))),
  );
  const archive = buildPackArchive(own);
  const file = target ?? resolve(io.cwd, `${pack.manifest.id}.clusterlab`);
  const exists = () => new UsageError(`${file} exists: use --force to overwrite it`);
  if (target === null && existsSync(file) && !force) throw exists();
  writeFileNoFollow(file, archive, { force, shown: file, exists });
  const left = all.size - own.size;
  io.out(
    `\nWrote ${oneLine(basename(file))} (${archive.length.toLocaleString('en')} bytes${left > 0 ? `; ${left} file(s) outside pack.json and its labs left out` : ''}): students open it in ClusterLab.\n`,
  );
  return 0;
}

/**
 * Where `pack build` writes, checked before the work: the pack must be a folder, the target's
 * folder must exist, and an existing file is overwritten only with --force. Null: the default
 * name, known once the pack is read (checked then).
 */
function buildTarget(path: string, out: string | null, force: boolean, cwd: string): string | null {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new UsageError(`${path} does not exist (give the pack's folder)`);
  }
  if (!info.isDirectory())
    throw new UsageError(
      `pack build takes a pack's folder; ${basename(path)} is not one (a .clusterlab file is already built)`,
    );
  if (out === null) return null;
  if (out === '' || out.startsWith('-')) throw new UsageError('--out needs a file name');
  const target = resolve(cwd, out);
  if (!existsSync(dirname(target))) throw new UsageError(`--out ${out}: the folder ${dirname(target)} does not exist`);
  const unwritable = notWritable(target, target);
  if (unwritable) throw new UsageError(unwritable);
  if (existsSync(target) && !force) throw new UsageError(`${target} exists: use --force to overwrite it`);
  return target;
}
