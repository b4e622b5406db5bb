/**
 * One night of a server step's run at the playback instant, as bars of time per resource: each
 * phase (a Hadoop job's start-up, the SAN's refresh, the ETL) on one time axis with the deadline
 * as a line. A resource's outline is all the work it has in its phase, its fill what is done by
 * now; the phases are pipelined, so they fill together and the longest, the bound, is marked.
 */
import { RESOURCES, type PlatformPhase, type PlatformRun } from '../../../engine/server';
import { gbText, minutesText, type ServerInstant } from '../../viz/server/serverAt';

const RESOURCE_NAME = { disk: 'Storage', memory: 'Memory', cpu: 'CPU', network: 'Network' } as const;

export function phaseTitle(phase: PlatformPhase, run: PlatformRun): string {
  const p = run.platform;
  if (phase.kind === 'startup') return `The Hadoop job starts on ${phase.servers} nodes`;
  if (phase.kind === 'refresh')
    return `Refresh: every server detached; one, attached read-write, loads the day's new rows (${gbText(phase.dataGB)})`;
  if (p.kind === 'san')
    return `The reports on ${phase.servers} servers, read-only: the busiest server's reports cover ${gbText(phase.dataGB)}`;
  if (p.kind === 'hadoop')
    return `The job on ${p.nodes} nodes: each extracts and sorts ${gbText(phase.dataGB)} and shuffles most of it to the others`;
  return `The ETL on one server: ${gbText(phase.dataGB)}`;
}

export function NightBars({ instant, deadlineS }: { instant: ServerInstant; deadlineS: number }) {
  const { night, phaseDone, elapsedS } = instant;
  const run = night.run;
  const scale = Math.max(deadlineS, run.totalS) * 1.04;
  const pct = (s: number) => `${Math.min(100, (s / scale) * 100)}%`;
  return (
    <div className="night-bars" data-testid="night-bars">
      {run.phases.map((phase, i) => {
        const done = phaseDone[i]!;
        const rows = phase.kind === 'startup' ? [] : RESOURCES;
        return (
          <table key={i} className="night-phase" data-phase={phase.kind}>
            <caption>
              {phaseTitle(phase, run)}
              <span className="muted">
                {' '}
                · {done >= 1 ? `took ${minutesText(phase.endS - phase.startS)}` : done > 0 ? 'running' : 'not started'}
              </span>
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Time</th>
                <th scope="col">Bar</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const work = phase.seconds[r];
                const bound = r === phase.bound;
                return (
                  <tr key={r} className={bound ? 'bound' : undefined} data-resource={r}>
                    <th scope="row">{RESOURCE_NAME[r]}</th>
                    <td className="night-time">
                      {done >= 1 || done === 0
                        ? minutesText(work)
                        : `${minutesText(work * done)} of ${minutesText(work)}`}
                      {bound && <span className="bound-tag"> bound</span>}
                    </td>
                    <td className="night-track" aria-hidden="true">
                      <span className="night-work" style={{ left: pct(phase.startS), width: pct(work) }} />
                      <span className="night-done" style={{ left: pct(phase.startS), width: pct(work * done) }} />
                      <span className="night-deadline" style={{ left: pct(deadlineS) }} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
      <p className="muted night-axis">
        Bars on one time axis from the night&apos;s start; the red line is the {minutesText(deadlineS)} deadline
        {elapsedS > deadlineS ? ', already passed.' : '.'}
      </p>
    </div>
  );
}
