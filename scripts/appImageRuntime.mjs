// The AppImage runtime (the ELF program at the head of an AppImage), compiled at packaging time
// from the vendored upstream source in scripts/appimage/ (see its README) with gcc and Debian's
// static libraries; nothing is downloaded. `appImageToolsMissing()` names the Debian packages to
// install when a tool or library is absent, so callers can skip with one line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = join(dirname(fileURLToPath(import.meta.url)), 'appimage');

/** Upstream type2-runtime commit the vendored runtime.c comes from (scripts/appimage/README.md). */
export const RUNTIME_COMMIT = 'caf24f9f712084686bfc24a70b75e50df0aefb9c';

/** The static libraries the runtime links, in link order, with the Debian package of each. */
const LIBRARIES = [
  ['squashfuse_ll', 'libsquashfuse-dev'],
  ['squashfuse', 'libsquashfuse-dev'],
  ['lzo2', 'liblzo2-dev'],
  ['lz4', 'liblz4-dev'],
  ['lzma', 'liblzma-dev'],
  ['zstd', 'libzstd-dev'],
  ['z', 'zlib1g-dev'],
  ['fuse3', 'libfuse3-dev'],
];

/** Every Debian package the AppImage needs here (what .ci/run installs). */
export const APPIMAGE_PACKAGES = ['gcc', 'squashfs-tools', ...new Set(LIBRARIES.map(([, pkg]) => pkg))];

function found(command, args) {
  try {
    return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

/** Runs a build tool; when it fails, throws one message that says which step and what the tool said. */
function run(step, command, args) {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const said = error.stderr?.toString().trim() || error.message;
    throw new Error(`${step} failed:\n${said}`);
  }
}

/** Where `mksquashfs` is, or null. */
export function mksquashfsPath() {
  return found('sh', ['-c', 'command -v mksquashfs']) || null;
}

/** null when the runtime can be built and packed here, else what to install, in one sentence. */
export function appImageToolsMissing() {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return `the AppImage runtime is built for Linux x64 only, not ${process.platform} ${process.arch}`;
  if (found('gcc', ['--version']) === null) return 'gcc is missing (apt-get install gcc)';
  const packages = new Set();
  if (mksquashfsPath() === null) packages.add('squashfs-tools');
  for (const [lib, pkg] of LIBRARIES) {
    // gcc prints the bare name back when it finds no such file on its library path.
    const path = found('gcc', [`-print-file-name=lib${lib}.a`]);
    if (path === null || !path.startsWith('/')) packages.add(pkg);
  }
  return packages.size === 0
    ? null
    : `the AppImage needs ${[...packages].join(', ')} (apt-get install --no-install-recommends ${[...packages].join(' ')})`;
}

/**
 * Compiles the runtime to `outFile` as upstream's build does (a static PIE, stripped, with the
 * magic bytes "AI\x02" written at offset 8 after stripping) and returns outFile.
 */
export function buildRuntime(outFile) {
  mkdirSync(dirname(outFile), { recursive: true });
  run('compiling the AppImage runtime (scripts/appimage/runtime.c) with gcc', 'gcc', [
    '-std=gnu99',
    '-Os',
    '-D_FILE_OFFSET_BITS=64',
    `-DGIT_COMMIT="${RUNTIME_COMMIT.slice(0, 7)}"`,
    '-T',
    join(source, 'data_sections.ld'),
    '-ffunction-sections',
    '-fdata-sections',
    '-Wl,--gc-sections',
    '-Wl,--build-id=sha1',
    '-static-pie',
    '-w',
    `-I${join(source, 'compat')}`,
    '-I/usr/include/squashfuse',
    '-I/usr/include/fuse3',
    join(source, 'runtime.c'),
    ...LIBRARIES.map(([lib]) => `-l${lib}`),
    '-lpthread',
    '-o',
    outFile,
  ]);
  run('stripping the AppImage runtime', 'strip', ['--strip-all', outFile]);
  const fd = openSync(outFile, 'r+');
  try {
    writeSync(fd, Buffer.from([0x41, 0x49, 0x02]), 0, 3, 8);
  } finally {
    closeSync(fd);
  }
  return outFile;
}
