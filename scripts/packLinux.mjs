#!/usr/bin/env node
// `npm run dist:linux:stand-in` — the Linux packaging that works on this machine, with no download:
//  1. builds the app when stale (dist/renderer with Vite, dist/electron with esbuild);
//  2. packs it with electron-builder (`--linux dir`, so app.asar and the afterPack fuses) into
//     release/linux-unpacked, with a stand-in Electron (scripts/standInElectron.mjs) as
//     `electronDist`, or with node_modules/electron/dist when a real Electron is installed;
//  3. makes the .deb with dpkg-deb (scripts/debPackage.mjs): electron-builder's deb target needs
//     fpm, which it downloads from a code host; fpm is in neither Debian nor npm;
//  4. makes the AppImage with electron-builder's AppImage target (`--prepackaged`), its runtime
//     compiled here from the vendored source and mksquashfs from Debian (scripts/appImage.mjs);
//     skipped, with the Debian packages to install, when gcc, mksquashfs or a library is missing;
//  5. writes release/packaging-report.json: times, app.asar size, installer sizes.
// `--fast` compresses the deb with xz -1 instead of xz -6 (what the packaging test uses).
// The release workflow builds AppImage, deb, NSIS and dmg with electron-builder, its downloaded
// tools and the real Electron instead (`npm run dist:linux`, `dist:win`, `dist:mac`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppImage } from './appImage.mjs';
import { appImageToolsMissing } from './appImageRuntime.mjs';
import { buildElectron } from './buildElectron.mjs';
import { buildRenderer } from './buildRenderer.mjs';
import { buildDeb } from './debPackage.mjs';
import { makeStandInElectron } from './standInElectron.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RELEASE = join(root, 'release');
export const REPORT = join(RELEASE, 'packaging-report.json');

function bytesIn(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  return bytes;
}

/** The last commit's time (file times in the deb), or package.json's when git cannot say. */
function sourceDateEpoch() {
  try {
    return Number(
      execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
  } catch {
    return Math.floor(statSync(join(root, 'package.json')).mtimeMs / 1000);
  }
}

function seconds(start) {
  return Math.round((performance.now() - start) / 100) / 10;
}

export async function packLinux({ fast = false } = {}) {
  const times = {};
  let start = performance.now();
  buildRenderer();
  await buildElectron();
  times.build = seconds(start);

  const realElectron = join(root, 'node_modules', 'electron', 'dist');
  const electron = existsSync(join(realElectron, 'electron')) ? 'real' : 'stand-in';
  const electronDist = electron === 'real' ? realElectron : makeStandInElectron();
  start = performance.now();
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      '--x64',
      `-c.electronDist=${electronDist}`,
      '--publish',
      'never',
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  times.pack = seconds(start);

  const unpackedDir = join(RELEASE, 'linux-unpacked');
  start = performance.now();
  const epoch = sourceDateEpoch();
  const deb = buildDeb({ root, unpackedDir, outDir: RELEASE, sourceDateEpoch: epoch, fast });
  times.deb = seconds(start);
  const installers = [{ target: 'deb', file: deb, bytes: statSync(deb).size, compression: fast ? 'xz -1' : 'xz -6' }];
  const skipped = [];

  const missing = appImageToolsMissing();
  if (missing === null) {
    start = performance.now();
    const appImage = buildAppImage({ root, unpackedDir, outDir: RELEASE, sourceDateEpoch: epoch });
    times.appImage = seconds(start);
    installers.push({ target: 'AppImage', file: appImage, bytes: statSync(appImage).size, compression: 'gzip' });
  } else skipped.push({ target: 'AppImage', why: `AppImage not built: ${missing}` });

  const report = {
    electron,
    electronDist,
    seconds: times,
    appAsarBytes: statSync(join(unpackedDir, 'resources', 'app.asar')).size,
    unpackedBytes: bytesIn(unpackedDir),
    sourceDateEpoch: epoch,
    installers,
    skipped,
  };
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

function mb(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let report;
  try {
    report = await packLinux({ fast: process.argv.includes('--fast') });
  } catch (error) {
    // A failing tool has already printed its own output; say which step failed, without a stack.
    console.error(`Linux packaging failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`Electron: ${report.electron} (${report.electronDist})`);
  console.log(`app.asar ${mb(report.appAsarBytes)}; linux-unpacked ${mb(report.unpackedBytes)}`);
  for (const i of report.installers) console.log(`${i.target}: ${i.file} ${mb(i.bytes)} (${i.compression})`);
  for (const s of report.skipped) console.log(`skipped ${s.target}: ${s.why}`);
  const times = Object.entries(report.seconds).map(([step, s]) => `${step} ${s}`);
  console.log(`times (s): ${times.join(', ')}`);
}
