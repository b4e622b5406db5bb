/**
 * A SQL console on DuckDB-wasm over the cluster's data: the sample datasets in HDFS and the last
 * sandbox job run's outputs are tables (listed at the side). Type a query, run it with the button
 * or Ctrl/Cmd+Enter, see the rows. An error is said once, its caret under the right character,
 * and the offending token is selected in the query. DuckDB loads when this component first mounts.
 */
import { useTranslation } from 'react-i18next';
import { count } from '../../i18n/numberFormat';
import { useEffect, useRef, useState } from 'react';
import type { RunOutputs, TableInfo } from './clusterTables';
import { connectDuckDb, runSql, SHOWN_ROWS, type QueryResult } from './duckdbClient';
import { sqlErrorView, tokenAt, type SqlErrorView } from './sqlError';
import { useSqlRunStore } from './sqlRunStore';
import { TableList } from './TableList';
import './sqlConsole.css';

const EXAMPLE = `-- The IoT daily average in SQL, over /data/sensors.csv in HDFS.
SELECT CAST(timestamp AS DATE) AS day, round(avg(value), 2) AS avg_value
FROM sensors
GROUP BY day
ORDER BY day;`;

type Status = 'starting' | 'ready' | 'running' | 'failed';

export default function SqlConsole() {
  const run = useSqlRunStore((s) => s.run);
  const { t } = useTranslation('sql');
  const [sql, setSql] = useState(EXAMPLE);
  const [status, setStatus] = useState<Status>('starting');
  const [loaded, setLoaded] = useState<{ run: RunOutputs | null; list: TableInfo[] } | null>(null);
  const tables = loaded !== null && loaded.run === run ? loaded.list : null;
  const [result, setResult] = useState<QueryResult | null>(null);
  const [error, setError] = useState<SqlErrorView | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [answered, setAnswered] = useState(0);
  const input = useRef<HTMLTextAreaElement>(null);

  // Start DuckDB and load the tables; again whenever a job run publishes new outputs.
  useEffect(() => {
    let live = true;
    connectDuckDb()
      .then(({ tables: cluster }) => cluster.sync(run))
      .then(
        (list) => {
          if (!live) return;
          setStartError(null);
          setLoaded({ run, list });
          setStatus((s) => (s === 'starting' ? 'ready' : s));
        },
        (e: unknown) => {
          if (!live) return;
          setStartError(`DuckDB could not load the cluster’s data: ${(e as Error).message}`);
          // Without DuckDB nothing runs; with it, queries on the tables that did load still do.
          setStatus((st) => (st === 'starting' ? 'failed' : st));
        },
      );
    return () => {
      live = false;
    };
  }, [run]);

  /** After a query: the learner may have changed a table (DROP, INSERT), the list follows. */
  const refresh = async () => {
    const { tables: cluster } = await connectDuckDb();
    const current = useSqlRunStore.getState().run;
    setLoaded({ run: current, list: await cluster.sync(current) });
  };

  const execute = async () => {
    const query = sql;
    setStatus('running');
    setError(null);
    try {
      setResult(await runSql(query));
    } catch (e) {
      const view = sqlErrorView((e as Error).message, query);
      setError(view);
      setResult(null);
      if (view.position && input.current) {
        const { start, end } = tokenAt(query, view.position.offset);
        input.current.focus();
        input.current.setSelectionRange(start, end);
      }
    } finally {
      setStatus('ready');
      setAnswered((n) => n + 1);
    }
    refresh().catch(() => undefined);
  };

  const pick = (name: string) => {
    const text = `SELECT * FROM ${name} LIMIT 10;`;
    setSql(text);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(text.length, text.length);
    });
  };

  return (
    <div className="sql-console" data-answered={answered}>
      <div className="sql-main">
        <label htmlFor="sql-input">{t('input')}</label>
        <textarea
          id="sql-input"
          ref={input}
          className="sql-input"
          value={sql}
          rows={7}
          onChange={(e) => setSql(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
              e.preventDefault();
              if (status === 'ready') void execute(); // execute shows its own errors
            }
          }}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          aria-invalid={error !== null}
          aria-describedby={error ? 'sql-error' : undefined}
          spellCheck={false}
        />
        <div className="toolbar">
          <button type="button" className="btn primary" onClick={() => void execute()} disabled={status !== 'ready'}>
            {t('run')}
          </button>
          <span className="muted" role="status">
            {status === 'starting'
              ? t('starting')
              : status === 'running'
                ? t('running')
                : status === 'failed'
                  ? ''
                  : t('ready')}
          </span>
        </div>
        {startError && (
          <p className="error" role="alert">
            {startError}
          </p>
        )}
        {error && <ErrorBlock error={error} />}
        {result && <ResultTable result={result} />}
      </div>
      <TableList tables={tables} ran={run !== null} onPick={pick} />
    </div>
  );
}

function ErrorBlock({ error }: { error: SqlErrorView }) {
  const p = error.position;
  const { t } = useTranslation('sql');
  return (
    <div className="sql-error" id="sql-error" role="alert">
      <p className="sql-error-where">{p ? t('stoppedAt', { line: p.line, column: p.column }) : t('says')}</p>
      <pre data-testid="sql-error-text">{error.text}</pre>
    </div>
  );
}

function ResultTable({ result }: { result: QueryResult }) {
  const { total, rows, columns, more } = result;
  const { t } = useTranslation('sql');
  return (
    <div className="sql-result">
      <p className="muted small-print" data-testid="sql-row-count">
        {more ? t('moreThan') : ''}
        {t('rows', { count: total, n: count(total) })}
        {total > rows.length ? t('firstShown', { n: count(SHOWN_ROWS) }) : ''}
        {more ? t('stopped') : ''}
      </p>
      {columns.length > 0 && (
        <div className="sql-result-scroll">
          <table className="grid" aria-label={t('result')}>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {row.map((v, j) => (
                    <td key={j} className={typeof v === 'number' ? 'num' : v === null ? 'sql-null' : undefined}>
                      {v === null ? 'NULL' : String(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
