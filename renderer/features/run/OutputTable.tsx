/**
 * The job's output as a table: the first 200 rows and how many there are in all. It is the whole
 * run's (a MapReduce job's part files as hdfs dfs -cat prints them, a Spark driver's value), not the
 * playback instant's, and says so.
 */
import { useTranslation } from 'react-i18next';
import { count } from '../../i18n/numberFormat';
import { useMemo } from 'react';
import { formatCell, outputRows } from '../../viz/run/outputRows';

const LIMIT = 200;

export function OutputTable({ result, kind }: { result: unknown; kind: 'mapreduce' | 'spark' }) {
  const { t, i18n } = useTranslation('run');
  // The column names are in the page's language: built again when it changes.
  const language = i18n.language;
  const data = useMemo(
    () => outputRows(result, LIMIT),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its words are read inside (i18n.t) in the page's language
    [result, language],
  );
  if (data.total === 0) return <p className="muted">{t('output.none')}</p>;
  return (
    <div className="run-output">
      <p className="muted run-note">
        {kind === 'mapreduce' ? t('output.pairs') : t('output.value')}
        {t('output.rows', { count: data.total, n: count(data.total) })}
        {data.total > LIMIT ? t('output.firstShown', { n: LIMIT }) : ''}.
        {data.hiddenColumns > 0 && t('output.columns', { n: data.columns.length, more: count(data.hiddenColumns) })}
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
