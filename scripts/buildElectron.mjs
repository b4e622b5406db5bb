#!/usr/bin/env node
// Bundles electron/main.ts and electron/preload.ts (CommonJS, as a sandboxed preload requires)
// into dist/electron with esbuild, and the sandbox process entry (cli/sandboxWorker.ts, the same
// code the CLI forks) that electron/sandboxProcesses.ts starts as utility processes, with
// DuckDB-wasm's Node build beside it (dist/electron/duckdb/) for spark.sql.
import { build } from 'esbuild';
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildElectron() {
  for (const name of ['main', 'preload']) {
    await build({
      entryPoints: [join(root, 'electron', `${name}.ts`)],
      outfile: join(root, 'dist', 'electron', `${name}.cjs`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      logLevel: 'error',
    });
  }
  await build({
    entryPoints: [join(root, 'cli', 'sandboxWorker.ts')],
    outfile: join(root, 'dist', 'electron', 'sandboxWorker.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  await buildDuckDbNode(join(root, 'dist', 'electron', 'duckdb'));
}

/**
 * DuckDB-wasm's Node build with its Arrow, and its wasm, for spark.sql in the sandbox processes
 * (cli/duckDbNode.ts reads them from duckdb/ beside the sandbox bundle).
 */
export async function buildDuckDbNode(duckdb) {
  rmSync(duckdb, { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'scripts', 'duckdbNode.cjs')],
    outfile: join(duckdb, 'duckdb-node.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  // Only the build with WebAssembly exceptions: Electron's Node has them, so DuckDB's blocking Node
  // build never picks the MVP one (39 MB) and never starts a worker (cli/duckDbNode.ts).
  copyFileSync(
    join(root, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist', 'duckdb-eh.wasm'),
    join(duckdb, 'duckdb-eh.wasm'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await buildElectron();
