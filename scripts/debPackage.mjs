// A .deb of the packed app (release/linux-unpacked) made with dpkg-deb, laid out as
// electron-builder's deb target lays it out (app in /opt/<productName>, a desktop entry, hicolor
// icons, the .clusterlab MIME type, electron-builder's own after-install and after-remove
// scripts). Used where electron-builder's deb target cannot run: it needs fpm, which it
// downloads from a code host (or takes from PATH with USE_SYSTEM_FPM=true), and fpm is neither
// in Debian nor on the npm registry. The release runners build the deb with electron-builder.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Linux settings of electron-builder.yml and package.json that the deb needs. */
export function debSettings(root) {
  const yaml = require('js-yaml');
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const linux = config.linux ?? {};
  return {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    productName: config.productName,
    executableName: linux.executableName ?? pkg.name,
    maintainer: linux.maintainer,
    synopsis: linux.synopsis ?? pkg.description,
    category: linux.category,
    // As electron-builder's desktop entry: linux.mimeTypes, then each file association's.
    mimeTypes: [
      ...new Set([
        ...(linux.mimeTypes ?? []),
        ...(config.fileAssociations ?? []).map((association) => association.mimeType).filter(Boolean),
      ]),
    ],
    fileAssociations: config.fileAssociations ?? [],
    depends: config.deb?.depends ?? [],
    iconDir: join(root, linux.icon ?? 'assets/icons/png'),
  };
}

function directorySizeKb(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  return Math.ceil(bytes / 1024);
}

function template(root, name, values) {
  const text = readFileSync(join(root, 'node_modules', 'app-builder-lib', 'templates', 'linux', name), 'utf8');
  return text.replace(/\$\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
}

/**
 * Builds `<out>/<name>_<version>_amd64.deb` from `unpackedDir` and returns its path; xz level 6
 * as electron-builder's deb, or level 1 when `fast`. File times are SOURCE_DATE_EPOCH's.
 */
export function buildDeb({ root, unpackedDir, outDir, sourceDateEpoch, fast = false }) {
  const s = debSettings(root);
  const stage = join(outDir, '.deb-stage');
  rmSync(stage, { recursive: true, force: true });
  const appDir = join(stage, 'opt', s.productName);
  mkdirSync(dirname(appDir), { recursive: true });
  cpSync(unpackedDir, appDir, { recursive: true, verbatimSymlinks: true });

  const applications = join(stage, 'usr', 'share', 'applications');
  mkdirSync(applications, { recursive: true });
  writeFileSync(
    join(applications, `${s.executableName}.desktop`),
    [
      '[Desktop Entry]',
      `Name=${s.productName}`,
      `Exec=/opt/${s.productName}/${s.executableName} %U`,
      'Terminal=false',
      'Type=Application',
      `Icon=${s.executableName}`,
      `StartupWMClass=${s.productName}`,
      `Comment=${s.synopsis}`,
      ...(s.mimeTypes.length > 0 ? [`MimeType=${s.mimeTypes.join(';')};`] : []),
      ...(s.category ? [`Categories=${s.category};`] : []),
      '',
    ].join('\n'),
  );
  for (const file of readdirSync(s.iconDir).filter((f) => /^\d+x\d+\.png$/.test(f))) {
    const target = join(stage, 'usr', 'share', 'icons', 'hicolor', file.replace('.png', ''), 'apps');
    mkdirSync(target, { recursive: true });
    cpSync(join(s.iconDir, file), join(target, `${s.executableName}.png`));
  }
  if (s.fileAssociations.length > 0) {
    const mime = join(stage, 'usr', 'share', 'mime', 'packages');
    mkdirSync(mime, { recursive: true });
    const types = s.fileAssociations.map((association) =>
      [
        `  <mime-type type="${association.mimeType}">`,
        `    <glob pattern="*.${association.ext}"/>`,
        `    <comment>${association.description ?? association.name}</comment>`,
        '    <icon name="x-office-document"/>',
        '  </mime-type>',
      ].join('\n'),
    );
    writeFileSync(
      join(mime, `${s.executableName}.xml`),
      `<?xml version="1.0" encoding="utf-8"?>\n<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n${types.join('\n')}\n</mime-info>\n`,
    );
  }

  const control = join(stage, 'DEBIAN');
  mkdirSync(control, { recursive: true });
  const values = { executable: s.executableName, sanitizedProductName: s.productName };
  for (const [file, tpl] of [
    ['postinst', 'after-install.tpl'],
    ['postrm', 'after-remove.tpl'],
  ]) {
    writeFileSync(join(control, file), template(root, tpl, values));
    chmodSync(join(control, file), 0o755);
  }
  writeFileSync(
    join(control, 'control'),
    [
      `Package: ${s.name}`,
      `Version: ${s.version}`,
      'Architecture: amd64',
      `Maintainer: ${s.maintainer}`,
      `Installed-Size: ${directorySizeKb(join(stage, 'opt'))}`,
      ...(s.depends.length > 0 ? [`Depends: ${s.depends.join(', ')}`] : []),
      'Section: education',
      'Priority: optional',
      `Description: ${s.synopsis}`,
      ` ${s.description}`,
      '',
    ].join('\n'),
  );

  const deb = join(outDir, `${s.name}_${s.version}_amd64.deb`);
  rmSync(deb, { force: true });
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', fast ? '-z1' : '-z6', '--build', stage, deb], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SOURCE_DATE_EPOCH: String(sourceDateEpoch) },
  });
  rmSync(stage, { recursive: true, force: true });
  return deb;
}
