/**
 * A SQL console on DuckDB-wasm: type a query, run it with the button or Ctrl/Cmd+Enter,
 * see the rows. DuckDB loads when this component first mounts.
 */
import { useEffect, useState } from 'react';
import { connectDuckDb, runSql, type QueryResult } from './duckdbClient';

const EXAMPLE = `SELECT day, round(avg(value), 2) AS avg_value
FROM (VALUES ('2019-05-01', 20.5), ('2019-05-01', 22.0), ('2019-05-02', 19.0)) AS t(day, value)
GROUP BY day ORDER BY day;`;

export default function SqlConsole() {
  const [sql, setSql] = useState(EXAMPLE);
  const [status, setStatus] = useState<'loading' | 'ready' | 'running'>('loading');
  const [result, setResult] = useState<QueryResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    connectDuckDb().then(
      () => live && setStatus('ready'),
      (e: unknown) => live && setError(`DuckDB could not start: ${(e as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, []);

  const run = async () => {
    setStatus('running');
    setError(null);
    try {
      setResult(await runSql(sql));
    } catch (e) {
      setError((e as Error).message);
      setResult(null);
    } finally {
      setStatus('ready');
    }
  };

  return (
    <div className="live">
      <label htmlFor="sql-input">SQL (DuckDB)</label>
      <textarea
        id="sql-input"
        className="sql-input"
        value={sql}
        onChange={(e) => setSql(e.target.value)}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && status === 'ready') {
            e.preventDefault();
            void run();
          }
        }}
        spellCheck={false}
      />
      <div className="toolbar">
        <button type="button" className="btn primary" onClick={() => void run()} disabled={status !== 'ready'}>
          Run query
        </button>
        <span className="muted" role="status">
          {status === 'loading'
            ? 'Starting DuckDB…'
            : status === 'running'
              ? 'Running…'
              : 'Ready (Ctrl/Cmd+Enter runs)'}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <table className="grid" aria-label="Query result">
          <thead>
            <tr>
              {result.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) => (
                  <td key={j}>{String(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
