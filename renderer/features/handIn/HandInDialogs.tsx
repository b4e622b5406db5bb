/**
 * The student's hand-in, from the app: "Hand in: export progress…" saves the progress as
 * `<name>.clusterlab` (a download, the same in the web build and the desktop app), and "Import
 * progress…" loads such a file back (on another machine): it is checked first, every problem shown
 * with its file:line:column and field, and applied only after the learner confirms, once the
 * current progress is backed up. Rendered once by the app; opened from Settings or by a file
 * opened with the desktop app (openedFiles.ts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildHandIn, handInFileName, handInText } from '../../../labs/handIn/buildHandIn';
import { studentNameProblem } from '../../../labs/handIn/studentName';
import { LABS } from '../../../labs/labRegistry';
import { desktopApi, isDesktop } from '../../bridge/desktopApi';
import { parseLanguage } from '../../i18n/language';
import { saveProgressNow } from '../../state/persistence';
import { useAppStore } from '../../state/store';
import { backupProgress, type BackupPlace } from './backupProgress';
import { useHandInDialog } from './handInDialogState';
import { applyImport, planImport, sizeProblem, type ImportPlan } from './importPlan';
import { listenForOpenedFiles, setHandInFileHandler, setOpenedFileNoticeHandler } from './openedFiles';
import { OtherNameRunsNote } from './OtherNameRunsNote';
import { StudentNameField } from './StudentNameField';
import { progressRoom } from './webStorageRoom';
import { PlanView } from './ImportPlanView';
import './handIn.css';

/** Both dialogs, and the start of the routing of files opened with the desktop app. */
export function HandInDialogs() {
  const { t } = useTranslation('handIn');
  const open = useHandInDialog((s) => s.open);
  const openings = useHandInDialog((s) => s.openings);
  useEffect(() => {
    setHandInFileHandler((name, text) => useHandInDialog.getState().openImport({ name, text }));
    setOpenedFileNoticeHandler(({ key, values }) => useAppStore.getState().showNotice(t(key, values)));
    listenForOpenedFiles(desktopApi());
    return () => {
      setHandInFileHandler(null);
      setOpenedFileNoticeHandler(null);
    };
  }, [t]);
  return (
    <>
      {/* Keyed by the opening: each starts with a fresh form. */}
      {open === 'export' && <ExportDialog key={openings} />}
      {open === 'import' && <ImportDialog key={openings} />}
    </>
  );
}

/** Shows a modal <dialog> as it mounts (focus moves into it; Esc closes it through onClose). */
function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return ref;
}

/** The app's version: the desktop app's, or the one the web build was made from. */
async function appVersion(): Promise<string> {
  try {
    return (await desktopApi().appInfo()).version;
  } catch {
    return __APP_VERSION__;
  }
}

/** Saves `text` as `fileName` through a Blob and an <a download> (the web build and the desktop app alike). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ExportDialog() {
  const { t } = useTranslation(['handIn', 'common']);
  const close = useHandInDialog((s) => s.close);
  const savedName = useAppStore((s) => s.progress.studentName);
  const updateProgress = useAppStore((s) => s.updateProgress);
  const [name, setName] = useState(savedName ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'saved' | 'failed'; text: string } | null>(null);
  const dialog = useModal();
  const id = useId();
  const hasName = savedName !== undefined && studentNameProblem(savedName) === null;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const student = hasName ? savedName : name;
    const wrong = studentNameProblem(student);
    if (wrong) {
      setProblem(wrong);
      return;
    }
    if (!hasName) updateProgress((p) => ({ ...p, studentName: student }));
    const { progress, language } = useAppStore.getState();
    try {
      const handIn = buildHandIn(progress, student, await appVersion(), new Date(), language);
      const fileName = handInFileName(student);
      download(fileName, handInText(handIn));
      saveProgressNow();
      setStatus({ kind: 'saved', text: t('export.saved', { file: fileName }) });
    } catch (error) {
      setStatus({ kind: 'failed', text: t('export.failed', { message: (error as Error).message }) });
    }
  };

  return (
    <dialog ref={dialog} className="hand-in-dialog panel" aria-labelledby={`${id}-title`} onClose={close}>
      <form onSubmit={(e) => void save(e)} noValidate>
        <h2 id={`${id}-title`}>{t('export.title')}</h2>
        <p>{t('export.intro')}</p>
        {hasName ? (
          <>
            <p data-testid="hand-in-as">{t('export.as', { name: savedName, file: handInFileName(savedName) })}</p>
            <OtherNameRunsNote name={savedName} />
          </>
        ) : (
          <>
            <p>{t('export.nameFirst')}</p>
            <StudentNameField
              value={name}
              problem={problem}
              onChange={(v) => {
                setName(v);
                setProblem(null);
              }}
            />
          </>
        )}
        {status && (
          <p className={status.kind === 'saved' ? 'good' : 'error'} role="status" data-testid="export-status">
            {status.text}
          </p>
        )}
        <div className="settings-actions">
          <button type="button" className="btn" onClick={close}>
            {t('common:close')}
          </button>
          <button type="submit" className="btn primary">
            {t('export.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

type ImportState =
  | { step: 'choose' }
  | { step: 'reading'; file: string }
  | { step: 'plan'; plan: ImportPlan; name: string; text: string }
  | { step: 'done'; file: string; summary: string; backup: BackupPlace }
  | { step: 'failed'; file: string; message: string };

/** The plan for a file's text against the progress as it is now. */
function planned(name: string, text: string): ImportState {
  const { progress } = useAppStore.getState();
  // The web build keeps progress in localStorage, which holds less than a hand-in may; the desktop app a file.
  const room = isDesktop() ? null : progressRoom(window.localStorage, progress);
  return { step: 'plan', plan: planImport(name, text, progress, LABS, Date.now(), room), name, text };
}

