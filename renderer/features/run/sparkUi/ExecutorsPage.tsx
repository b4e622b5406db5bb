/** Spark's Executors page at the playback instant: the driver and each executor with its tasks and bytes. */
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { DataTable, type Column } from '../../table/DataTable';
import { withTips } from '../withTips';
import { formatBytes, formatMs } from '../../../viz/run/format';
import { seconds } from '../../../viz/views/durationWords';
import { executorRowsAt, type ExecutorRow } from '../../../viz/run/sparkUi/executorRows';
import type { SparkUiModel } from '../../../viz/run/sparkUi/sparkUiModel';

const bytes = (n: number) => (n > 0 ? formatBytes(n) : '0 B');

const COLUMNS: Column<ExecutorRow>[] = [
  {
    id: 'id',
    header: 'Executor ID',
    title: 'executorId',
    value: (r) => r.id,
  },
  { id: 'address', header: 'Address', title: 'address', value: (r) => r.address },
  {
    id: 'status',
    header: 'Status',
    value: (r) => r.status,
    render: (r) => <span className={`spark-status ${r.status.toLowerCase()}`}>{r.status}</span>,
  },
  { id: 'cores', header: 'Cores', numeric: true, title: 'cores', value: (r) => r.cores },
  { id: 'active', header: 'Active Tasks', numeric: true, value: (r) => r.activeTasks },
  { id: 'failed', header: 'Failed Tasks', numeric: true, value: (r) => r.failedTasks },
  { id: 'complete', header: 'Complete Tasks', numeric: true, value: (r) => r.completeTasks },
  {
    id: 'total',
    header: 'Total Tasks',
    numeric: true,
    title: 'totalTasks',
    value: (r) => r.totalTasks,
  },
  {
    id: 'time',
    header: 'Task Time',
    numeric: true,
    title: 'taskTime',
    value: (r) => r.taskTime,
    render: (r) => formatMs(r.taskTime),
  },
  { id: 'input', header: 'Input', numeric: true, value: (r) => r.inputBytes, render: (r) => bytes(r.inputBytes) },
  {
    id: 'shuffleRead',
    header: 'Shuffle Read',
    numeric: true,
    value: (r) => r.shuffleReadBytes,
    render: (r) => bytes(r.shuffleReadBytes),
  },
  {
    id: 'shuffleWrite',
    header: 'Shuffle Write',
    numeric: true,
    value: (r) => r.shuffleWriteBytes,
    render: (r) => bytes(r.shuffleWriteBytes),
  },
];

export function ExecutorsPage({ model, t }: { model: SparkUiModel; t: number }) {
  const rows = useMemo(() => executorRowsAt(model, t), [model, t]);
  const { t: text } = useTranslation('run');
  // Killed nodes whose executors the driver has not dropped yet at t.
  const killedButActive = model.nodeDeaths
    .filter((d) => d.t <= t && model.executors.some((x) => x.host === d.node && (x.lostAt === null || x.lostAt > t)))
    .map((d) => text('spark.killedAt', { node: d.node, time: seconds(d.t) }));
  return (
    <div className="spark-page" data-testid="spark-executors">
      <p className="muted run-note">{text('spark.executorsNote')}</p>
      {killedButActive.length > 0 && (
        <p className="muted run-note" data-testid="spark-executors-killed-note">
          {text('spark.killedNote', { count: killedButActive.length, nodes: killedButActive.join(', ') })}
        </p>
      )}
      <DataTable
        label={text('spark.executorsTable')}
        columns={withTips(COLUMNS)}
        rows={rows}
        rowKey={(r) => r.id}
        rowClass={(r) => (r.status === 'Dead' ? 'failed' : undefined)}
        empty={text('spark.noExecutor')}
        testId="spark-executors-table"
      />
    </div>
  );
}
