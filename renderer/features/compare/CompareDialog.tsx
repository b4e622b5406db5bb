/**
 * Two runs of one lab step (or of the sandbox) side by side on one playback clock: pick any two
 * of the session's runs, read the difference summary (simulated time, bytes read remotely,
 * bytes shuffled, tasks, retries) and what changed in the code, then play both at once. Each
 * side shows its cluster map and its run pictures; a run that ended earlier stays at its end.
 * A modal <dialog> (CompareHost.tsx places it): Esc or Close closes it; Ctrl/Cmd+Enter and Esc
 * stay inside it (they do not run or stop the step behind it).
 */
import { useTranslation } from 'react-i18next';
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { KeptRun } from '../../state/runHistory';
import { runDifference } from '../../viz/compare/runDifference';
import { RunDifferenceTable } from './RunDifferenceTable';
import { CodeChanges } from './CodeChanges';
import { ComparePlayback } from './ComparePlayback';
import { runLabel } from './runLabel';
import './compare.css';

export interface CompareDialogProps {
  runs: readonly KeptRun[];
  /** The run numbers first shown as A and B. */
  initial: [number, number];
  onClose(): void;
}

export function CompareDialog({ runs, initial, onClose }: CompareDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const { t, i18n } = useTranslation('compare');
  const [numA, setA] = useState(initial[0]);
  const [numB, setB] = useState(initial[1]);
  // A run dropped from the kept ones (past MAX_KEPT) falls back to the oldest / newest kept.
  const a = runs.find((r) => r.number === numA) ?? runs[0]!;
  const b = runs.find((r) => r.number === numB) ?? runs[runs.length - 1]!;

  useLayoutEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    closeButton.current?.focus();
  }, []);

  // The rows' words are read in the page's language: made again when it changes.
  const language = i18n.language;
  const rows = useMemo(
    () => runDifference({ report: a.report, nodes: a.nodes.length }, { report: b.report, nodes: b.nodes.length }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the language is read inside (i18n.t)
    [a, b, language],
  );
  const nameA = t('run', { n: a.number });
  const nameB = t('run', { n: b.number });
  // The shortcuts of the page behind (Run, Stop) must not fire from inside the dialog.
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.stopPropagation();
  };

  return (
    <dialog
      ref={dialog}
      className="compare-dialog panel"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onKeyDown={onKeyDown}
      data-testid="compare-dialog"
    >
      <header className="compare-head">
        <h2 id={`${id}-title`}>{t('title')}</h2>
        <RunPicker label={t('runA')} runs={runs} value={a.number} onChange={setA} />
        <RunPicker label={t('runB')} runs={runs} value={b.number} onChange={setB} />
        <span className="spacer" />
        <button type="button" className="btn" ref={closeButton} onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </header>
      {runs.length === 1 ? (
        <p className="notice" data-testid="compare-only-run">
          {t('only')}
        </p>
      ) : (
        a.number === b.number && <p className="notice">{t('sameRun')}</p>
      )}
      {a.report.kind !== b.report.kind && (
        <p className="muted">
          {t('kinds', {
            a: nameA,
            b: nameB,
            kindA: t(`kind_${a.report.kind}`),
            kindB: t(`kind_${b.report.kind}`),
          })}
        </p>
      )}
      <div className="compare-top">
        <RunDifferenceTable rows={rows} a={nameA} b={nameB} />
        <div className="compare-notes">
          <CodeChanges a={a.source} b={b.source} labelA={nameA} labelB={nameB} />
          {a.setting !== b.setting && (
            <p className="muted" data-testid="compare-setting">
              {t('settings', { a: nameA, b: nameB, settingA: a.setting, settingB: b.setting })}
            </p>
          )}
        </div>
      </div>
      {/* Keyed by the pair: a new pair starts at 0 with a speed fitted to its length. */}
      <ComparePlayback key={`${a.number}/${b.number}`} a={a} b={b} nameA={nameA} nameB={nameB} />
    </dialog>
  );
}

function RunPicker({
  label,
  runs,
  value,
  onChange,
}: {
  label: string;
  runs: readonly KeptRun[];
  value: number;
  onChange(n: number): void;
}) {
  return (
    <label className="compare-pick">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {runs.map((r) => (
          <option key={r.number} value={r.number}>
            {runLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
