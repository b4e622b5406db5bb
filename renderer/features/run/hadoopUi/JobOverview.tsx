/** JobHistory's Job Overview: the job's times and state, average phase times, tasks and attempts by outcome. */
import { useTranslation } from 'react-i18next';
import type { HistoryJob, TaskTally } from '../../../viz/run/hadoopUi/jobHistory';
import { formatMs } from '../../../viz/run/format';
import { seconds } from '../../../viz/views/durationWords';
import { withTips } from '../withTips';
import { DataTable, type Column } from '../../table/DataTable';
import { attemptReasonText } from '../../../viz/run/attemptText';

// A simulated instant as the labs' sentences and checks say it ("finishes in 70.15 s", "takes 10 min 37 s").
const time = (ms: number | null) => (ms === null ? 'N/A' : seconds(ms));
const span = (ms: number | null) => (ms === null ? 'N/A' : formatMs(ms));

interface TallyRow {
  type: string;
  tally: TaskTally;
  attempts: { failed: number; killed: number; successful: number; running: number };
}

const TALLY_COLUMNS: Column<TallyRow>[] = [
  { id: 'type', header: 'Task Type', value: (r) => r.type },
  { id: 'total', header: 'Total', numeric: true, value: (r) => r.tally.total },
  { id: 'complete', header: 'Complete', title: 'complete', numeric: true, value: (r) => r.tally.successful },
  { id: 'running', header: 'Running', numeric: true, value: (r) => r.tally.running },
  {
    id: 'pending',
    header: 'Pending',
    title: 'pending',
    numeric: true,
    value: (r) => r.tally.pending,
  },
  { id: 'failed', header: 'Failed', title: 'failed', numeric: true, value: (r) => r.tally.failed },
  { id: 'killed', header: 'Killed', title: 'killed', numeric: true, value: (r) => r.tally.killed },
];

const ATTEMPT_COLUMNS: Column<TallyRow>[] = [
  { id: 'type', header: 'Attempt Type', value: (r) => r.type },
  { id: 'failed', header: 'Failed', numeric: true, value: (r) => r.attempts.failed },
  { id: 'killed', header: 'Killed', numeric: true, value: (r) => r.attempts.killed },
  { id: 'successful', header: 'Successful', numeric: true, value: (r) => r.attempts.successful },
  { id: 'running', header: 'Running', numeric: true, value: (r) => r.attempts.running },
];

export function JobOverview({ job }: { job: HistoryJob }) {
  const { t } = useTranslation('run');
  // Hadoop's field names, as JobHistory prints them; the Diagnostics field's tooltip and text in the page's language.
  const info: [string, string, string?][] = [
    ['Job Name', job.name],
    ['Queue', job.queue],
    ['State', job.state],
    ['Submitted', time(job.submitted)],
    ['Started', time(job.started)],
    ['Finished', time(job.finished)],
    ['Elapsed', span(job.elapsed)],
    ['Average Map Time', span(job.averageMapTime)],
    ['Average Shuffle Time', span(job.averageShuffleTime)],
    ['Average Merge Time', span(job.averageMergeTime)],
    ['Average Reduce Time', span(job.averageReduceTime)],
  ];
  if (job.diagnostics)
    info.push([
      'Diagnostics',
      `${job.diagnostics.task}: ${attemptReasonText(job.diagnostics.reason)}`,
      t('hadoop.tip.diagnostics'),
    ]);
  const rows: TallyRow[] = [
    { type: 'Map', tally: job.maps, attempts: job.mapAttempts },
    { type: 'Reduce', tally: job.reduces, attempts: job.reduceAttempts },
  ];
  return (
    <div className="job-overview" data-testid="job-overview">
      <dl className="hadoop-ui-info">
        {info.map(([k, v, tip]) => (
          <div key={k} data-field={k}>
            <dt title={tip}>{k}:</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="muted run-note">{t('history.overviewNote')}</p>
      <DataTable
        label={t('history.tasks')}
        columns={withTips(TALLY_COLUMNS, 'run:hadoop.tip')}
        rows={rows}
        rowKey={(r) => r.type}
        empty={t('history.noTasks')}
      />
      <DataTable
        label={t('history.attempts')}
        columns={ATTEMPT_COLUMNS}
        rows={rows}
        rowKey={(r) => r.type}
        empty={t('history.noAttempts')}
      />
    </div>
  );
}
