/** The header: the brand (home), the main sections, Settings and the theme switch. */
import { useState } from 'react';
import { useAppStore } from '../state/store';
import { SettingsDialog } from './SettingsDialog';

export function Header() {
  const view = useAppStore((s) => s.view);
  const navigate = useAppStore((s) => s.navigate);
  const theme = useAppStore((s) => s.theme);
  const toggleTheme = useAppStore((s) => s.toggleTheme);
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <header className="header">
      <button type="button" className="brand" onClick={() => navigate({ name: 'home' })} aria-label="ClusterLab home">
        <img src="./favicon.svg" alt="" />
        ClusterLab
      </button>
      <nav className="nav" aria-label="Sections">
        <button
          type="button"
          className="btn"
          aria-current={view.name === 'home' ? 'page' : undefined}
          onClick={() => navigate({ name: 'home' })}
        >
          Labs
        </button>
        <button
          type="button"
          className="btn"
          aria-current={view.name === 'sandbox' ? 'page' : undefined}
          onClick={() => navigate({ name: 'sandbox', tab: 'cluster' })}
        >
          Sandbox
        </button>
        <button
          type="button"
          className="btn"
          aria-current={view.name === 'api' ? 'page' : undefined}
          onClick={() => navigate({ name: 'api', member: null })}
        >
          Job API
        </button>
      </nav>
      <span className="spacer" />
      <button type="button" className="btn" onClick={() => setSettingsOpen(true)} aria-haspopup="dialog">
        ⚙ Settings
      </button>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <button
        type="button"
        className="btn"
        onClick={toggleTheme}
        aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
      >
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
    </header>
  );
}
