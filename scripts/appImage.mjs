// The AppImage, made by electron-builder's own AppImage target from release/linux-unpacked
// (`--prepackaged`), without the download that target starts: app-builder (electron-builder's
// Go helper) takes the AppImage runtime and mksquashfs from its `appimage-12.0.1` bundle, which
// it downloads from a code host into ELECTRON_BUILDER_CACHE unless the folder is already there.
// Here that folder is made before electron-builder runs:
//   appimage/appimage-12.0.1/runtime-x64        the runtime compiled from scripts/appimage/
//   appimage/appimage-12.0.1/lib/x64/           empty (upstream's holds libraries for old
//                                               distributions; app-builder copies it to usr/lib)
//   appimage/appimage-12.0.1/linux-x64/mksquashfs
//                                               Debian's mksquashfs with every time fixed to
//                                               SOURCE_DATE_EPOCH, so two builds match byte for byte
// electron-builder then lays out the AppDir as on the release runners (AppRun, clusterlab.desktop
// with the .clusterlab MIME type, hicolor icons, .DirIcon, usr/share/mime), builds the SquashFS
// and writes the runtime in front of it.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRuntime, mksquashfsPath } from './appImageRuntime.mjs';
import { debSettings } from './debPackage.mjs';

/** The bundle app-builder 5 (electron-builder 25) looks for; see pkg/linuxTools/tool.go upstream. */
export const APPIMAGE_BUNDLE = 'appimage-12.0.1';

function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** Makes `<cacheDir>/appimage/appimage-12.0.1` as described above and returns the bundle's path. */
export function makeAppImageBundle(cacheDir, sourceDateEpoch) {
  const mksquashfs = mksquashfsPath();
  if (mksquashfs === null) throw new Error('mksquashfs is missing (apt-get install squashfs-tools)');
  const bundle = join(cacheDir, 'appimage', APPIMAGE_BUNDLE);
  rmSync(bundle, { recursive: true, force: true });
  buildRuntime(join(bundle, 'runtime-x64'));
  mkdirSync(join(bundle, 'lib', 'x64'), { recursive: true });
  mkdirSync(join(bundle, 'linux-x64'), { recursive: true });
  const wrapper = join(bundle, 'linux-x64', 'mksquashfs');
  const time = String(Math.trunc(sourceDateEpoch));
  // mksquashfs refuses -all-time and -mkfs-time alongside SOURCE_DATE_EPOCH, hence the unset.
  writeFileSync(
    wrapper,
    [
      '#!/bin/sh',
      '# Debian mksquashfs, every timestamp fixed (written by scripts/appImage.mjs).',
      'unset SOURCE_DATE_EPOCH',
      `exec ${shellQuote(mksquashfs)} "$@" -all-time ${time} -mkfs-time ${time}`,
      '',
    ].join('\n'),
  );
  chmodSync(wrapper, 0o755);
  return bundle;
}

/**
 * Builds `<outDir>/<productName>-<version>.AppImage` from `unpackedDir` with electron-builder and
 * returns its path. File times inside are `sourceDateEpoch`.
 */
export function buildAppImage({ root, unpackedDir, outDir, sourceDateEpoch }) {
  const cacheDir = join(outDir, '.appimage-tools');
  makeAppImageBundle(cacheDir, sourceDateEpoch);
  // electron-builder's default artifact name for an AppImage: ${productName}-${version}.${ext}
  const { productName, version } = debSettings(root);
  const file = join(outDir, `${productName}-${version}.AppImage`);
  rmSync(file, { force: true });
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'electron-builder.yml',
      '--prepackaged',
      unpackedDir,
      '--linux',
      'AppImage',
      '--x64',
      `-c.directories.output=${outDir}`,
      '--publish',
      'never',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ELECTRON_BUILDER_CACHE: cacheDir, SOURCE_DATE_EPOCH: String(sourceDateEpoch) },
    },
  );
  if (!existsSync(file)) throw new Error(`electron-builder finished but wrote no ${file}`);
  return file;
}
