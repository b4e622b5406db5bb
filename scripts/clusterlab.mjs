#!/usr/bin/env node
// The `clusterlab` command. It runs the TypeScript sources in cli/ and engine/ directly after
// `npm ci`: on first use (or when a source changed) it bundles cli/main.ts and every
// cli/*Worker.ts with esbuild into node_modules/.cache/clusterlab/, then runs the bundle.
// No Node stack ever reaches the terminal: an error nothing expected is one line and exit code 1
// (CLUSTERLAB_DEBUG=1 adds the stack). Exit codes: 0 ok, 1 the job failed, 2 bad input.
import { buildCli } from './buildCli.mjs';

const debug = process.env.CLUSTERLAB_DEBUG === '1';
const fatal = (what, error) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`clusterlab: internal error: ${what}${message.split('\n')[0]} (please report this)\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
};

// The bundle's source maps are read only to show a stack (CLUSTERLAB_DEBUG=1): not on every start.
if (debug) process.setSourceMapsEnabled(true);
let main;
try {
  const { mainFile } = await buildCli();
  const cli = await import(mainFile);
  cli.installLastResort();
  main = cli.main;
} catch (error) {
  fatal('the command could not be built: ', error);
}
// A run whose answer never comes (a promise nothing settles; Node would exit 13 with a warning)
// is an internal error too: one line, exit 1.
let answered = false;
process.on('exit', (code) => {
  if (answered || code !== 0) return; // a non-zero code: the last resort has already said why
  process.stderr.write('clusterlab: internal error: the command ended without an answer (please report this)\n');
  process.exitCode = 1;
});
process.exitCode = await main(process.argv.slice(2));
answered = true;
