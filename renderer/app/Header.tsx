/** The header: the brand (home), the main sections, Settings and the theme switch. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import { SettingsDialog } from './SettingsDialog';

export function Header() {
  const view = useAppStore((s) => s.view);
  const navigate = useAppStore((s) => s.navigate);
  const theme = useAppStore((s) => s.theme);
  const toggleTheme = useAppStore((s) => s.toggleTheme);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { t } = useTranslation('app');
  return (
    <header className="header">
      <button type="button" className="brand" onClick={() => navigate({ name: 'home' })} aria-label={t('header.home')}>
        <img src="./favicon.svg" alt="" />
        ClusterLab
      </button>
      <nav className="nav" aria-label={t('header.sections')}>
        <button
          type="button"
          className="btn"
          aria-current={view.name === 'home' ? 'page' : undefined}
          onClick={() => navigate({ name: 'home' })}
        >
          {t('header.labs')}
        </button>
        <button
          type="button"
          className="btn"
          aria-current={view.name === 'sandbox' ? 'page' : undefined}
          onClick={() => navigate({ name: 'sandbox', tab: 'cluster' })}
        >
          {t('header.sandbox')}
        </button>
        <button
          type="button"
          className="btn"
          aria-current={view.name === 'api' ? 'page' : undefined}
          onClick={() => navigate({ name: 'api', member: null })}
        >
          {t('header.jobApi')}
        </button>
      </nav>
      <span className="spacer" />
      <button type="button" className="btn" onClick={() => setSettingsOpen(true)} aria-haspopup="dialog">
        {t('header.settings')}
      </button>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <button
        type="button"
        className="btn"
        onClick={toggleTheme}
        aria-label={theme === 'dark' ? t('header.toLight') : t('header.toDark')}
      >
        {theme === 'dark' ? t('header.light') : t('header.dark')}
      </button>
    </header>
  );
}
