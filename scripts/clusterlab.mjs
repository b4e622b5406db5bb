#!/usr/bin/env node
// The `clusterlab` command. It runs the TypeScript sources in cli/ and engine/ directly after
// `npm ci`: on first use (or when a source changed) it bundles cli/main.ts and every
// cli/*Worker.ts with esbuild into node_modules/.cache/clusterlab/, then runs the bundle.
import { buildCli } from './buildCli.mjs';

const { mainFile } = await buildCli();
const { main } = await import(mainFile);
const code = await main(process.argv.slice(2));
process.exitCode = code;
