/** Spark's Jobs page at the playback instant: one row per action submitted so far. */
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { i18n } from '../../../i18n/i18n';
import { DataTable, type Column } from '../../table/DataTable';
import { withTips } from '../withTips';
import { jobRowsAt, type JobRow } from '../../../viz/run/sparkUi/jobRows';
import type { SparkUiModel } from '../../../viz/run/sparkUi/sparkUiModel';
import { TaskProgress, atTime, durationText } from './sparkUiCells';

const COLUMNS: Column<JobRow>[] = [
  {
    id: 'job',
    header: 'Job Id',
    numeric: true,
    title: 'jobId',
    value: (r) => r.jobId,
  },
  {
    id: 'description',
    header: 'Description',
    title: 'jobDescription',
    value: (r) => r.description,
  },
  {
    id: 'status',
    header: 'Status',
    value: (r) => r.status,
    render: (r) => <span className={`spark-status ${r.status.toLowerCase()}`}>{r.status}</span>,
  },
  {
    id: 'submitted',
    header: 'Submitted',
    numeric: true,
    title: 'submitted',
    value: (r) => r.submitted,
    render: (r) => atTime(r.submitted),
  },
  {
    id: 'duration',
    header: 'Duration',
    numeric: true,
    value: (r) => r.duration,
    render: (r) => durationText(r.duration),
  },
  {
    id: 'stages',
    header: 'Stages: Succeeded/Total',
    title: 'jobStages',
    numeric: true,
    value: (r) => r.stagesSucceeded,
    render: (r) =>
      `${r.stagesSucceeded}/${r.stagesTotal}${r.stagesSkipped > 0 ? ` ${i18n.t('run:spark.skippedCount', { count: r.stagesSkipped })}` : ''}`,
  },
  {
    id: 'tasks',
    header: 'Tasks (for all stages): Succeeded/Total',
    title: 'jobTasks',
    numeric: true,
    value: (r) => r.tasksSucceeded,
    render: (r) => (
      <TaskProgress
        succeeded={r.tasksSucceeded}
        total={r.tasksTotal}
        running={r.tasksRunning}
        failed={r.tasksFailed}
        killed={r.tasksKilled}
      />
    ),
  },
];

export function JobsPage({ model, t }: { model: SparkUiModel; t: number }) {
  const rows = useMemo(() => jobRowsAt(model, t), [model, t]);
  const { t: text } = useTranslation('run');
  return (
    <div className="spark-page" data-testid="spark-jobs">
      <p className="muted run-note">{text('spark.jobsNote')}</p>
      <DataTable
        label={text('spark.jobsTable')}
        columns={withTips(COLUMNS)}
        rows={rows}
        rowKey={(r) => String(r.jobId)}
        initialSort={{ column: 'job', descending: true }}
        rowClass={(r) => (r.status === 'RUNNING' ? 'running' : r.status === 'FAILED' ? 'failed' : undefined)}
        empty={text('spark.noJob')}
        testId="spark-jobs-table"
      />
    </div>
  );
}
