/**
 * Settings, opened from the header: the time limit for the learner's code (seconds one run may
 * compute before it is stopped). Saved with progress; applies from the next Run. A modal
 * <dialog>: Esc or Cancel closes it without saving.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore } from '../state/store';
import {
  DEFAULT_TIME_LIMIT_SECONDS,
  MAX_TIME_LIMIT_SECONDS,
  MIN_TIME_LIMIT_SECONDS,
  parseTimeLimit,
} from '../state/timeLimit';
import './settingsDialog.css';

export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const saved = useAppStore((s) => s.progress.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS);
  const updateProgress = useAppStore((s) => s.updateProgress);
  const [text, setText] = useState(String(saved));
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setText(String(saved));
      setError(null);
      d.showModal();
    } else if (!open && d.open) d.close();
    // Only opening and closing reset the form; `saved` changes when the form saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  /** Closing forgets what was typed, so the dialog reopens showing the saved value from its first frame. */
  const close = () => {
    setText(String(saved));
    setError(null);
    onClose();
  };

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = parseTimeLimit(text);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    updateProgress((p) => ({ ...p, timeLimitSeconds: parsed.seconds }));
    onClose();
  };

  return (
    <dialog ref={dialog} className="settings-dialog panel" aria-labelledby={`${id}-title`} onClose={close}>
      <form onSubmit={save} noValidate>
        <h2 id={`${id}-title`}>Settings</h2>
        <label htmlFor={`${id}-limit`}>Time limit for your code (seconds)</label>
        <input
          id={`${id}-limit`}
          type="number"
          inputMode="numeric"
          min={MIN_TIME_LIMIT_SECONDS}
          max={MAX_TIME_LIMIT_SECONDS}
          step={1}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          aria-invalid={error !== null}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-help`} className="muted">
          How long one run of your job may compute before it is stopped ({MIN_TIME_LIMIT_SECONDS}–
          {MAX_TIME_LIMIT_SECONDS} s, default {DEFAULT_TIME_LIMIT_SECONDS} s). A loop still running just before the
          limit is reported with its line. The limit is real time for the whole run (your code and simulating the
          cluster), not the simulated seconds on the timeline.
        </p>
        {error && (
          <p id={`${id}-error`} className="error" role="alert">
            {error}
          </p>
        )}
        <div className="settings-actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
