/**
 * One night of a server step's run at the playback instant, as bars of time per resource: each
 * phase (a Hadoop job's start-up, the SAN's refresh, the ETL) on one time axis with the deadline
 * as a line. A resource's outline is all the work it has in its phase, its fill what is done by
 * now; the phases are pipelined, so they fill together and the longest, the bound, is marked.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { RESOURCES, type PlatformPhase, type PlatformRun } from '../../../engine/server';
import { gbText, minutesTenthsText, minutesText, type ServerInstant } from '../../viz/server/serverAt';

/** The phase's title in the page's language (i18n.t: tests call it outside components). */
export function phaseTitle(phase: PlatformPhase, run: PlatformRun): string {
  const p = run.platform;
  const data = gbText(phase.dataGB);
  if (phase.kind === 'startup') return i18n.t('server:phase.startup', { n: phase.servers });
  if (phase.kind === 'refresh') return i18n.t('server:phase.refresh', { data });
  if (p.kind === 'san') return i18n.t('server:phase.san', { n: phase.servers, data });
  if (p.kind === 'hadoop') return i18n.t('server:phase.hadoop', { n: p.nodes, data });
  return i18n.t('server:phase.etl', { data });
}

export function NightBars({ instant, deadlineS }: { instant: ServerInstant; deadlineS: number }) {
  const { night, phaseDone, elapsedS } = instant;
  const run = night.run;
  const scale = Math.max(deadlineS, run.totalS) * 1.04;
  const pct = (s: number) => `${Math.min(100, (s / scale) * 100)}%`;
  const { t } = useTranslation('server');
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
                {done >= 1
                  ? t('phase.took', { time: minutesText(phase.endS - phase.startS) })
                  : done > 0
                    ? t('phase.running')
                    : t('phase.notStarted')}
              </span>
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">{t('phase.resource')}</th>
                <th scope="col">{t('phase.time')}</th>
                <th scope="col">{t('phase.bar')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const work = phase.seconds[r];
                const bound = r === phase.bound;
                return (
                  <tr key={r} className={bound ? 'bound' : undefined} data-resource={r}>
                    <th scope="row">{t(`resource.${r}`)}</th>
                    <td className="night-time">
                      {done >= 1 || done === 0
                        ? minutesText(work)
                        : t('phase.of', { done: minutesTenthsText(work * done), work: minutesTenthsText(work) })}
                      {bound && <span className="bound-tag">{t('phase.bound')}</span>}
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
        {t(elapsedS > deadlineS ? 'phase.axisPassed' : 'phase.axis', { time: minutesText(deadlineS) })}
      </p>
    </div>
  );
}
