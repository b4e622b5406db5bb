#!/usr/bin/env node
// `npm run calibrate [-- <experiment id> ...]`: the calibration suite alone (issue 13), as the
// benchmarks run it (scripts/bench/calibration.bench.ts): each published figure, the simulated
// value, the error against its band, and the source.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(process.execPath, [join(root, 'scripts', 'bench.mjs'), 'calibration'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CALIBRATE_ONLY: process.argv.slice(2).join(',') },
});
process.exitCode = run.status ?? 1;
