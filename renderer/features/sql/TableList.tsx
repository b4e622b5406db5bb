/**
 * The tables the console offers: the sample datasets in HDFS and the last job run's outputs, each
 * with its columns, types and row count. A click puts `SELECT * FROM t LIMIT 10` in the query.
 */
import type { TableInfo } from './clusterTables';
import { NAMING_RULE } from './tableSources';

interface Props {
  tables: TableInfo[] | null;
  /** A job run has been published (its outputs are listed, or it wrote none). */
  ran: boolean;
  onPick(name: string): void;
}

export function TableList({ tables, ran, onPick }: Props) {
  const datasets = tables?.filter((t) => t.group === 'dataset') ?? [];
  const outputs = tables?.filter((t) => t.group === 'output') ?? [];
  return (
    <aside className="sql-tables" aria-label="Tables">
      <h3>Tables</h3>
      {tables === null ? (
        <p className="muted" role="status">
          <span className="spinner" /> Loading the cluster’s files…
        </p>
      ) : (
        <>
          <h4>Sample data in HDFS</h4>
          <Tables list={datasets} onPick={onPick} />
          <h4>Last job run’s output</h4>
          {outputs.length > 0 ? (
            <Tables list={outputs} onPick={onPick} />
          ) : (
            <p className="muted small-print">
              {ran
                ? 'The last run wrote no files and returned nothing.'
                : 'Run a job in the Jobs tab: the files it writes to HDFS become tables here.'}
            </p>
          )}
        </>
      )}
      <details className="sql-naming">
        <summary>How tables are named</summary>
        <p>{NAMING_RULE}</p>
      </details>
    </aside>
  );
}

function Tables({ list, onPick }: { list: TableInfo[]; onPick(name: string): void }) {
  return (
    <ul className="sql-table-list">
      {list.map((t) => (
        <li key={t.name} data-table={t.name}>
          <button
            type="button"
            className="sql-table"
            onClick={() => onPick(t.name)}
            title={`Put SELECT * FROM ${t.name} LIMIT 10 in the query`}
            disabled={t.error !== undefined}
          >
            <span className="sql-table-name">{t.name}</span>
            <span className="sql-table-rows" data-rows={t.rows}>
              {t.rows.toLocaleString('en')} {t.rows === 1 ? 'row' : 'rows'}
            </span>
          </button>
          <div className="sql-table-origin">{t.origin}</div>
          {t.error !== undefined ? (
            <div className="error small-print">Could not be read: {t.error}</div>
          ) : (
            <div className="sql-table-cols">
              {t.columns.map((c) => (
                <span key={c.name}>
                  {c.name} <span className="sql-type">{c.type.toLowerCase()}</span>
                </span>
              ))}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
