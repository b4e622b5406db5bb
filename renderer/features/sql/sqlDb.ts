/** What the console needs of DuckDB: files to read from and queries that answer plain rows. */
export interface SqlDb {
  /** Makes `text` readable by DuckDB as the file `name` (read_csv('name'), read_text('name')). */
  registerText(name: string, text: string): Promise<void>;
  /** Forgets a registered file (its table keeps the rows). */
  dropText(name: string): Promise<void>;
  /** Runs one statement; rows as plain objects keyed by column name. */
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** A name in double quotes, as SQL wants an identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A string literal in single quotes. */
export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
