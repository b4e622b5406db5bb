#!/usr/bin/env node
// `npm start`: builds what is needed and opens the Electron app. Where Electron's binary is
// missing it tries once to fetch it; where that fails (offline) it says so in one line and
// serves the same app as a web build on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildRenderer, root } from './buildRenderer.mjs';
import { buildElectron } from './buildElectron.mjs';
import { serveWeb } from './web.mjs';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron'); // the package's index resolves the binary's path, or throws
  } catch {
    return null;
  }
}

buildRenderer();
await buildElectron();

let binary = electronBinary();
if (!binary) {
  console.log("Electron's binary is not installed yet; fetching it once…");
  const fetched = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 120_000,
  });
  binary = fetched.status === 0 ? electronBinary() : null;
}

if (binary) {
  const child = spawn(binary, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log("Electron's binary could not be downloaded (offline?): serving the same app as a web build instead.");
  await serveWeb();
}
