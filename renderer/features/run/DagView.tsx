/**
 * The stage DAG (d3, SVG, laid out by dagre): stages with their RDD operations and task progress
 * at time t, shuffle (wide) and narrow dependencies, skipped stages greyed. A Spark program with
 * several jobs shows one job at a time, as Spark's UI does: the job running at the playback
 * instant, or the one picked in the job list. The drawing is scaled to fit the panel's width.
 * Selecting a stage (click, Enter or Space) lists its task attempts.
 */
import { useTranslation } from 'react-i18next';
import { count as formatCount } from '../../i18n/numberFormat';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunView, SparkJobView } from '../../viz/run/runViewTypes';
import { layoutDag } from '../../viz/run/dagLayout';
import { drawDag } from '../../viz/run/drawDag';
import { stageProgressAt } from '../../viz/run/runStages';
import { stageFailureText } from '../../viz/run/fetchFailures';
import { attemptReasonText, attemptStatusText } from '../../viz/run/attemptText';
import { formatMs, formatTime } from '../../viz/run/format';
import { useElementWidth } from './useElementWidth';
import { DagJobBar } from './DagJobBar';
import './dag.css';

const MAX_ROWS = 200;
const FOLLOW = 'follow';

/** The job running at t (the last one submitted by t), else the first. */
export function jobAt(jobs: readonly SparkJobView[], t: number): SparkJobView | null {
  let current: SparkJobView | null = jobs[0] ?? null;
  for (const j of jobs) if (j.submittedAt <= t) current = j;
  return current;
}

export function DagView({ view, t }: { view: RunView; t: number }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [hostRef, hostWidth] = useElementWidth<HTMLDivElement>();
  const [selected, setSelected] = useState<string | null>(null);
  const [choice, setChoice] = useState<string>(FOLLOW);
  const job =
    view.jobs.length === 0
      ? null
      : choice === FOLLOW
        ? jobAt(view.jobs, t)
        : (view.jobs.find((j) => j.id === choice) ?? null);
  const jobId = job?.id ?? null;
  const [hideSkipped, setHideSkipped] = useState(false);
  const { t: text } = useTranslation('run');
  const jobStages = useMemo(() => {
    if (!jobId) return view.stages;
    const ids = new Set(view.jobs.find((j) => j.id === jobId)?.stages ?? []);
    return view.stages.filter((s) => ids.has(s.id));
  }, [view, jobId]);
  const shown = useMemo(() => {
    const stages = hideSkipped ? jobStages.filter((s) => !s.skipped) : jobStages;
    const ids = new Set(stages.map((s) => s.id));
    return { stages, edges: view.edges.filter((e) => ids.has(e.from) && ids.has(e.to)) };
  }, [view, jobStages, hideSkipped]);
  const layout = useMemo(() => layoutDag(shown.stages, shown.edges), [shown]);
  const scale = Math.min(1, Math.max(0.1, (hostWidth - 2) / layout.width));
  useEffect(() => {
    if (svgRef.current)
      drawDag(svgRef.current, view, shown.stages, layout, t, selected, (id) =>
        setSelected((cur) => (cur === id ? null : id)),
      );
  }, [view, shown, layout, t, selected]);
  const runningAll = view.stages.reduce((n, s) => n + stageProgressAt(s, view.bars, t).running, 0);
  const stage = view.stages.find((s) => s.id === selected) ?? null;
  const attempts = stage ? stage.bars.map((i) => view.bars[i]!).filter((b) => b.start <= t) : [];
  const progress = stage ? stageProgressAt(stage, view.bars, t) : null;
  return (
    <div className="run-dag" data-running-tasks={runningAll} data-job={job?.index ?? ''} data-jobs={view.jobs.length}>
      {job && (
        <DagJobBar
          jobs={view.jobs}
          job={job}
          follow={choice === FOLLOW}
          stages={jobStages}
          hideSkipped={hideSkipped}
          onHideSkipped={setHideSkipped}
          view={view}
          t={t}
          onChoose={(id) => {
            setChoice(id ?? FOLLOW);
            setSelected(null);
          }}
        />
      )}
      <div className="legend run-legend" aria-label={text('dag.legend')}>
        <span className="run-key wide">{text('dag.wide')}</span>
        <span className="run-key narrow">{view.kind === 'mapreduce' ? text('dag.narrowMr') : text('dag.narrow')}</span>
        <span className="run-key skipped">{text('dag.skipped')}</span>
        {view.kind === 'spark' && <span className="run-key cached-rdd">{text('dag.cached')}</span>}
        <span style={{ ['--swatch' as string]: 'var(--ok)' }}>{text('dag.done')}</span>
        <span style={{ ['--swatch' as string]: 'var(--accent)' }}>{text('dag.running')}</span>
      </div>
      <div className="run-dag-host" ref={hostRef}>
        <svg
          ref={svgRef}
          className="run-dag-svg"
          role="group"
          width={Math.round(layout.width * scale)}
          height={Math.round(layout.height * scale)}
          aria-label={
            job
              ? text('dag.labelJob', { job: job.label, stages: text('jobs.stages', { count: shown.stages.length }) })
              : text('dag.label', { stages: text('jobs.stages', { count: shown.stages.length }) })
          }
          data-testid="run-dag"
        />
      </div>
      {stage && progress && (
        <section className="run-stage-tasks" aria-label={text('dag.tasksOf', { stage: stage.label })}>
          <h3>
            {text('dag.stageHead', {
              stage: stage.label,
              state: progress.state,
              done: progress.done,
              total: text('dag.tasks', { count: progress.total }),
              running: progress.running,
            })}
          </h3>
          {(stage.failures ?? [])
            .filter((f) => f.at <= t)
            .map((f) => (
              <p key={f.attempt} className="stage-failure">
                {text('dag.stageFailure', { text: stageFailureText(f, t), reason: attemptReasonText(f.reason) })}
              </p>
            ))}
          {attempts.length === 0 ? (
            <p className="muted">{stage.skipped ? text('dag.skippedNote') : text('dag.noAttempt')}</p>
          ) : (
            <div className="run-table-host">
              <table className="grid">
                <thead>
                  <tr>
                    <th scope="col">{text('dag.task')}</th>
                    <th scope="col">{text('dag.attempt')}</th>
                    <th scope="col">{text('dag.node')}</th>
                    <th scope="col">{text('dag.locality')}</th>
                    <th scope="col">{text('dag.start')}</th>
                    <th scope="col">{text('dag.duration')}</th>
                    <th scope="col">{text('dag.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {attempts.slice(0, MAX_ROWS).map((b) => {
                    const status = b.end > t ? 'running' : b.status;
                    return (
                      <tr key={b.index}>
                        <td>{b.task}</td>
                        <td>
                          {b.attempt}
                          {b.speculative ? text('dag.speculative') : ''}
                        </td>
                        <td>{b.executor !== b.node && view.kind === 'spark' ? `${b.node} / ${b.executor}` : b.node}</td>
                        <td>{b.locality}</td>
                        <td className="num">{formatTime(b.start)}</td>
                        <td className="num">{formatMs(Math.min(b.end, t) - b.start)}</td>
                        <td className={`status ${status}`} title={b.reason ? attemptReasonText(b.reason) : undefined}>
                          {attemptStatusText(status)}
                          {b.reason && b.end <= t ? `: ${attemptReasonText(b.reason)}` : ''}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {attempts.length > MAX_ROWS && (
                <p className="muted">
                  {text('dag.firstRows', { rows: MAX_ROWS, count: formatCount(attempts.length) })}
                </p>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
