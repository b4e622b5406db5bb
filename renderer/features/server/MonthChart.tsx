/**
 * A growth run's nights month by month: one bar per month, as tall as its night took, drawn once
 * the playback has reached it (the running month grows with the clock); the deadline is a line.
 * Each bar is a button that moves the playback to the start of its night.
 */
import { useTranslation } from 'react-i18next';
import type { ServerRunReport } from '../../../labs/labTypes';
import { gbText, minutesText, type ServerInstant } from '../../viz/server/serverAt';

export function MonthChart({
  report,
  instant,
  onSeek,
}: {
  report: ServerRunReport;
  instant: ServerInstant;
  onSeek(t: number): void;
}) {
  const deadlineS = report.deadlineMs / 1000;
  const scale = Math.max(deadlineS * 1.25, ...report.nights.map((n) => n.run.totalS));
  const labelEvery = report.nights.length <= 16 ? 1 : 4;
  const { t } = useTranslation('server');
  return (
    <figure className="month-chart" data-testid="month-chart">
      <div className="month-bars" role="group" aria-label={t('month.group')}>
        <span className="month-deadline" style={{ bottom: `${(deadlineS / scale) * 100}%` }} aria-hidden="true">
          <span>{t('month.deadline', { time: minutesText(deadlineS) })}</span>
        </span>
        {report.nights.map((n, i) => {
          const played = i < instant.nightsDone;
          const running = i === instant.nightIndex && !played;
          const shownS = played ? n.run.totalS : running ? instant.elapsedS : 0;
          const state = played ? (n.meets ? 'meets' : 'misses') : running ? 'running' : 'waiting';
          const what = played
            ? t(n.meets ? 'month.within' : 'month.misses', { time: minutesText(n.run.totalS) })
            : running
              ? t('month.running', { time: minutesText(shownS) })
              : t('month.waiting');
          const label = t('month.bar', { month: n.month, data: gbText(n.dataGB), what });
          return (
            <button
              key={i}
              type="button"
              className={`month-bar ${state}`}
              data-state={state}
              aria-label={label}
              title={label}
              onClick={() => onSeek(n.startMs)}
            >
              <span className="month-fill" style={{ height: `${Math.min(100, (shownS / scale) * 100)}%` }} />
            </button>
          );
        })}
      </div>
      <div className="month-labels" aria-hidden="true">
        {report.nights.map((n, i) => (
          <span key={i}>{i % labelEvery === 0 ? gbText(n.dataGB).replace(' GB', '') : ''}</span>
        ))}
      </div>
      <figcaption className="muted">{t('month.caption')}</figcaption>
    </figure>
  );
}
