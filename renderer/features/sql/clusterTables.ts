/**
 * The cluster's data as DuckDB tables: the built-in datasets are loaded once, a run's outputs
 * replace the previous run's. `sync` answers the table list (columns, types, row counts) the
 * console shows; all database work, the learner's queries included, goes through `exclusive`,
 * one piece at a time, so a query never sees a half-loaded table.
 */
import type { JobRunReport } from '../../../engine/api';
import { loadTable } from './loadTable';
import { ident, type SqlDb } from './sqlDb';
import { tableSources, type TableSource } from './tableSources';

export type RunOutputs = Pick<JobRunReport, 'kind' | 'result' | 'outputs'>;

export interface TableInfo {
  name: string;
  origin: string;
  group: TableSource['group'];
  columns: { name: string; type: string }[];
  rows: number;
  /** Why the table could not be made, else absent. */
  error?: string;
}

export class ClusterTables {
  private queue: Promise<unknown> = Promise.resolve();
  private reserved: Set<string> | null = null;
  private sources: TableSource[] = [];
  private failed = new Map<string, string>();
  private run: RunOutputs | null | undefined = undefined;

  constructor(private readonly db: SqlDb) {}

  /** Runs `work` after everything queued before it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Makes the tables match the datasets and `run`'s outputs (null: before any run), loads any
   * that is missing (a learner's DROP TABLE included) and describes them.
   */
  sync(run: RunOutputs | null): Promise<TableInfo[]> {
    return this.exclusive(async () => {
      if (run !== this.run) await this.replaceRun(run);
      const present = new Set(
        (await this.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'`)).map((r) =>
          String(r.table_name),
        ),
      );
      for (const source of this.sources) {
        if (present.has(source.name) || this.failed.has(source.name)) continue;
        try {
          await loadTable(this.db, source);
        } catch (e) {
          this.failed.set(source.name, e instanceof Error ? e.message : String(e));
        }
      }
      return this.describe();
    });
  }

  private async replaceRun(run: RunOutputs | null): Promise<void> {
    this.reserved ??= new Set(
      (await this.db.query(`SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'`)).map((r) =>
        String(r.keyword_name),
      ),
    );
    for (const s of this.sources)
      if (s.group === 'output') await this.db.query(`DROP TABLE IF EXISTS ${ident(s.name)}`);
    this.sources = tableSources(run, this.reserved);
    this.failed.clear();
    this.run = run;
  }

  private async describe(): Promise<TableInfo[]> {
    const columns = await this.db.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
    );
    const out: TableInfo[] = [];
    for (const s of this.sources) {
      const base = { name: s.name, origin: s.origin, group: s.group };
      const error = this.failed.get(s.name);
      if (error !== undefined) {
        out.push({ ...base, columns: [], rows: 0, error });
        continue;
      }
      const [count] = await this.db.query(`SELECT count(*)::DOUBLE AS n FROM ${ident(s.name)}`);
      out.push({
        ...base,
        columns: columns
          .filter((c) => c.table_name === s.name)
          .map((c) => ({ name: String(c.column_name), type: String(c.data_type) })),
        rows: Number(count?.n ?? 0),
      });
    }
    return out;
  }
}
