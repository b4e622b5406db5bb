#!/usr/bin/env node
// A stand-in for an unpacked Electron distribution for linux-x64, for packaging where Electron
// cannot be downloaded (npm's electron package fetches its binary from a code host in its
// install script; this machine reaches only the npm registry and Debian). electron-builder's
// `electronDist` option copies such a folder instead of downloading Electron
// (app-builder-lib/out/electron/ElectronFramework.js, unpack()): it needs the `electron`
// executable, which it renames to the app's executable name, and a `resources/` folder, where
// it writes app.asar; it deletes `version` and `resources/default_app.asar` and renames
// `LICENSE` to `LICENSE.electron.txt`.
//
// The stand-in's `electron` is a shell script that says what it is and exits 1, so an installer
// built with it installs but is never mistaken for a working app. It carries Electron's fuse
// wire (the sentinel @electron/fuses looks for, version 1, and eight fuses at Electron's
// defaults), so the afterPack hook flips fuses in it exactly as in a real binary and the
// packaging test can read them back.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const STAND_IN_DIR = join(root, '.cache', 'electron-stand-in', 'linux-x64');

/** @electron/fuses' sentinel (its constants.js): the fuse wire follows it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's default fuse wire, in @electron/fuses' FuseV1Options order: RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8
 * snapshot off, file:// extra privileges on.
 */
export const DEFAULT_FUSE_WIRE = '10110001';

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** Writes the stand-in distribution (replacing an old one) and returns its folder. */
export function makeStandInElectron(dir = STAND_IN_DIR) {
  const version = electronVersion();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const script = [
    '#!/bin/sh',
    `# ClusterLab packaging stand-in for Electron ${version} (linux-x64), made by scripts/standInElectron.mjs.`,
    `echo "This ClusterLab was packaged with a stand-in for Electron ${version}, so it cannot start. Install a release built with the real Electron." >&2`,
    'exit 1',
    '',
  ].join('\n');
  const wire = Buffer.concat([
    Buffer.from(`# fuse wire: ${FUSE_SENTINEL}`, 'latin1'),
    Buffer.from([1, DEFAULT_FUSE_WIRE.length]),
    Buffer.from(DEFAULT_FUSE_WIRE, 'latin1'),
    Buffer.from('\n', 'latin1'),
  ]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from(script, 'utf8'), wire]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(
    join(dir, 'LICENSE'),
    `Stand-in for Electron ${version}'s LICENSE (MIT, Copyright (c) Electron contributors); the real file ships with Electron.\n`,
  );
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(makeStandInElectron());
