/** The app shell: header, notices and the current view. */
import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import { Header } from './Header';
import { HomePage } from './HomePage';
import { SandboxPage } from './SandboxPage';

export function App() {
  const theme = useAppStore((s) => s.theme);
  const view = useAppStore((s) => s.view);
  const notice = useAppStore((s) => s.notice);
  const showNotice = useAppStore((s) => s.showNotice);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app">
      <Header />
      <main className="main" id="main">
        {notice && (
          <div className="notice" role="alert">
            <span>{notice}</span>
            <button type="button" className="btn small" onClick={() => showNotice(null)}>
              Dismiss
            </button>
          </div>
        )}
        {view.name === 'home' ? <HomePage /> : <SandboxPage tab={view.tab} />}
      </main>
    </div>
  );
}