function ImportDialog() {
  const { t } = useTranslation(['handIn', 'common']);
  const close = useHandInDialog((s) => s.close);
  // A file opened with the desktop app arrives with the opening.
  const [state, setState] = useState<ImportState>(() => {
    const given = useHandInDialog.getState().given;
    return given ? planned(given.name, given.text) : { step: 'choose' };
  });
  const dialog = useModal();
  const picker = useRef<HTMLInputElement>(null);
  const id = useId();

  const picked = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = sizeProblem(file.name, file.size);
    if (tooLarge) {
      setState({
        step: 'plan',
        plan: { kind: 'refused', file: tooLarge.file, problems: [tooLarge] },
        name: file.name,
        text: '',
      });
      return;
    }
    setState({ step: 'reading', file: file.name });
    try {
      setState(planned(file.name, await file.text()));
    } catch (error) {
      setState({ step: 'failed', file: file.name, message: (error as Error).message });
    }
  };

  const confirm = async (current: Extract<ImportState, { step: 'plan' }>) => {
    if (current.plan.kind !== 'ready') return;
    const handIn = current.plan.handIn;
    const store = useAppStore.getState();
    let backup: BackupPlace;
    try {
      // Nothing changes unless the current progress is safely kept first.
      backup = await backupProgress(store.progress, new Date());
    } catch (error) {
      setState({
        step: 'failed',
        file: current.plan.file,
        message: t('import.backupFailed', { message: (error as Error).message }),
      });
      return;
    }
    const { progress, summary } = applyImport(useAppStore.getState().progress, handIn, Date.now());
    store.updateProgress(() => progress);
    if (progress.theme && progress.theme !== store.theme) store.setTheme(progress.theme);
    const language = parseLanguage(progress.language);
    if (language && language !== store.language) store.setLanguage(language);
    saveProgressNow();
    setState({
      step: 'done',
      file: current.plan.file,
      backup,
      summary: t('import.summary', {
        name: handIn.student.name,
        added: summary.stepsAdded.length,
        replaced: summary.stepsReplaced.length,
        unchanged: summary.stepsUnchanged.length,
        labs: Object.keys(handIn.labs).length,
      }),
    });
  };

  return (
    <dialog ref={dialog} className="hand-in-dialog panel" aria-labelledby={`${id}-title`} onClose={close}>
      <div className="hand-in-body">
        <h2 id={`${id}-title`}>{t('import.title')}</h2>
        {state.step !== 'done' && (
          <>
            <p>{t('import.intro')}</p>
            <input
              ref={picker}
              type="file"
              accept=".clusterlab,.json"
              className="sr-only"
              id={`${id}-file`}
              aria-label={t('import.choose')}
              tabIndex={-1}
              data-testid="import-file"
              onChange={(e) => {
                void picked(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <div>
              <button type="button" className="btn" onClick={() => picker.current?.click()}>
                {t('import.choose')}
              </button>
            </div>
          </>
        )}
        {state.step === 'reading' && <p role="status">{t('import.reading', { file: state.file })}</p>}
        {state.step === 'failed' && (
          <p className="error" role="alert">
            {t('import.readFailed', { file: state.file, message: state.message })}
          </p>
        )}
        {state.step === 'plan' && <PlanView plan={state.plan} text={state.text} name={state.name} />}
        {state.step === 'done' && (
          <div role="status" data-testid="import-done">
            <p className="good">{state.summary}</p>
            <p className="muted">
              {state.backup.kind === 'file'
                ? t('import.backedUpFile', { path: state.backup.path })
                : t('import.backedUpBrowser', { key: state.backup.key })}
            </p>
          </div>
        )}
        <div className="settings-actions">
          <button type="button" className="btn" onClick={close}>
            {t(state.step === 'plan' && state.plan.kind === 'ready' ? 'common:cancel' : 'common:close')}
          </button>
          {state.step === 'plan' && state.plan.kind === 'ready' && (
            <button type="button" className="btn primary" onClick={() => void confirm(state)}>
              {t(state.plan.partial ? 'import.loadPartial' : 'import.load')}
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}
