/**
 * The tables the console offers: the sample datasets in HDFS and the last job run's outputs, each
 * with its columns, types and row count. A click puts `SELECT * FROM t LIMIT 10` in the query.
 */
import { useTranslation } from 'react-i18next';
import { count } from '../../i18n/numberFormat';
import type { TableInfo } from './clusterTables';

interface Props {
  tables: TableInfo[] | null;
  /** A job run has been published (its outputs are listed, or it wrote none). */
  ran: boolean;
  onPick(name: string): void;
}

export function TableList({ tables, ran, onPick }: Props) {
  const datasets = tables?.filter((t) => t.group === 'dataset') ?? [];
  const outputs = tables?.filter((t) => t.group === 'output') ?? [];
  const { t: text } = useTranslation('sql');
  return (
    <aside className="sql-tables" aria-label={text('tables')}>
      <h3>{text('tables')}</h3>
      {tables === null ? (
        <p className="muted" role="status">
          <span className="spinner" /> {text('loading')}
        </p>
      ) : (
        <>
          <h4>{text('samples')}</h4>
          <Tables list={datasets} onPick={onPick} />
          <h4>{text('lastOutput')}</h4>
          {outputs.length > 0 ? (
            <Tables list={outputs} onPick={onPick} />
          ) : (
            <p className="muted small-print">{ran ? text('noOutput') : text('runFirst')}</p>
          )}
        </>
      )}
      <details className="sql-naming">
        <summary>{text('naming')}</summary>
        <p>{text('namingRule')}</p>
      </details>
    </aside>
  );
}

function Tables({ list, onPick }: { list: TableInfo[]; onPick(name: string): void }) {
  const { t: text } = useTranslation('sql');
  return (
    <ul className="sql-table-list">
      {list.map((t) => (
        <li key={t.name} data-table={t.name}>
          <button
            type="button"
            className="sql-table"
            onClick={() => onPick(t.name)}
            title={text('pick', { table: t.name })}
            disabled={t.error !== undefined}
          >
            <span className="sql-table-name">{t.name}</span>
            <span className="sql-table-rows" data-rows={t.rows}>
              {text('rows', { count: t.rows, n: count(t.rows) })}
            </span>
          </button>
          <div className="sql-table-origin">{t.origin}</div>
          {t.error !== undefined ? (
            <div className="error small-print">{text('unreadable', { error: t.error })}</div>
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
