/**
 * Creates one DuckDB table from a table source's text: CSV through read_csv (DuckDB's sniffer
 * types the columns), TAB-separated lines split in SQL with each column's type inferred from all
 * its values (BIGINT, DOUBLE, DATE, TIMESTAMP, BOOLEAN, else VARCHAR). Nothing here needs a DuckDB
 * extension (read_json would try to download one: the app is offline).
 */
import { ident, literal, type SqlDb } from './sqlDb';
import type { TableSource } from './tableSources';

const RAW = '__clusterlab_raw';

export async function loadTable(db: SqlDb, source: TableSource): Promise<void> {
  const file = `clusterlab/${source.name}.txt`;
  await db.registerText(file, source.text());
  try {
    const table = ident(source.name);
    const f = source.format;
    const named = (cols: string[], types?: string[]) =>
      types
        ? `columns = {${cols.map((c, i) => `${literal(c)}: ${literal(types[i]!)}`).join(', ')}}`
        : `names = [${cols.map(literal).join(', ')}]`;
    switch (f.kind) {
      case 'csv':
        await db.query(
          `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv(${literal(file)}, sample_size = -1${
            f.columns ? `, header = false, ${named(f.columns, f.types)}` : ''
          })`,
        );
        return;
      case 'spaced':
        await db.query(
          `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv(${literal(file)}, delim = ' ', header = false, ` +
            `sample_size = -1, ${named(f.columns, f.types)})`,
        );
        return;
      case 'tabbed':
        await loadTabbed(db, file, table, f.columns, f.types);
    }
  } finally {
    await db.dropText(file);
  }
}

/**
 * Lines (every one, empty ones too, but no row after the final newline) split at TABs, the last
 * column keeping any further TABs; empty cells are NULL. Then each column is cast to its inferred type.
 */
async function loadTabbed(db: SqlDb, file: string, table: string, columns: string[], known?: string[]): Promise<void> {
  const n = columns.length;
  const parts = columns.map((_, i) =>
    n === 1
      ? 'line'
      : i < n - 1
        ? `nullif(p[${i + 1}], '')`
        : `nullif(CASE WHEN len(p) >= ${n} THEN array_to_string(p[${n}:], chr(9)) END, '')`,
  );
  await db.query(
    `CREATE OR REPLACE TEMP TABLE ${RAW} AS SELECT ${parts.map((p, i) => `${p} AS c${i}`).join(', ')} ` +
      `FROM (SELECT line, string_split(line, chr(9)) AS p FROM ` +
      `(SELECT unnest(string_split(regexp_replace(content, '\\n$', ''), chr(10))) AS line ` +
      `FROM read_text(${literal(file)}) WHERE content <> ''))`,
  );
  try {
    const types: string[] = [];
    for (let i = 0; i < columns.length; i++) types.push(known?.[i] ?? (await inferType(db, `c${i}`)));
    const select = columns.map((c, i) => `CAST(c${i} AS ${types[i]}) AS ${ident(c)}`).join(', ');
    await db.query(`CREATE OR REPLACE TABLE ${table} AS SELECT ${select} FROM ${RAW}`);
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${RAW}`);
  }
}

/** The narrowest type every non-null value of the column reads as exactly. */
async function inferType(db: SqlDb, column: string): Promise<string> {
  const all = (test: string) => `coalesce(bool_and(${column} IS NULL OR (${test})), true)`;
  const [row] = await db.query(
    `SELECT count(${column})::INTEGER AS n,
      ${all(`regexp_full_match(${column}, '-?[0-9]{1,18}')`)} AS is_int,
      ${all(`regexp_full_match(${column}, '-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?')`)} AS is_double,
      ${all(`regexp_full_match(${column}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND try_cast(${column} AS DATE) IS NOT NULL`)} AS is_date,
      ${all(`regexp_full_match(${column}, '[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?') AND try_cast(${column} AS TIMESTAMP) IS NOT NULL`)} AS is_timestamp,
      ${all(`${column} IN ('true', 'false')`)} AS is_bool
    FROM ${RAW}`,
  );
  if (!row || Number(row.n) === 0) return 'VARCHAR';
  if (row.is_int) return 'BIGINT';
  if (row.is_double) return 'DOUBLE';
  if (row.is_date) return 'DATE';
  if (row.is_timestamp) return 'TIMESTAMP';
  if (row.is_bool) return 'BOOLEAN';
  return 'VARCHAR';
}
