/**
 * A lab step's editor pane (LabPage.tsx): Run (also Ctrl/Cmd+Enter anywhere on the page), Stop,
 * Reset, what kind of code the step takes, the last run's error with its line marked in the
 * editor, and the editor itself (read only for a reference solution).
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabStep } from '../../../labs/labTypes';
import { stepFileName } from '../../../labs/runStep';
import type { SavedError } from '../../state/progress';
import { LazyCodeEditor } from '../editor/LazyCodeEditor';
import { StopButton } from './RunStatus';
import { activeLanguage } from '../../i18n/activeLocale';
import { runErrorText } from '../../i18n/runErrorText';

export function LabEditorPanel({
  step,
  reference,
  settings,
  running,
  source,
  onChange,
  onRun,
  onStop,
  onReset,
  error,
  fromSave,
  panelRef,
  replaced = null,
}: {
  step: LabStep;
  /** A reference solution: read only, no Reset. */
  reference: boolean;
  /** A settings step: its code is JSON. */
  settings: boolean;
  running: boolean;
  source: string;
  onChange(value: string): void;
  onRun(): void;
  onStop(): void;
  onReset(): void;
  /** The last run's error (this session's, or saved with the step: `fromSave`). */
  error: SavedError | null;
  fromSave: boolean;
  panelRef: RefObject<HTMLDivElement | null>;
  /** Another tab's newer save replaced this editor's text: put it back, or keep the other tab's. */
  replaced?: { restore(): void; dismiss(): void } | null;
}) {
  const { t } = useTranslation('lab');
  const { t: tp } = useTranslation('practice');
  useRunShortcut(onRun);
  const markers = useMemo(
    () => (error?.line ? [{ line: error.line, column: error.column, message: error.message }] : []),
    [error],
  );
  const language = settings
    ? 'json'
    : /:\s*(string|number|SparkContext|MapReduceJob)\b|satisfies\s/.test(step.starter)
      ? 'typescript'
      : 'javascript';
  return (
    <div className="panel editor-panel" id="editor-pane" ref={panelRef}>
      <div className="toolbar">
        <button
          type="button"
          className="btn primary"
          onClick={onRun}
          disabled={running}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {t('run')}
        </button>
        <StopButton running={running} onStop={onStop} />
        <span className="muted kbd-hint">{t('runShortcut')}</span>
        {!reference && (
          <button type="button" className="btn" onClick={onReset} title={t('resetStepTitle')}>
            {t('resetStep')}
          </button>
        )}
        {/* The hint fills the line's free space and is cut short (its title holds it whole) rather
            than push the toolbar onto a second line: in German at 1024 px that line cost the
            editor two lines of code. */}
        <span className="muted kbd-hint tab-focus-hint" title={t('tabFocusHint')}>
          {t('tabFocus')}
        </span>
        <span className="muted editor-kind">
          {/* A stream step whose consumer is a Spark query says so. */}
          {step.kind === 'stream' && /\breadStream\b/.test(step.starter)
            ? t('editorKind.structured')
            : t(`editorKind.${step.kind}`)}
        </span>
      </div>
      {replaced && (
        <div className="editor-replaced" role="status" data-testid="code-replaced">
          <span>{t('replacedByOtherTab')}</span>
          <button type="button" className="btn small" onClick={replaced.restore}>
            {t('replacedRestore')}
          </button>
          <button type="button" className="btn small" onClick={replaced.dismiss}>
            {t('replacedKeep')}
          </button>
        </div>
      )}
      {error && !running && (
        <p className="error editor-error" role="alert" data-testid="run-error">
          {fromSave ? t('lastRunPrefix') : ''}
          {runErrorText(error.message, activeLanguage())}
        </p>
      )}
      <div className="editor-host lab-editor">
        <LazyCodeEditor
          value={source}
          onChange={onChange}
          onRun={onRun}
          language={language}
          fileName={stepFileName(step)}
          ariaLabel={
            reference ? tp('reference.codeLabel', { title: step.title }) : t('codeLabel', { title: step.title })
          }
          markers={markers}
          readOnly={reference}
        />
      </div>
    </div>
  );
}

/** Ctrl/Cmd+Enter outside the editor runs too (the editor has its own); installed once, calling the latest `onRun`. */
function useRunShortcut(onRun: () => void): void {
  const onRunRef = useRef(onRun);
  useEffect(() => {
    onRunRef.current = onRun;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        (e.ctrlKey || e.metaKey) &&
        e.key === 'Enter' &&
        !(e.target instanceof Element && e.target.closest('.monaco-editor'))
      ) {
        e.preventDefault();
        onRunRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
