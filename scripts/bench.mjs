#!/usr/bin/env node
// `npm run bench`: bundles each scripts/bench/*.bench.ts with esbuild and runs it in its own
// Node process (with --expose-gc, so memory figures are measured after a collection).
// Benchmarks print figures and ratios against a baseline run in the same process; none of them
// asserts a wall-clock limit. `npm run bench -- kernel` runs only the files whose name contains "kernel".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildCli, rawText } from './buildCli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'scripts', 'bench');
const outDir = join(root, 'node_modules', '.cache', 'clusterlab-bench');
mkdirSync(outDir, { recursive: true });
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
await buildCli();
let failed = 0;
for (const file of files) {
  const outfile = join(outDir, file.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(benchDir, file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay in node_modules (playwright-core cannot be bundled); the project's own TypeScript is bundled.
    packages: 'external',
    logLevel: 'error',
    // Benchmarks that build from the labs (grade.bench.ts) read their texts and job files as the CLI does.
    plugins: [rawText],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  console.log(`\n=== ${file.replace(/\.bench\.ts$/, '')} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CLUSTERLAB_ROOT: root },
  });
  if (run.status !== 0) {
    failed++;
    console.log(`!!! ${file} exited with ${run.status}`);
  }
}
process.exitCode = failed ? 1 : 0;
