/**
 * Spark's page of one stage attempt at the playback instant: its totals and Locality Level
 * Summary, the Summary Metrics of its completed tasks (Spark's quantiles) and its task table.
 * "All stages" (or Escape) goes back.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';
import { useEffect, useMemo, useRef } from 'react';
import type { Locality } from '../../../../engine/exec';
import { DataTable, type Column } from '../../table/DataTable';
import { withTips } from '../withTips';
import { formatBytes, formatMs, formatNumber } from '../../../viz/run/format';
import type { SparkUiModel, UiStageAttempt } from '../../../viz/run/sparkUi/sparkUiModel';
import { stageRowAt } from '../../../viz/run/sparkUi/stageRows';
import { stageSummaryAt, type SummaryMetric } from '../../../viz/run/sparkUi/stageSummary';
import { QUANTILE_NAMES } from '../../../viz/run/sparkUi/sparkQuantiles';
import { taskRowsAt, type TaskRow } from '../../../viz/run/sparkUi/taskRows';
import { atTime, sizeRecords } from './sparkUiCells';
import { stageTitle } from './StagesPage';
import { attemptReasonText } from '../../../viz/run/attemptText';

/** What a locality level means, in the page's language (the cell's tooltip). */
export const localityHelp = (locality: Locality): string => i18n.t(`run:spark.localityHelp.${locality}`);

const quantileColumns: Column<SummaryMetric>[] = [
  // Spark's name for the row, read when the table renders (the page renders again when the language changes).
  { id: 'metric', header: 'Metric', value: (m) => i18n.t(`run:spark.metric.${m.id}`) },
  ...QUANTILE_NAMES.map((name, q): Column<SummaryMetric> => ({
    id: `q${q}`,
    header: name,
    numeric: true,
    title: `quantile.q${q}`,
    value: (m) => m.quantiles[q]!,
    render: (m) =>
      m.unit === 'ms'
        ? formatMs(m.quantiles[q]!)
        : sizeRecords(m.quantiles[q]!, m.records ? m.records[q]! : null) || '0 B',
  })),
];

const taskColumns: Column<TaskRow>[] = [
  { id: 'index', header: 'Index', numeric: true, title: 'index', value: (r) => r.index },
  {
    id: 'tid',
    header: 'Task ID',
    numeric: true,
    title: 'taskId',
    value: (r) => r.taskId,
  },
  {
    id: 'attempt',
    header: 'Attempt',
    numeric: true,
    title: 'attempt',
    value: (r) => r.attempt,
    render: (r) => `${r.attempt}${r.speculative ? ' (speculative)' : ''}`,
  },
  {
    id: 'status',
    header: 'Status',
    value: (r) => r.status,
    render: (r) => <span className={`spark-status ${r.status.toLowerCase()}`}>{r.status}</span>,
  },
  {
    id: 'locality',
    header: 'Locality Level',
    title: 'locality',
    value: (r) => r.locality,
    render: (r) => <span title={localityHelp(r.locality)}>{r.locality}</span>,
  },
  { id: 'executor', header: 'Executor ID', value: (r) => r.executor },
  { id: 'host', header: 'Host', value: (r) => r.host },
  {
    id: 'launch',
    header: 'Launch Time',
    numeric: true,
    value: (r) => r.launchTime,
    render: (r) => atTime(r.launchTime),
  },
  { id: 'duration', header: 'Duration', numeric: true, value: (r) => r.duration, render: (r) => formatMs(r.duration) },
  {
    id: 'input',
    header: 'Input Size / Records',
    numeric: true,
    value: (r) => r.inputBytes,
    render: (r) => sizeRecords(r.inputBytes, r.inputRecords),
  },
  {
    id: 'shuffleRead',
    header: 'Shuffle Read Size / Records',
    numeric: true,
    value: (r) => r.shuffleReadBytes,
    render: (r) => sizeRecords(r.shuffleReadBytes, r.shuffleReadRecords),
  },
  {
    id: 'shuffleWrite',
    header: 'Shuffle Write Size / Records',
    numeric: true,
    value: (r) => r.shuffleWriteBytes,
    render: (r) => sizeRecords(r.shuffleWriteBytes, r.shuffleWriteRecords),
  },
  {
    id: 'output',
    header: 'Output Size / Records',
    numeric: true,
    value: (r) => r.outputBytes,
    render: (r) => sizeRecords(r.outputBytes, r.outputRecords),
  },
  // Spark's column name; why the attempt ended in the page's language.
  { id: 'errors', header: 'Errors', title: 'errors', value: (r) => (r.errors ? attemptReasonText(r.errors) : '') },
];

