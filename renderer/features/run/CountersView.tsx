/**
 * The run's counters, grouped and labelled with Hadoop's names. A MapReduce run shows them as
 * JobHistory's counters page does, live at playback time t: Map, Reduce and Total columns, the
 * task counters of the attempts succeeded by t (hadoopCountersAt); `job` picks one job of a chain
 * (null: every job). Spark runs list their counters at the end of the run.
 */
import { useTranslation } from 'react-i18next';
import type { JobRunReport } from '../../../engine/api';
import type { RunView } from '../../viz/run/runViewTypes';
import { formatBytes, formatNumber } from '../../viz/run/format';
import { counterGroupLabel, counterLabel, hadoopCountersAt, type JobCounterRow } from '../../viz/run/runCounters';
import { DataTable, type Column } from '../table/DataTable';
import './hadoopUi/hadoopUi.css';

export interface CountersViewProps {
  view: RunView;
  /** With both, a MapReduce run's counters are shown live at t with Map / Reduce / Total. */
  report?: JobRunReport;
  t?: number;
  job?: string | null;
}

export function CountersView({ view, report, t, job = null }: CountersViewProps) {
  const { t: text } = useTranslation('run');
  if (report !== undefined && t !== undefined && report.kind === 'mapreduce')
    return <HadoopCounters rows={hadoopCountersAt(report, job, t)} />;
  const groups = [...new Set(view.counters.map((c) => c.group))];
  if (view.counters.length === 0) return <p className="muted">{text('counters.none')}</p>;
  return (
    <div className="run-counters">
      <p className="muted run-note">
        {view.kind === 'mapreduce' ? text('counters.noteHadoop') : text('counters.note')}
      </p>
      <table className="grid run-counter-table" data-testid="run-counters">
        <thead>
          <tr>
            <th scope="col">{text('counters.counter')}</th>
            <th scope="col">{text('counters.name')}</th>
            <th scope="col" className="num">
              {text('counters.value')}
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g}>
            <tr>
              <th scope="rowgroup" colSpan={3} className="group">
                {counterGroupLabel(g)}
              </th>
            </tr>
            {view.counters
              .filter((c) => c.group === g)
              .map((c) => (
                <tr key={c.name}>
                  <td>{counterLabel(c)}</td>
                  <td className="muted">{c.name}</td>
                  <td
                    className="num"
                    title={c.unit === 'bytes' ? text('counters.bytes', { n: formatNumber(c.value) }) : undefined}
                  >
                    {c.text ?? (c.unit === 'bytes' ? formatBytes(c.value) : formatNumber(c.value))}
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** One sortable table per counter group, as JobHistory's counters page nests a table in each group. */
function HadoopCounters({ rows }: { rows: JobCounterRow[] }) {
  const { t } = useTranslation('run');
  const groups = [...new Set(rows.map((c) => c.group))];
  const cell = (v: number | null, bytes: boolean) =>
    v === null ? (
      ''
    ) : (
      <span title={bytes ? t('counters.bytes', { n: formatNumber(v) }) : undefined}>
        {bytes ? formatBytes(v) : formatNumber(v)}
      </span>
    );
  const columns: Column<JobCounterRow>[] = [
    { id: 'label', header: t('counters.name'), title: t('counters.nameTitle'), value: (c) => counterLabel(c) },
    {
      id: 'name',
      header: t('counters.counter'),
      title: t('counters.counterTitle'),
      value: (c) => c.name,
      render: (c) => <span className="muted">{c.name}</span>,
    },
    {
      id: 'map',
      header: t('counters.map'),
      numeric: true,
      value: (c) => c.map,
      render: (c) => cell(c.map, c.unit === 'bytes'),
    },
    {
      id: 'reduce',
      header: t('counters.reduce'),
      numeric: true,
      value: (c) => c.reduce,
      render: (c) => cell(c.reduce, c.unit === 'bytes'),
    },
    {
      id: 'total',
      header: t('counters.total'),
      numeric: true,
      value: (c) => c.total,
      render: (c) => cell(c.total, c.unit === 'bytes'),
    },
  ];
  return (
    <div className="run-counters hadoop-ui hadoop-counters" data-testid="run-counters">
      <p className="muted run-note">{t('counters.hadoopNote')}</p>
      {groups.map((g) => (
        <section key={g} className="counter-group" aria-label={counterGroupLabel(g)}>
          <h4>{counterGroupLabel(g)}</h4>
          <DataTable
            label={counterGroupLabel(g)}
            columns={columns}
            rows={rows.filter((c) => c.group === g)}
            rowKey={(c) => c.name}
            empty={t('counters.empty')}
            testId={`counters-${g.replace(/[^A-Za-z]+/g, '-').toLowerCase()}`}
          />
        </section>
      ))}
    </div>
  );
}
