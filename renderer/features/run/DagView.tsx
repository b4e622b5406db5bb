/**
 * The job's stage DAG (d3, SVG): stages with task progress at time t, shuffle (wide) and narrow
 * dependencies, skipped stages. Selecting a stage (click, Enter or Space) lists its task attempts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunView } from '../../viz/run/runViewTypes';
import { layoutDag } from '../../viz/run/dagLayout';
import { drawDag } from '../../viz/run/drawDag';
import { stageProgressAt } from '../../viz/run/runStages';
import { formatMs } from '../../viz/run/format';
import { plural } from '../../../labs/plural';

const MAX_ROWS = 200;

export function DagView({ view, t }: { view: RunView; t: number }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const layout = useMemo(() => layoutDag(view.stages, view.edges), [view]);
  useEffect(() => {
    if (svgRef.current)
      drawDag(svgRef.current, view, layout, t, selected, (id) => setSelected((cur) => (cur === id ? null : id)));
  }, [view, layout, t, selected]);
  const stage = view.stages.find((s) => s.id === selected) ?? null;
  const attempts = stage ? stage.bars.map((i) => view.bars[i]!).filter((b) => b.start <= t) : [];
  const progress = stage ? stageProgressAt(stage, view.bars, t) : null;
  return (
    <div className="run-dag">
      <div className="legend run-legend" aria-label="DAG legend">
        <span className="run-key wide">wide dependency (shuffle)</span>
        <span className="run-key narrow">
          narrow dependency{view.kind === 'mapreduce' ? ' (next job reads the output in HDFS)' : ''}
        </span>
        <span className="run-key skipped">skipped stage</span>
        <span style={{ ['--swatch' as string]: 'var(--ok)' }}>tasks done</span>
        <span style={{ ['--swatch' as string]: 'var(--accent)' }}>tasks running</span>
      </div>
      {view.edgesInferred && (
        <p className="muted run-note">
          Stage dependencies inferred from timing: this trace does not name each stage’s parents.
        </p>
      )}
      <div className="run-dag-host">
        <svg
          ref={svgRef}
          className="run-dag-svg"
          role="group"
          aria-label={`Job DAG: ${plural(view.stages.length, 'stage')}. Tab to a stage and press Enter to list its tasks.`}
          data-testid="run-dag"
        />
      </div>
      {stage && progress && (
        <section className="run-stage-tasks" aria-label={`Tasks of ${stage.label}`}>
          <h3>
            {stage.label}: {progress.state}, {progress.done}/{plural(progress.total, 'task')} done, {progress.running}{' '}
            running
          </h3>
          {attempts.length === 0 ? (
            <p className="muted">
              {stage.skipped
                ? 'Skipped: the shuffle output this stage would write still exists, so Spark reuses it.'
                : 'No attempt has started yet.'}
            </p>
          ) : (
            <div className="run-table-host">
              <table className="grid">
                <thead>
                  <tr>
                    <th scope="col">Task</th>
                    <th scope="col">Attempt</th>
                    <th scope="col">Node</th>
                    <th scope="col">Locality</th>
                    <th scope="col">Start</th>
                    <th scope="col">Duration</th>
                    <th scope="col">Status</th>
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
                          {b.speculative ? ' (speculative)' : ''}
                        </td>
                        <td>{b.executor !== b.node && view.kind === 'spark' ? `${b.node} / ${b.executor}` : b.node}</td>
                        <td>{b.locality}</td>
                        <td className="num">{formatMs(b.start)}</td>
                        <td className="num">{formatMs(Math.min(b.end, t) - b.start)}</td>
                        <td className={`status ${status}`} title={b.reason ?? undefined}>
                          {status}
                          {b.reason && b.end <= t ? `: ${b.reason}` : ''}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {attempts.length > MAX_ROWS && (
                <p className="muted">
                  First {MAX_ROWS} of {attempts.length.toLocaleString('en')} attempts.
                </p>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
