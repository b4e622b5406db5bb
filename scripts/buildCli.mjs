// Bundles the CLI (cli/main.ts and its worker entries) with esbuild when a source is newer
// than the bundle. Used by scripts/clusterlab.mjs and the benchmarks.
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'clusterlab');
const SOURCE_DIRS = ['cli', 'engine', 'labs'];

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(ts|js|mjs|json|md|csv|txt)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Vite's `?raw` suffix for esbuild: a lab imports its Markdown texts and job files as text
 * (`import intro from './intro.md?raw'`), and the CLI bundle must read them the same way.
 */
export const rawText = {
  name: 'raw-text',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      namespace: 'raw-text',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
      watchFiles: [args.path],
    }));
  },
};

/**
 * Chunks are named by their content's hash, so a rebuild leaves the old ones beside the new: those
 * unused for a day go (a command started before the rebuild may still load its own for a while).
 */
function pruneOldChunks() {
  const chunks = join(outDir, 'chunks');
  if (!existsSync(chunks)) return;
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(chunks)) {
    const full = join(chunks, name);
    if (statSync(full).mtimeMs < dayAgo) rmSync(full, { force: true });
  }
}

export async function buildCli({ force = false } = {}) {
  const mainFile = join(outDir, 'main.mjs');
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestMtime(join(root, d))),
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
    // The bundle holds package.json's version (cli/appVersion.ts): a version bump alone rebuilds it.
    statSync(join(root, 'package.json')).mtimeMs,
  );
  if (force || !existsSync(mainFile) || statSync(mainFile).mtimeMs < sources) {
    const { build } = await import('esbuild');
    const workers = readdirSync(join(root, 'cli')).filter((f) => /Worker\.ts$/.test(f));
    await build({
      entryPoints: ['cli/main.ts', ...workers.map((w) => `cli/${w}`)].map((p) => join(root, p)),
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Split along cli/main.ts's lazy command imports: `clusterlab --help` loads a few kB, not
      // the engine and the labs. Source maps beside the files (CLUSTERLAB_DEBUG=1 turns them on),
      // not inline, where every start would parse them.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      sourcemap: 'linked',
      logLevel: 'error',
      loader: { '.md': 'text', '.csv': 'text', '.txt': 'text' },
      plugins: [rawText],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    pruneOldChunks();
  }
  return { mainFile: pathToFileURL(mainFile).href, outDir };
}
