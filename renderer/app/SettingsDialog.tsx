/**
 * Settings, opened from the header: the language (applied at once, see i18n/) and the time limit for the learner's code (seconds one run may
 * compute before it is stopped). Saved with progress; applies from the next Run. A modal
 * <dialog>: Esc or Cancel closes it without saving.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, parseLanguage } from '../i18n/language';
import { useAppStore } from '../state/store';
import {
  DEFAULT_TIME_LIMIT_SECONDS,
  MAX_TIME_LIMIT_SECONDS,
  MIN_TIME_LIMIT_SECONDS,
  parseTimeLimit,
} from '../state/timeLimit';
import { studentNameProblem } from '../../labs/handIn/studentName';
import { HandInButtons } from '../features/handIn/HandInButtons';
import { StudentNameField, typedNameProblem } from '../features/handIn/StudentNameField';
import './settingsDialog.css';

export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const saved = useAppStore((s) => s.progress.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS);
  const updateProgress = useAppStore((s) => s.updateProgress);
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const { t } = useTranslation(['app', 'common']);
  const [text, setText] = useState(String(saved));
  const [error, setError] = useState<'format' | 'range' | null>(null);
  const savedName = useAppStore((s) => s.progress.studentName ?? '');
  const [name, setName] = useState(savedName);
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setText(String(saved));
      setError(null);
      setName(savedName);
      setNameProblem(null);
      d.showModal();
    } else if (!open && d.open) d.close();
    // Only opening and closing reset the form; `saved` changes when the form saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  /** Closing forgets what was typed, so the dialog reopens showing the saved value from its first frame. */
  const close = () => {
    setText(String(saved));
    setError(null);
    setName(savedName);
    setNameProblem(null);
    onClose();
  };

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = parseTimeLimit(text);
    const wrongName = typedNameProblem(name, studentNameProblem);
    setNameProblem(wrongName);
    if ('error' in parsed) setError(parsed.kind);
    if ('error' in parsed || wrongName) return;
    const student = name.trim() === '' ? undefined : name;
    updateProgress(({ studentName: _old, ...p }) => ({
      ...p,
      timeLimitSeconds: parsed.seconds,
      ...(student !== undefined ? { studentName: student } : {}),
    }));
    onClose();
  };

  return (
    <dialog ref={dialog} className="settings-dialog panel" aria-labelledby={`${id}-title`} onClose={close}>
      <form onSubmit={save} noValidate>
        <h2 id={`${id}-title`}>{t('settings.title')}</h2>
        <label htmlFor={`${id}-language`}>{t('settings.language')}</label>
        {/* Applied at once (no Save needed): the dialog itself shows the new language, the typed limit stays. */}
        <select
          id={`${id}-language`}
          value={language}
          onChange={(e) => {
            const chosen = parseLanguage(e.target.value);
            if (chosen) setLanguage(chosen);
          }}
          aria-describedby={`${id}-language-help`}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <p id={`${id}-language-help`} className="muted">
          {t('settings.languageHelp')}
        </p>
        <label htmlFor={`${id}-limit`}>{t('settings.timeLimit')}</label>
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
          {t('settings.timeLimitHelp', {
            min: MIN_TIME_LIMIT_SECONDS,
            max: MAX_TIME_LIMIT_SECONDS,
            default: DEFAULT_TIME_LIMIT_SECONDS,
          })}
        </p>
        {error && (
          <p id={`${id}-error`} className="error" role="alert">
            {t(error === 'format' ? 'settings.errorFormat' : 'settings.errorRange', {
              min: MIN_TIME_LIMIT_SECONDS,
              max: MAX_TIME_LIMIT_SECONDS,
            })}
          </p>
        )}
        <StudentNameField
          value={name}
          problem={nameProblem}
          onChange={(value) => {
            setName(value);
            setNameProblem(null);
          }}
        />
        <HandInButtons onOpen={close} />
        <div className="settings-actions">
          <button type="button" className="btn" onClick={close}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="btn primary">
            {t('common:save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
