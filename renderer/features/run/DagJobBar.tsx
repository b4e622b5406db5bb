/**
 * The job list above a Spark program's DAG (Spark UI's Jobs page in one line): pick a job or
 * follow the playback, and read what the shown job does at time t.
 */
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

export function jobStatus(job: SparkJobView, stages: readonly StageView[], view: RunView, t: number): string {
  const progress = stages.map((s) => ({ s, p: stageProgressAt(s, view.bars, t) }));
  const skipped = progress.filter((x) => x.s.skipped).length;
  const shape = `${stages.length} stage${stages.length === 1 ? '' : 's'}, ${skipped} skipped`;
  if (t < job.submittedAt) return `not submitted yet · ${shape}`;
  if (job.finishedAt !== null && t >= job.finishedAt) return `${job.failed ? 'failed' : 'succeeded'} · ${shape}`;
  const running = progress.filter((x) => x.p.state === 'running');
  const tasks = running.reduce((n, x) => n + x.p.running, 0);
  const which = running.map((x) => x.s.stageId ?? x.s.id).join(', ');
  return running.length > 0
    ? `running: stage ${which}, ${tasks} task${tasks === 1 ? '' : 's'} running · ${shape}`
    : `running · ${shape}`;
}

export function DagJobBar(props: DagJobBarProps) {
  const { jobs, job, follow, stages, view, t, onChoose, hideSkipped, onHideSkipped } = props;
  const status = jobStatus(job, stages, view, t);
  const skipped = stages.filter((s) => s.skipped).length;
  return (
    <div className="dag-jobs">
      <label>
        <span className="dag-jobs-label">Spark job</span>
        <select
          value={follow ? '' : job.id}
          onChange={(e) => onChoose(e.target.value === '' ? null : e.target.value)}
          aria-label="Spark job shown in the DAG"
        >
          <option value="">Follow playback</option>
          {jobs.map((j) => (
            <option key={j.id} value={j.id}>
              {j.label}
            </option>
          ))}
        </select>
      </label>
      <span className="dag-job-now" data-testid="dag-job-status">
        <strong>
          {job.label} ({job.index + 1} of {jobs.length})
        </strong>
        : {status}
      </span>
      <label className="dag-hide-skipped">
        <input type="checkbox" checked={hideSkipped} onChange={(e) => onHideSkipped(e.target.checked)} /> Hide skipped
        stages{hideSkipped && skipped > 0 ? ` (${skipped} hidden)` : ''}
      </label>
    </div>
  );
}
