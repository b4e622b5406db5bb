/**
 * JobHistory's Map tasks or Reduce tasks page at t: each task's state, node, start, finish and
 * elapsed time (for reduces, the successful attempt's Shuffle Finished and Merge Finished and its
 * elapsed shuffle, merge and reduce), and, for the task picked, its attempts.
 */
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { HistoryAttempt, HistoryTask } from '../../../viz/run/hadoopUi/jobHistory';
import { formatMs } from '../../../viz/run/format';
import { seconds } from '../../../viz/views/durationWords';
import { DataTable, type Column } from '../../table/DataTable';
import { attemptReasonText } from '../../../viz/run/attemptText';
import { i18n } from '../../../i18n/i18n';

// A simulated instant as the labs' sentences and checks say it ("finishes in 70.15 s", "takes 10 min 37 s").
const time = (ms: number | null) => (ms === null ? 'N/A' : seconds(ms));
const span = (ms: number | null) => (ms === null ? 'N/A' : formatMs(ms));
const shown = (a: HistoryAttempt | null) => a;
/** The attempt a task's row speaks for: the successful one, else the last one started. */
const lead = (x: HistoryTask) => x.successful ?? x.attempts[x.attempts.length - 1] ?? null;

function reduceColumns<R>(of: (r: R) => HistoryAttempt | null): Column<R>[] {
  return [
    {
      id: 'shuffleFinished',
      header: 'Shuffle Finish Time',
      numeric: true,
      value: (r) => of(r)?.shuffleFinished ?? null,
      render: (r) => time(of(r)?.shuffleFinished ?? null),
    },
    {
      id: 'mergeFinished',
      header: 'Merge Finish Time',
      numeric: true,
      value: (r) => of(r)?.mergeFinished ?? null,
      render: (r) => time(of(r)?.mergeFinished ?? null),
    },
    {
      id: 'elapsedShuffle',
      header: 'Elapsed Time Shuffle',
      title: i18n.t('run:hadoop.tip.elapsedShuffle'),
      numeric: true,
      value: (r) => of(r)?.elapsedShuffle ?? null,
      render: (r) => span(of(r)?.elapsedShuffle ?? null),
    },
    {
      id: 'elapsedMerge',
      header: 'Elapsed Time Merge',
      title: i18n.t('run:hadoop.tip.elapsedMerge'),
      numeric: true,
      value: (r) => of(r)?.elapsedMerge ?? null,
      render: (r) => span(of(r)?.elapsedMerge ?? null),
    },
    {
      id: 'elapsedReduce',
      header: 'Elapsed Time Reduce',
      title: i18n.t('run:hadoop.tip.elapsedReduce'),
      numeric: true,
      value: (r) => of(r)?.elapsedReduce ?? null,
      render: (r) => span(of(r)?.elapsedReduce ?? null),
    },
  ];
}

export function HistoryTasks({ tasks, kind }: { tasks: HistoryTask[]; kind: 'map' | 'reduce' }) {
  const { t } = useTranslation('run');
  const [open, setOpen] = useState<string | null>(null);
  const picked = tasks.find((x) => x.taskId === open) ?? null;
  const what = kind === 'map' ? 'Map' : 'Reduce';
  const columns: Column<HistoryTask>[] = [
    {
      id: 'task',
      header: 'Task',
      value: (x) => x.taskId,
      render: (x) => (
        <button
          type="button"
          className="link-button mono"
          aria-expanded={open === x.taskId}
          title={t('history.showAttempts')}
          onClick={() => setOpen(open === x.taskId ? null : x.taskId)}
        >
          {x.taskId}
        </button>
      ),
    },
    { id: 'state', header: 'State', value: (x) => x.state },
    {
      id: 'node',
      header: 'Node',
      title: t('history.nodeTitle'),
      value: (x) => lead(x)?.node ?? null,
    },
    { id: 'attempts', header: 'Attempts', numeric: true, value: (x) => x.attempts.length },
    { id: 'start', header: 'Start Time', numeric: true, value: (x) => x.start, render: (x) => time(x.start) },
    { id: 'finish', header: 'Finish Time', numeric: true, value: (x) => x.finish, render: (x) => time(x.finish) },
    { id: 'elapsed', header: 'Elapsed Time', numeric: true, value: (x) => x.elapsed, render: (x) => span(x.elapsed) },
    ...(kind === 'reduce' ? reduceColumns<HistoryTask>((x) => shown(x.successful)) : []),
  ];
  return (
    <div className="history-tasks">
      <DataTable
        label={t('history.tasksOf', { what })}
        columns={columns}
        rows={tasks}
        rowKey={(x) => x.taskId}
        rowClass={(x) => (x.state === 'RUNNING' ? 'running' : x.state === 'FAILED' ? 'failed' : undefined)}
        empty={t(`history.noTasks_${kind}`)}
        testId={`${kind}-tasks`}
        pageSize={50}
      />
      {picked === null ? (
        <p className="muted run-note">{t('history.pick')}</p>
      ) : (
        <section aria-label={t('history.attemptsOf', { task: picked.taskId })} className="history-attempts">
          <h4>
            {t('history.attemptsOfHead')} <span className="mono">{picked.taskId}</span>
          </h4>
          <Attempts attempts={picked.attempts} kind={kind} />
        </section>
      )}
    </div>
  );
}

export function Attempts({ attempts, kind }: { attempts: HistoryAttempt[]; kind: 'map' | 'reduce' }) {
  const { t } = useTranslation('run');
  const columns: Column<HistoryAttempt>[] = [
    {
      id: 'attempt',
      header: 'Attempt',
      value: (a) => a.attemptId,
      render: (a) => <span className="mono">{a.attemptId}</span>,
    },
    { id: 'state', header: 'State', value: (a) => a.state },
    { id: 'node', header: 'Node', value: (a) => a.node },
    { id: 'container', header: 'Container', value: (a) => (a.container === null ? null : `container_${a.container}`) },
    { id: 'start', header: 'Start Time', numeric: true, value: (a) => a.start, render: (a) => time(a.start) },
    ...(kind === 'reduce' ? reduceColumns<HistoryAttempt>((a) => a).slice(0, 2) : []),
    { id: 'finish', header: 'Finish Time', numeric: true, value: (a) => a.finish, render: (a) => time(a.finish) },
    ...(kind === 'reduce' ? reduceColumns<HistoryAttempt>((a) => a).slice(2) : []),
    { id: 'elapsed', header: 'Elapsed Time', numeric: true, value: (a) => a.elapsed, render: (a) => span(a.elapsed) },
    // Hadoop's column name; why the attempt ended in the page's language.
    {
      id: 'note',
      header: 'Note',
      title: t('hadoop.tip.note'),
      value: (a) => (a.note ? attemptReasonText(a.note) : null),
      render: (a) => (a.note ? attemptReasonText(a.note) : ''),
    },
  ];
  return (
    <DataTable
      label={t('history.attempts')}
      columns={columns}
      rows={attempts}
      rowKey={(a) => a.attemptId}
      rowClass={(a) => (a.state === 'RUNNING' ? 'running' : a.state === 'FAILED' ? 'failed' : undefined)}
      empty={t('history.noAttempt')}
      testId={`${kind}-attempts`}
    />
  );
}
