/**
 * DuckDB for spark.sql in the CLI's sandbox process: the Node build of DuckDB-wasm (the same
 * wasm as the app's), blocking, opened the first time a job calls spark.sql (about a second) and
 * kept for the process's next runs. It runs beside the learner's vm context, never inside it.
 */
import { createRequire } from 'node:module';
import type * as DuckDb from '@duckdb/duckdb-wasm/blocking';
import { createDuckDbEngine, type BlockingConnection, type SqlEngine } from '../engine/sandbox';

type DuckDbModule = typeof DuckDb;
const require = createRequire(import.meta.url);

/**
 * Loads DuckDB-wasm's code (not the database): called before the worker seals its realm, as
 * apache-arrow's module code sets methods on its prototypes, which frozen intrinsics forbid.
 */
export function loadDuckDbModule(): () => Promise<SqlEngine> {
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as DuckDbModule;
  return () => openNodeDuckDb(duckdb);
}

async function openNodeDuckDb(duckdb: DuckDbModule): Promise<SqlEngine> {
  const file = (name: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${name}`);
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: file('duckdb-mvp.wasm'), mainWorker: file('duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: file('duckdb-eh.wasm'), mainWorker: file('duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  return createDuckDbEngine(db.connect() as unknown as BlockingConnection);
}
