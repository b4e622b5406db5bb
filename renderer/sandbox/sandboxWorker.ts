/// <reference lib="webworker" />
/**
 * The browser sandbox worker (a Web Worker entry, emitted as sandboxWorker-<hash>.js, everything
 * inlined): where every job runs whose code does not name `sql`. It has no DuckDB, which makes
 * the SQL worker's script six times this one's, and both workers of a page compile their script
 * as it opens; a job that names `sql` runs in sandboxSqlWorker.ts (engine/sandbox/jobWantsSql.ts).
 * The worker itself is sandboxWorkerScope.ts's.
 */
import { SQL_NOT_NAMED } from '../../engine/sandbox';
import { startSandboxWorker } from './sandboxWorkerScope';

// Reached only by a spark.sql the job's code calls under a name it builds (spark['s' + 'ql']).
startSandboxWorker(() => Promise.reject(new Error(SQL_NOT_NAMED)));
