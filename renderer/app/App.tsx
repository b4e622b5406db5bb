/** The app shell: header, notices and the current view; starts progress persistence. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { changeLanguage } from '../i18n/i18n';
import { startPersistence } from '../state/persistence';
import { followHashChanges, useAppStore } from '../state/store';
import { Header } from './Header';
import { HomePage } from './HomePage';
import { SandboxPage } from './SandboxPage';
import { LabPage } from '../features/lab/LabPage';
import { ApiReferencePage } from '../features/apiReference/ApiReferencePage';
import { crashNoticeSeen, type RunMarker } from '../state/runMarker';
import { ErrorBoundary } from './ErrorBoundary';
import { CompareHost } from '../features/compare/CompareHost';
import { HandInDialogs } from '../features/handIn/HandInDialogs';

/** The notice for a run that took the last page down (runMarker.ts): where it ran, and what to look for. */
function crashText(marker: RunMarker, t: TFunction<['app', 'common']>): string {
  const place = marker.place;
  const where =
    place.kind === 'sandbox'
      ? t('crash.inSandbox')
      : place.title
        ? t('crash.inLabTitled', { step: place.step + 1, title: place.title })
        : t('crash.inLab', { step: place.step + 1 });
  return t('crash.notice', { where });
}

/** `crashed`: the run that took the last page down (its marker), shown in a notice until dismissed. */
export function App({ crashed = null }: { crashed?: RunMarker | null }) {
  const [crashedRun, setCrashedRun] = useState(crashed);
  const theme = useAppStore((s) => s.theme);
  const view = useAppStore((s) => s.view);
  const notice = useAppStore((s) => s.notice);
  const showNotice = useAppStore((s) => s.showNotice);
  const progressLoaded = useAppStore((s) => s.progressLoaded);
  const language = useAppStore((s) => s.language);
  const { t } = useTranslation(['app', 'common']);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Switching re-renders what reads texts; nothing is remounted, so nothing typed is lost.
  useEffect(() => changeLanguage(language), [language]);

  useEffect(() => {
    const stopFollowing = followHashChanges();
    let stopSaving: (() => void) | undefined;
    let cancelled = false;
    // startPersistence never rejects: a progress file it cannot load becomes a notice.
    void startPersistence().then((stop) => {
      if (cancelled) stop();
      else stopSaving = stop;
    });
    return () => {
      cancelled = true;
      stopFollowing();
      stopSaving?.();
    };
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Header />
      <HandInDialogs />
      <main className="main" id="main" tabIndex={-1}>
        {crashedRun && (
          <div className="notice" role="alert" data-testid="crash-notice">
            <span>{crashText(crashedRun, t)}</span>
            <button
              type="button"
              className="btn small"
              onClick={() => {
                crashNoticeSeen();
                setCrashedRun(null);
              }}
            >
              {t('common:dismiss')}
            </button>
          </div>
        )}
        {notice && (
          <div className="notice" role="alert">
            <span>{notice}</span>
            <button type="button" className="btn small" onClick={() => showNotice(null)}>
              {t('common:dismiss')}
            </button>
          </div>
        )}
        {/* Keyed by the view: a page that failed is tried again when the learner goes elsewhere. */}
        <ErrorBoundary key={view.name} what={t('errorBoundary.page')} part="page">
          {view.name === 'home' && <HomePage />}
          {view.name === 'sandbox' && <SandboxPage tab={view.tab} />}
          {view.name === 'api' && <ApiReferencePage member={view.member} />}
          {view.name === 'lab' &&
            (progressLoaded ? (
              <LabPage
                key={`${view.labId}/${view.step}/${view.mode ?? 'lesson'}`}
                labId={view.labId}
                step={view.step}
                mode={view.mode ?? null}
              />
            ) : (
              <div className="loading" role="status">
                <span className="spinner" /> {t('loadingProgress')}
              </div>
            ))}
        </ErrorBoundary>
        <ErrorBoundary what={t('errorBoundary.compare')} part="compare">
          <CompareHost />
        </ErrorBoundary>
      </main>
    </div>
  );
}
