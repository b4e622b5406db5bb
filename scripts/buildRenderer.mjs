// Builds the web renderer (dist/renderer) with Vite when a source is newer than the last build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const rendererOut = join(root, 'dist', 'renderer');

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'artifacts') continue;
    const full = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

export function rendererIsStale() {
  const index = join(rendererOut, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(
    ...['renderer', 'engine', 'labs', 'assets'].map((d) => newest(join(root, d))),
    // The build's own settings and script: a change to either (the production mode, say) rebuilds.
    ...['package-lock.json', 'vite.config.ts', 'scripts/buildRenderer.mjs'].map((f) => statSync(join(root, f)).mtimeMs),
  );
  return statSync(index).mtimeMs < sources;
}

/** Builds when stale (or forced); exits the process with Vite's code when the build fails. */
export function buildRenderer({ force = false } = {}) {
  if (!force && !rendererIsStale()) return;
  console.log('Building the app (Vite)…');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Always the production build that ships: under vitest (the e2e setup) NODE_ENV is "test",
      // which would bundle React's development build, slower and with another memory profile.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) {
    console.error('The renderer build failed (see above).');
    process.exit(result.status ?? 1);
  }
}
