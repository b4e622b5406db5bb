/**
 * The job list above a Spark program's DAG (Spark UI's Jobs page in one line): pick a job or
 * follow the playback, and read what the shown job does at time t.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import type { RunView, SparkJobView, StageView } from '../../viz/run/runViewTypes';
import { stageProgressAt } from '../../viz/run/runStages';

export interface DagJobBarProps {
  jobs: readonly SparkJobView[];
  job: SparkJobView;
  follow: boolean;
  stages: readonly StageView[];
  view: RunView;
  t: number;
  onChoose: (jobId: string | null) => void;
  hideSkipped: boolean;
  onHideSkipped: (hide: boolean) => void;
}

/** What the job does at t, in the page's language (i18n.t: it is called outside components too). */
export function jobStatus(job: SparkJobView, stages: readonly StageView[], view: RunView, t: number): string {
  const progress = stages.map((s) => ({ s, p: stageProgressAt(s, view.bars, t) }));
  const skipped = progress.filter((x) => x.s.skipped).length;
  const shape = i18n.t('run:jobs.shape', { stages: i18n.t('run:jobs.stages', { count: stages.length }), skipped });
  if (t < job.submittedAt) return i18n.t('run:jobs.notSubmitted', { shape });
  if (job.finishedAt !== null && t >= job.finishedAt)
    return i18n.t(job.failed ? 'run:jobs.failed' : 'run:jobs.succeeded', { shape });
  const running = progress.filter((x) => x.p.state === 'running');
  const tasks = running.reduce((n, x) => n + x.p.running, 0);
  const which = running.map((x) => x.s.stageId ?? x.s.id).join(', ');
  return running.length > 0
    ? i18n.t('run:jobs.runningTasks', {
        stages: i18n.t('run:jobs.runningStages', { which, count: running.length }),
        count: tasks,
        shape,
      })
    : i18n.t('run:jobs.running', { shape });
}

export function DagJobBar(props: DagJobBarProps) {
  const { jobs, job, follow, stages, view, t, onChoose, hideSkipped, onHideSkipped } = props;
  const status = jobStatus(job, stages, view, t);
  const skipped = stages.filter((s) => s.skipped).length;
  const { t: text } = useTranslation('run');
  return (
    <div className="dag-jobs">
      <label>
        <span className="dag-jobs-label">{text('jobs.sparkJob')}</span>
        <select
          value={follow ? '' : job.id}
          onChange={(e) => onChoose(e.target.value === '' ? null : e.target.value)}
          aria-label={text('jobs.shownJob')}
        >
          <option value="">{text('jobs.follow')}</option>
          {jobs.map((j) => (
            <option key={j.id} value={j.id}>
              {j.label}
            </option>
          ))}
        </select>
      </label>
      <span className="dag-job-now" data-testid="dag-job-status">
        <strong>{text('jobs.which', { label: job.label, n: job.index + 1, count: jobs.length })}</strong>: {status}
      </span>
      <label className="dag-hide-skipped">
        <input type="checkbox" checked={hideSkipped} onChange={(e) => onHideSkipped(e.target.checked)} />{' '}
        {text('jobs.hideSkipped')}
        {hideSkipped && skipped > 0 ? text('jobs.hidden', { n: skipped }) : ''}
      </label>
    </div>
  );
}
