/**
 * Which sandbox workers a job needs in the browser. DuckDB's blocking build and Arrow are most of
 * a sandbox worker's script there (1.4 of 1.7 MB), and both workers compile their script as a page
 * opens, on the cores the editor and the first run want: the pool starts workers without them
 * (renderer/sandbox/sandboxWorker.ts) and with them (sandboxSqlWorker.ts) only for a job whose
 * code names `sql`. spark.sql is the only way to DuckDB. A worker without DuckDB never takes it
 * on later: DuckDB's code is evaluated, and its database opened, as its worker starts, before any
 * job's code, where no job could have prepared the globals it reads, frozen what it writes on, or
 * reached its module instances (renderer/sandbox/sandboxSqlWorker.ts).
 */
import type { JobSource } from './contract/taskRunner';

/** Whether the job's code contains `sql` anywhere: spark.sql, a string, a comment. */
export function jobWantsSql(source: JobSource): boolean {
  return codeNamesSql(source.code);
}

/** The same test on a job's text as the learner wrote it (the page's editor): the warm-up starts the workers it will want. */
export function codeNamesSql(code: string): boolean {
  return code.includes('sql');
}

/** What spark.sql answers in a worker without DuckDB: reached only under a name the code builds at run time. */
export const SQL_NOT_NAMED =
  "spark.sql needs DuckDB, which the sandbox starts only for a job whose text contains the letters sql, and this job's does not (it reached spark.sql under a name it builds, spark['s' + 'ql'], or spelt with an escape, spark.s\\u0071l): call it as spark.sql(...)";
