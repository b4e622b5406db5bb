/** The job's output as a table: the first 200 rows and how many there are in all. */
import { useMemo } from 'react';
import { formatCell, outputRows } from '../../viz/run/outputRows';

const LIMIT = 200;

export function OutputTable({ result, kind }: { result: unknown; kind: 'mapreduce' | 'spark' }) {
  const data = useMemo(() => outputRows(result, kind, LIMIT), [result, kind]);
  if (data.total === 0) return <p className="muted">The job produced no output.</p>;
  return (
    <div className="run-output">
      <p className="muted run-note">
        {kind === 'mapreduce' ? 'The output files’ (key, value) pairs, sorted by key' : 'The value the driver returned'}
        : {data.total.toLocaleString('en')} {data.total === 1 ? 'row' : 'rows'}
        {data.total > LIMIT ? `, the first ${LIMIT} shown` : ''}.
        {data.hiddenColumns > 0 &&
          ` Only the first ${data.columns.length} columns are shown (${data.hiddenColumns.toLocaleString('en')} more not shown).`}
      </p>
      <div className="run-table-host">
        <table className="grid" data-testid="run-output">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              {data.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row, i) => (
              <tr key={i}>
                <td className="num muted">{i + 1}</td>
                {row.map((v, j) => (
                  <td key={j} className={typeof v === 'number' ? 'num' : undefined}>
                    {formatCell(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
