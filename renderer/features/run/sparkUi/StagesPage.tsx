/**
 * Spark's Stages page at the playback instant: Active, Pending, Completed, Skipped and Failed
 * stages, each a sortable table; a stage id opens its stage page.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';
import { useMemo } from 'react';
import { DataTable, type Column } from '../../table/DataTable';
import { withTips } from '../withTips';
import { STAGE_GROUPS, stageRowsAt, type StageRow, type StageStatus } from '../../../viz/run/sparkUi/stageRows';
import type { SparkUiModel } from '../../../viz/run/sparkUi/sparkUiModel';
import { TaskProgress, atTime, durationText } from './sparkUiCells';
import { formatBytes, formatNumber } from '../../../viz/run/format';
import { attemptReasonText } from '../../../viz/run/attemptText';

/** Bytes only, as Spark's stage table shows them; the records in the cell's tooltip. */
function bytesCell(bytes: number, records: number) {
  if (bytes === 0) return '';
  return <span title={i18n.t('run:spark.records', { n: formatNumber(records) })}>{formatBytes(bytes)}</span>;
}

export const stageTitle = (stageId: number, attempt: number) =>
  attempt > 0 ? `${stageId} (retry ${attempt})` : String(stageId);

/** The byte columns a run has at all (Spark shows Input, Output, Shuffle Read, Shuffle Write only when some stage has them). */
export type ByteColumns = Record<'input' | 'output' | 'shuffleRead' | 'shuffleWrite', boolean>;

function byteColumns(model: SparkUiModel): ByteColumns {
  const has = (k: 'inputBytes' | 'outputBytes' | 'shuffleReadBytes' | 'shuffleWriteBytes') =>
    model.attempts.some((a) => a.record.io[k] > 0);
  return {
    input: has('inputBytes'),
    output: has('outputBytes'),
    shuffleRead: has('shuffleReadBytes'),
    shuffleWrite: has('shuffleWriteBytes'),
  };
}

function columns(open: (key: string) => void, status: StageStatus, bytes: ByteColumns): Column<StageRow>[] {
  const cols: Column<StageRow>[] = [
    {
      id: 'stage',
      header: 'Stage Id',
      numeric: true,
      title: 'stageId',
      value: (r) => r.stageId + r.attempt / 100,
      render: (r) => (
        <button
          type="button"
          className="link-button"
          data-stage-key={r.key}
          aria-label={i18n.t('run:spark.openStage', { stage: stageTitle(r.stageId, r.attempt) })}
          onClick={() => open(r.key)}
        >
          {stageTitle(r.stageId, r.attempt)}
        </button>
      ),
    },
    {
      id: 'description',
      header: 'Description',
      title: 'stageDescription',
      value: (r) => r.description,
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
      id: 'tasks',
      header: 'Tasks: Succeeded/Total',
      numeric: true,
      title: 'stageTasks',
      value: (r) => r.tasksSucceeded,
      render: (r) => (
        <TaskProgress
          succeeded={r.tasksSucceeded}
          total={r.tasksTotal}
          running={r.tasksRunning}
          failed={r.tasksFailed}
        />
      ),
    },
    {
      id: 'input',
      header: 'Input',
      numeric: true,
      title: 'input',
      value: (r) => r.inputBytes,
      render: (r) => bytesCell(r.inputBytes, r.inputRecords),
    },
    {
      id: 'output',
      header: 'Output',
      numeric: true,
      title: 'output',
      value: (r) => r.outputBytes,
      render: (r) => bytesCell(r.outputBytes, r.outputRecords),
    },
    {
      id: 'shuffleRead',
      header: 'Shuffle Read',
      numeric: true,
      title: 'shuffleRead',
      value: (r) => r.shuffleReadBytes,
      render: (r) => bytesCell(r.shuffleReadBytes, r.shuffleReadRecords),
    },
    {
      id: 'shuffleWrite',
      header: 'Shuffle Write',
      numeric: true,
      title: 'shuffleWrite',
      value: (r) => r.shuffleWriteBytes,
      render: (r) => bytesCell(r.shuffleWriteBytes, r.shuffleWriteRecords),
    },
  ];
  const kept = cols.filter((c) => !(c.id in bytes) || bytes[c.id as keyof ByteColumns]);
  // Spark's column name; why the stage failed in the page's language.
  if (status === 'failed')
    kept.push({
      id: 'reason',
      header: 'Failure Reason',
      value: (r) => (r.failureReason ? attemptReasonText(r.failureReason) : ''),
    });
  return kept;
}

export function StagesPage({ model, t, open }: { model: SparkUiModel; t: number; open: (key: string) => void }) {
  const groups = useMemo(() => stageRowsAt(model, t), [model, t]);
  const bytes = useMemo(() => byteColumns(model), [model]);
  const shown = STAGE_GROUPS.filter((status) => groups[status].length > 0);
  const { t: text } = useTranslation('run');
  return (
    <div className="spark-page" data-testid="spark-stages">
      <p className="muted run-note">{text('spark.stagesNote')}</p>
      {shown.length === 0 && <p className="muted">{text('spark.noStage')}</p>}
      {shown.map((status) => (
        <section key={status} className="spark-group" aria-label={text(`spark.group.${status}`)} data-group={status}>
          <h3>
            {text(`spark.group.${status}`)} ({groups[status].length})
          </h3>
          <DataTable
            label={text(`spark.group.${status}`)}
            columns={withTips(columns(open, status, bytes))}
            rows={groups[status]}
            rowKey={(r) => r.key}
            rowClass={(r) => (r.status === 'active' ? 'running' : r.status === 'failed' ? 'failed' : undefined)}
            empty=""
            testId={`spark-stages-${status}`}
          />
        </section>
      ))}
    </div>
  );
}
