/**
 * The job page of Hadoop's JobHistory server at playback time t: Overview (Job Name, State,
 * Submitted, Started, Finished, Elapsed, the average map, shuffle, merge and reduce times, tasks
 * and attempts by outcome), Map tasks and Reduce tasks (each task opens its attempts: node,
 * Shuffle Finished, Merge Finished, elapsed shuffle, merge and reduce) and Counters (Map, Reduce,
 * Total). A chain of jobs gets a job selector. Everything is derived in viz/run/hadoopUi.
 */
import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import type { JobRunReport } from '../../../../engine/api';
import { jobHistoryAt, type HistoryJob } from '../../../viz/run/hadoopUi/jobHistory';
import type { RunView } from '../../../viz/run/runViewTypes';
import { CountersView } from '../CountersView';
import { TabList } from '../../tabs/TabList';
import { HistoryTasks } from './HistoryTasks';
import { JobOverview } from './JobOverview';
import './hadoopUi.css';

type Page = 'overview' | 'maps' | 'reduces' | 'counters';
const PAGES: { id: Page; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'maps', label: 'Map tasks' },
  { id: 'reduces', label: 'Reduce tasks' },
  { id: 'counters', label: 'Counters' },
];

export function JobHistoryView({ report, view, t }: { report: JobRunReport; view: RunView; t: number }) {
  const jobs = useMemo(() => jobHistoryAt(report, t), [report, t]);
  const [wanted, setWanted] = useState<string | null>(null);
  const [page, setPage] = useState<Page>('overview');
  const allJobs = useMemo(() => jobHistoryAt(report, Number.POSITIVE_INFINITY).map((j) => j), [report]);
  const job: HistoryJob | undefined = jobs.find((j) => j.jobId === wanted) ?? jobs[jobs.length - 1];
  const { t: text } = useTranslation('run');
  return (
    <div className="hadoop-ui job-history" data-testid="job-history">
      <div className="hadoop-ui-bar">
        {allJobs.length > 1 && (
          <label>
            {text('history.job')}{' '}
            <select
              value={job?.jobId ?? ''}
              onChange={(e) => setWanted(e.target.value)}
              aria-label={text('history.job')}
            >
              {allJobs.map((j) => (
                <option key={j.jobId} value={j.jobId} disabled={!jobs.some((x) => x.jobId === j.jobId)}>
                  {j.jobId}: {j.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <TabList<Page>
          tabs={PAGES}
          selected={page}
          onSelect={setPage}
          label={text('history.pages')}
          idPrefix="job-history"
          className="hadoop-ui-pages"
          tabClassName="btn"
        />
      </div>
      <div role="tabpanel" id={`job-history-panel-${page}`} aria-labelledby={`job-history-tab-${page}`}>
        {job === undefined ? (
          <p className="muted">{text('history.noJob')}</p>
        ) : (
          <>
            <h3 className="hadoop-ui-title">
              {text('history.jobTitle', { id: job.jobId })} <span className="muted">({job.name})</span>
            </h3>
            {page === 'overview' && <JobOverview job={job} />}
            {page === 'maps' && <HistoryTasks key={`${job.jobId}-m`} tasks={job.mapTasks} kind="map" />}
            {page === 'reduces' && <HistoryTasks key={`${job.jobId}-r`} tasks={job.reduceTasks} kind="reduce" />}
            {page === 'counters' && (
              <CountersView view={view} report={report} t={t} job={allJobs.length > 1 ? job.jobId : null} />
            )}
          </>
        )}
      </div>
    </div>
  );
}
