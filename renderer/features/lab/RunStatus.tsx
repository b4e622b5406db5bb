/**
 * What a run is doing, for the lab page and the sandbox: while it computes, a determinate bar of
 * tasks done of total ("Computing map tasks: 5 of 9"), then "Simulating the cluster…"; after a
 * stop, "Run stopped.". StopButton sits next to Run: it and Esc stop the running job.
 */
import { useEffect } from 'react';
import type { RunProgress } from '../../bridge/engineProtocol';
import './runStatus.css';

/** The sentence for a run's progress. */
export function progressText(progress: RunProgress | null, what: string): string {
  if (!progress) return `Starting your ${what}…`;
  const prefix =
    progress.runs > 1 ? `Run ${progress.run} of ${progress.runs} (${progress.runLabel ?? `your ${what}`}): ` : '';
  switch (progress.phase) {
    case 'starting':
      return `${prefix}Loading your ${what} into the sandbox…`;
    case 'map':
      return `${prefix}Computing map tasks: ${progress.done} of ${progress.total}`;
    case 'reduce':
      return `${prefix}Computing reduce tasks: ${progress.done} of ${progress.total}`;
    case 'spark':
      return progress.job
        ? `${prefix}Spark ${progress.job}: ${progress.done} of ${progress.total} partitions computed`
        : `${prefix}Running your Spark driver program…`;
    case 'kafka':
      return `${prefix}Running your producers and consumers against the simulated Kafka…`;
    case 'checking':
      return `${prefix}Running the lab's checks on your run…`;
    case 'simulating':
      return `${prefix}Simulating the cluster…`;
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
  /** 'job' or 'settings'. */
  what: string;
}) {
  if (!running) {
    return stopped ? (
      <p className="run-stopped" role="status">
        Run stopped.
      </p>
    ) : null;
  }
  const text = progressText(progress, what);
  const determinate = progress !== null && progress.total > 0;
  const percent = determinate ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <div className="run-status" role="status" aria-label="Running">
      <div
        className={`run-progress${determinate ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={determinate ? progress.total : undefined}
        aria-valuenow={determinate ? progress.done : undefined}
        aria-valuetext={text}
      >
        {/* Keyed by mode: the sliding bar must not animate into the first count. */}
        <div key={determinate ? 'count' : 'slide'} style={determinate ? { width: `${percent}%` } : undefined} />
      </div>
      <span className="run-progress-text" data-testid="run-progress">
        {text}
      </span>
    </div>
  );
}

/** The Stop button; while `running`, Esc anywhere on the page (the editor too) stops as well. */
export function StopButton({ running, onStop }: { running: boolean; onStop: () => void }) {
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
      title="Stop the run (Esc)"
    >
      ■ Stop
    </button>
  );
}
