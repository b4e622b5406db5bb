/**
 * What a pipeline step's run shows: what became of the events (displayed, pending, lost) with the
 * latency from the client to the display, and each part's figures on its machine.
 */
import type { PipelineRunReport } from '../../../labs/labTypes';
import './pipeline.css';

const n = (v: number) => v.toLocaleString('en-US');
export const msText = (ms: number) =>
  ms < 1000
    ? `${Math.round(ms)} ms`
    : ms < 60_000
      ? `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
      : `${(ms / 60_000).toFixed(1)} min`;

export function PipelineRunView({ report }: { report: PipelineRunReport }) {
  const { result } = report;
  const s = result.summary;
  const resenders = result.parts.filter((p) => (p.resent ?? 0) > 0);
  return (
    <div className="run-area pipeline-run" data-testid="pipeline-run">
      <p className="pipeline-verdict" data-testid="pipeline-summary">
        {n(s.displayed)} of {n(s.produced)} events displayed
        {s.pending > 0 ? `, ${n(s.pending)} still on their way` : ''}
        {s.lost > 0 ? `, ${n(s.lost)} lost` : ''} after {msText(result.simulatedMs)} simulated
        {result.ended === 'time limit' ? ' (the run reached its time limit)' : ''}.
        {s.latencyMs &&
          ` From client to display: median ${msText(s.latencyMs.p50)}, 95% within ${msText(s.latencyMs.p95)}, the slowest ${msText(s.latencyMs.max)}.`}
      </p>
      {resenders.length > 0 && (
        <p className="pipeline-resent" data-testid="pipeline-resent">
          Sent again after a refusal (the part they feed was down, cut off or full):{' '}
          {resenders.map((p) => `${n(p.resent ?? 0)} copies by ${p.id}`).join('; ')}.
        </p>
      )}
      {/* It scrolls sideways in a narrow pane: a tab stop, so the keyboard can scroll it too. */}
      <div className="table-scroll" role="region" aria-label="Each part of the pipeline" tabIndex={0}>
        <table className="pipeline-parts" data-testid="pipeline-parts">
          <caption>Each part of the pipeline</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Kind</th>
              <th scope="col">Machine</th>
              <th scope="col">Took in</th>
              <th scope="col">Handed on</th>
              <th scope="col">Refused</th>
              <th scope="col">Dropped</th>
              <th scope="col">Busy</th>
              <th scope="col">Down</th>
            </tr>
          </thead>
          <tbody>
            {result.parts.map((p) => (
              <tr key={p.id} data-part={p.id}>
                <th scope="row">{p.id}</th>
                <td>{p.label}</td>
                <td>{p.node ?? 'outside'}</td>
                <td>{n(p.received)}</td>
                <td>{n(p.delivered)}</td>
                <td>{n(p.refused)}</td>
                <td>{n(p.dropped)}</td>
                <td>{msText(p.busyMs)}</td>
                <td>{p.downMs > 0 ? msText(p.downMs) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
