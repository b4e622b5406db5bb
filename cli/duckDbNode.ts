/**
 * DuckDB for spark.sql in a Node sandbox process (the CLI's child, and the desktop app's sandbox
 * utility process, which runs the same entry): the Node build of DuckDB-wasm (the same wasm as the
 * web app's), blocking, opened the first time a job calls spark.sql (about a second) and kept for
 * the process's next runs. It runs beside the learner's vm context, never inside it.
 * Its files come from node_modules (the CLI) or from `duckdb/` beside the bundle (the desktop
 * app: scripts/buildElectron.mjs copies them there).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as DuckDb from '@duckdb/duckdb-wasm/blocking';
import type * as Arrow from 'apache-arrow';
import { createDuckDbEngine, type ArrowKit, type BlockingConnection, type SqlEngine } from '../engine/sandbox';

/** DuckDB-wasm's Node build and the Arrow it uses (one module in the desktop app: scripts/duckdbNode.cjs). */
type DuckDbModule = typeof DuckDb & { arrow: typeof Arrow };

/** This bundle's folder: __dirname in the desktop app's CommonJS bundle, import.meta.url in the CLI's ESM one. */
const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
const requireHere = createRequire(join(here, 'duckDbNode.js'));

/** A DuckDB-wasm file: beside the bundle in the desktop app, else from node_modules; null when neither has it. */
function duckDbFile(name: string): string | null {
  const beside = join(here, 'duckdb', name);
  if (existsSync(beside)) return beside;
  try {
    return requireHere.resolve(`@duckdb/duckdb-wasm/dist/${name}`);
  } catch {
    return null;
  }
}

/**
 * The wasm builds DuckDB may choose from. The blocking Node build reads only the main module:
 * the one with WebAssembly exceptions ("eh") wherever the runtime has them, as Node 20 and every
 * Electron of this app do, so the desktop app ships only that one (scripts/buildElectron.mjs);
 * the CLI's node_modules has both.
 */
function duckDbBundles(): DuckDb.DuckDBBundles {
  const eh = duckDbFile('duckdb-eh.wasm');
  const mvp = duckDbFile('duckdb-mvp.wasm');
  const main = mvp ?? eh;
  if (main === null) throw new Error('spark.sql: DuckDB-wasm is not installed with ClusterLab (run `npm ci` again)');
  return {
    mvp: { mainModule: main, mainWorker: '' },
    ...(eh !== null ? { eh: { mainModule: eh, mainWorker: '' } } : {}),
  };
}

/**
 * Opens DuckDB on the first spark.sql: its code is loaded then, after the worker sealed its realm
 * (the frozen intrinsics' override taming lets apache-arrow and Emscripten set their own methods).
 * When the files are missing (a broken install), spark.sql says so; nothing else depends on them.
 */
export function loadDuckDbModule(): () => Promise<SqlEngine> {
  return async () => {
    let duckdb: DuckDbModule;
    try {
      duckdb = existsSync(join(here, 'duckdb', 'duckdb-node.cjs'))
        ? (requireHere(join(here, 'duckdb', 'duckdb-node.cjs')) as DuckDbModule)
        : {
            ...(requireHere('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof DuckDb),
            arrow: requireHere('apache-arrow') as typeof Arrow,
          };
    } catch {
      throw new Error('spark.sql: DuckDB-wasm is not installed with ClusterLab (run `npm ci` again)');
    }
    return openNodeDuckDb(duckdb);
  };
}

async function openNodeDuckDb(duckdb: DuckDbModule): Promise<SqlEngine> {
  const db = await duckdb.createDuckDB(duckDbBundles(), new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  return createDuckDbEngine(db.connect() as unknown as BlockingConnection, duckdb.arrow as unknown as ArrowKit);
}
