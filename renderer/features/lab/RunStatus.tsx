/**
 * What a run is doing, for the lab page and the sandbox: while it computes, a determinate bar of
 * tasks done of total ("Computing map tasks: 5 of 9"), then "Simulating the cluster…"; after a
 * stop, "Run stopped.". StopButton sits next to Run: it and Esc stop the running job.
 */
import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RunProgress } from '../../bridge/engineProtocol';
import { count } from '../../i18n/numberFormat';
import './runStatus.css';

/** The sentence for a run's progress. */
export type RunWhat = 'job' | 'settings' | 'program';

/** The sentence for a run's progress, in the language of `t` (the lab namespace). */
export function progressText(progress: RunProgress | null, what: RunWhat, t: TFunction<'lab'>): string {
  if (!progress) return t(`status.starting_${what}`);
  const counts = { done: count(progress.done), total: count(progress.total) };
  const prefix =
    progress.runs > 1
      ? t('status.prefix', {
          run: progress.run,
          runs: progress.runs,
          label: progress.runLabel ?? t(`status.yours_${what}`),
        })
      : '';
  switch (progress.phase) {
    case 'starting':
      return prefix + t(`status.loading_${what}`);
    case 'map':
      return prefix + t('status.map', counts);
    case 'reduce':
      return prefix + t('status.reduce', counts);
    case 'spark':
      return prefix + (progress.job ? t('status.sparkJob', { job: progress.job, ...counts }) : t('status.sparkDriver'));
    case 'kafka':
      return prefix + t('status.kafka');
    case 'checking':
      return prefix + t('status.checking');
    case 'simulating':
      return prefix + t('status.simulating');
  }
}

export function RunStatus({
  running,
  stopped,
  progress,
  what,
}: {
  running: boolean;
  stopped: boolean;
  progress: RunProgress | null;
  what: RunWhat;
}) {
  const { t } = useTranslation('lab');
  if (!running) {
    return stopped ? (
      <p className="run-stopped" role="status">
        {t('status.stopped')}
      </p>
    ) : null;
  }
  const text = progressText(progress, what, t);
  const determinate = progress !== null && progress.total > 0;
  const percent = determinate ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <div className="run-status" role="status" aria-label={t('status.running')}>
      <div
        className={`run-progress${determinate ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-label={t('status.progress')}
        aria-valuemin={0}
        aria-valuemax={determinate ? progress.total : undefined}
        aria-valuenow={determinate ? progress.done : undefined}
        aria-valuetext={text}
      >
        {/* Keyed by mode: the sliding bar must not animate into the first count. Filled by scaling
            (runStatus.css), without a transition: the page lays nothing out for it, and draws one
            frame per count while the run computes on the same cores. */}
        <div
          key={determinate ? 'count' : 'slide'}
          style={determinate ? { transform: `scaleX(${percent / 100})` } : undefined}
        />
      </div>
      <span className="run-progress-text" data-testid="run-progress">
        {text}
      </span>
    </div>
  );
}

/** The Stop button; while `running`, Esc anywhere on the page (the editor too) stops as well. */
export function StopButton({ running, onStop }: { running: boolean; onStop: () => void }) {
  const { t } = useTranslation('lab');
  useEffect(() => {
    if (!running) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Esc in a dialog (the compare view) closes the dialog, not the run behind it.
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      e.preventDefault();
      onStop();
    };
    // Capture: the editor handles Esc itself and would not let it bubble.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [running, onStop]);
  return (
    <button
      type="button"
      className="btn stop-button"
      onClick={onStop}
      disabled={!running}
      aria-keyshortcuts="Escape"
      title={t('status.stopTitle')}
    >
      {t('status.stop')}
    </button>
  );
}
