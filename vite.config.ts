import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const here = fileURLToPath(new URL('./renderer/', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The renderer is built once and served two ways: from app:// in Electron and from a local
// HTTP server as the web build. Relative asset URLs (base './') work for both.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // DuckDB-wasm's blocking build (in the sandbox worker) calls eval where it detects its platform:
  // twelve warnings about a third-party file on every build, none about our code.
  worker: { format: 'es', rolldownOptions: { checks: { bundlerTimings: false, eval: false } } },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  resolve: {
    alias: {
      // DuckDB-wasm's blocking browser build (the sandbox worker's spark.sql), which the package does not export.
      'duckdb-wasm-browser-blocking': fileURLToPath(
        new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
      ),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
    // The timing report is for Vite's own developers; learners running `npm start` need not read it.
    rolldownOptions: { checks: { bundlerTimings: false, eval: false } },
  },
  server: { host: '127.0.0.1', port: 5173 },
});
