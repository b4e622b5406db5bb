// How long `clusterlab --help` and a command's --help take, warm (the bundle built, the files in the
// page cache), beside a bare `node -e ""` started the same way in the same run: the CLI's own
// start-up is the difference. Median of 7 runs each.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './benchUtil';

const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const cli = join(root, 'scripts/clusterlab.mjs');
timed([cli, '--help']); // warm: the bundle is built and cached
const measure = (args: string[]) => median(Array.from({ length: RUNS }, () => timed(args)));
const bare = measure(['-e', '']);
const help = measure([cli, '--help']);
const runHelp = measure([cli, 'run', '--help']);
const labs = measure([cli, 'labs']);
const row = (what: string, ms: number) =>
  console.log(
    `${what.padEnd(28)} ${ms.toFixed(0).padStart(5)} ms   ${(ms - bare).toFixed(0).padStart(5)} ms over bare node`,
  );
console.log(`median of ${RUNS} warm starts`);
row('node -e "" (baseline)', bare);
row('clusterlab --help', help);
row('clusterlab run --help', runHelp);
row('clusterlab labs', labs);
console.log(`target: clusterlab --help ≤ 300 ms warm: ${help <= 300 ? 'met' : 'NOT met'} (${help.toFixed(0)} ms)`);