/**
 * The summary's names, as Spark's StagePage writes them ("Node local: 9; Process local: 2",
 * sorted). Spark has no name for NO_PREF there: it records such tasks as PROCESS_LOCAL.
 */
const LOCALITY_SUMMARY_NAMES: Record<string, string> = {
  PROCESS_LOCAL: 'Process local',
  NODE_LOCAL: 'Node local',
  NO_PREF: 'No preference',
  RACK_LOCAL: 'Rack local',
  ANY: 'Any',
};

export function StagePage({
  model,
  stage,
  t,
  onBack,
}: {
  model: SparkUiModel;
  stage: UiStageAttempt;
  t: number;
  onBack: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [stage.key]);
  const row = useMemo(() => stageRowAt(model, stage, t), [model, stage, t]);
  const summary = useMemo(() => stageSummaryAt(model, stage, t), [model, stage, t]);
  const { t: text } = useTranslation('run');
  const tasks = useMemo(() => taskRowsAt(model, stage, t), [model, stage, t]);
  const localities = new Map<Locality, number>();
  let totalTime = 0;
  for (const r of tasks) {
    localities.set(r.locality, (localities.get(r.locality) ?? 0) + 1);
    if (r.status !== 'RUNNING') totalTime += r.duration;
  }
  return (
    <div className="spark-page spark-stage-page" data-testid="spark-stage-page" data-stage={stage.key}>
      <div className="spark-stage-head">
        <button type="button" className="btn small" onClick={onBack}>
          {text('spark.allStages')}
        </button>
        <h3 ref={heading} tabIndex={-1}>
          {text('spark.details', { stage: stage.stageId, attempt: stage.attempt })}
        </h3>
      </div>
      <p className="muted run-note">{text('spark.quantiles', { description: stage.description })}</p>
      {row === null ? (
        <p className="muted">{text('spark.notSubmitted', { stage: stageTitle(stage.stageId, stage.attempt) })}</p>
      ) : (
        <>
          <dl className="spark-stage-facts">
            <div>
              <dt>{text('spark.status')}</dt>
              <dd>{row.status}</dd>
            </div>
            <div>
              <dt title={text('spark.totalTimeTitle')}>{text('spark.totalTime')}</dt>
              <dd>{formatMs(totalTime)}</dd>
            </div>
            <div>
              <dt title={text('spark.localityTitle')}>{text('spark.locality')}</dt>
              <dd>
                {[...localities]
                  .map(([l, n]) => `${LOCALITY_SUMMARY_NAMES[l] ?? l}: ${formatNumber(n)}`)
                  .sort()
                  .join('; ') || '–'}
              </dd>
            </div>
            {row.inputBytes > 0 && (
              <div>
                <dt>{text('spark.input')}</dt>
                <dd>{sizeRecords(row.inputBytes, row.inputRecords)}</dd>
              </div>
            )}
            {row.shuffleReadBytes > 0 && (
              <div>
                <dt>{text('spark.shuffleRead')}</dt>
                <dd>{sizeRecords(row.shuffleReadBytes, row.shuffleReadRecords)}</dd>
              </div>
            )}
            {row.shuffleWriteBytes > 0 && (
              <div>
                <dt>{text('spark.shuffleWrite')}</dt>
                <dd>{sizeRecords(row.shuffleWriteBytes, row.shuffleWriteRecords)}</dd>
              </div>
            )}
            {row.outputBytes > 0 && (
              <div>
                <dt>{text('spark.output')}</dt>
                <dd>
                  {formatBytes(row.outputBytes)} / {formatNumber(row.outputRecords)}
                </dd>
              </div>
            )}
          </dl>
          <h4>{text('spark.summary', { n: formatNumber(summary.completedTasks) })}</h4>
          {summary.completedTasks === 0 ? (
            <p className="muted">{text('spark.noSucceeded')}</p>
          ) : (
            <DataTable
              label={text('spark.summaryOf', { stage: stage.stageId })}
              columns={withTips(quantileColumns)}
              rows={summary.metrics}
              rowKey={(m) => m.id}
              empty=""
              testId="spark-stage-summary"
            />
          )}
          <h4>{text('spark.tasks', { n: formatNumber(tasks.length) })}</h4>
          <DataTable
            label={text('spark.tasksOf', { stage: stage.stageId })}
            columns={withTips(taskColumns)}
            rows={tasks}
            rowKey={(r) => r.key}
            initialSort={{ column: 'index', descending: false }}
            rowClass={(r) => (r.status === 'RUNNING' ? 'running' : r.status === 'FAILED' ? 'failed' : undefined)}
            empty={text('spark.noLaunched')}
            testId="spark-stage-tasks"
          />
        </>
      )}
    </div>
  );
}
